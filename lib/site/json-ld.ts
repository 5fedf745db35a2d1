/**
 * Structured data for search engines (schema.org JSON-LD), and its safe
 * serialization: front-matter values land inside a `<script>` element, so
 * `<`, `>` and `&` are written as JSON escapes. `</script>` or `<!--` in a
 * title can then never end or change the script; JSON parsers read the
 * same string back.
 */
import type { Article } from "../content/types";
import { toIsoShanghai } from "../time";
import type { ShareImage } from "../share/share-image";
import { SITE_LOGO, SITE_NAME } from "./config";
import { absoluteUrl, articlePath, categoryPath, homePath, sitePath } from "./urls";

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/** JSON for the body of a `<script type="application/ld+json">`. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(SCRIPT_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * `NewsArticle` plus its `BreadcrumbList` (home → source → article), with
 * what Google's article rich results ask for: image, dates, description,
 * the publisher's logo. The author is the media the news comes from (the
 * finews source), also named as `sourceOrganization`; its URL is the
 * source's page here. Posts carry no edit date: `dateModified` is the
 * publication time, which is when the portal last received the text.
 */
export function articleJsonLd(article: Article, image: ShareImage, description: string): object[] {
  const url = absoluteUrl(articlePath(article));
  const published = toIsoShanghai(article.publishedAt);
  const media = { "@type": "Organization", name: article.source.name, url: absoluteUrl(categoryPath(article.category)) };
  return [
    {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: article.title,
      description,
      image: [image.url],
      datePublished: published,
      dateModified: published,
      mainEntityOfPage: url,
      articleSection: article.category.name,
      author: media,
      sourceOrganization: media,
      publisher: {
        "@type": "Organization",
        name: SITE_NAME,
        url: absoluteUrl(homePath()),
        logo: { "@type": "ImageObject", url: absoluteUrl(sitePath(SITE_LOGO.path)), width: SITE_LOGO.width, height: SITE_LOGO.height },
      },
    },
    {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "首页", item: absoluteUrl(homePath()) },
        { "@type": "ListItem", position: 2, name: article.category.name, item: absoluteUrl(categoryPath(article.category)) },
        { "@type": "ListItem", position: 3, name: article.title, item: url },
      ],
    },
  ];
}

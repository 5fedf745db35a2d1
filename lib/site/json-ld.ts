/**
 * Structured data for search engines (schema.org JSON-LD), and its safe
 * serialization: front-matter values land inside a `<script>` element, so
 * `<`, `>` and `&` are written as JSON escapes. `</script>` or `<!--` in a
 * title can then never end or change the script; JSON parsers read the
 * same string back.
 */
import type { Article } from "../content/types";
import { toIsoShanghai } from "../time";
import { SITE_NAME } from "./config";
import { absoluteUrl, articlePath, categoryPath, homePath } from "./urls";

const SCRIPT_UNSAFE = /[<>&\u2028\u2029]/g;

/** JSON for the body of a `<script type="application/ld+json">`. */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(SCRIPT_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * `NewsArticle` plus its `BreadcrumbList` (home → source). Lean on purpose:
 * every byte here is on the page twice (HTML and React payload), and the
 * description, title and image already are in the page's meta tags.
 */
export function articleJsonLd(article: Article): object[] {
  const url = absoluteUrl(articlePath(article));
  return [
    {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: article.title,
      datePublished: toIsoShanghai(article.publishedAt),
      mainEntityOfPage: url,
      articleSection: article.category.name,
      author: { "@type": "Organization", name: article.source.name, url: article.source.url },
      publisher: { "@type": "Organization", name: SITE_NAME, url: absoluteUrl(homePath()) },
    },
    {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { "@type": "ListItem", position: 1, name: "首页", item: absoluteUrl(homePath()) },
        { "@type": "ListItem", position: 2, name: article.category.name, item: absoluteUrl(categoryPath(article.category)) },
      ],
    },
  ];
}

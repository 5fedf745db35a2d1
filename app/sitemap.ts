import type { MetadataRoute } from "next";
import { getIndex } from "@/lib/content/store";
import { absoluteUrl, articlePath, categoryPath, homePath } from "@/lib/site/urls";

// Generated at build (and again when content changes, see the revalidate hook); a file in a static export.
export const dynamic = "force-static";

/** The home page, every category page and every article, with absolute URLs. */
export default function sitemap(): MetadataRoute.Sitemap {
  const index = getIndex();
  const newest = index.articles[0]?.publishedAt;
  return [
    { url: absoluteUrl(homePath()), lastModified: newest ? new Date(newest) : undefined, changeFrequency: "always" },
    ...index.categories.map(({ category, articles }) => ({
      url: absoluteUrl(categoryPath(category)),
      lastModified: new Date(articles[0].publishedAt),
    })),
    ...index.articles.map((article) => ({
      url: absoluteUrl(articlePath(article)),
      lastModified: new Date(article.publishedAt),
    })),
  ];
}

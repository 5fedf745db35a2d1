import { getIndex } from "@/lib/content/store";
import { isStaticExport, prerenderCategoryCount } from "@/lib/site/config";
import { feedResponse, type FeedFormat } from "@/lib/site/feeds";

/** The same categories as their pages: all for a static export, else the busiest (the rest on first request). */
export function categoryStaticParams() {
  const { categories } = getIndex();
  const chosen = isStaticExport() ? categories : categories.slice(0, prerenderCategoryCount());
  return chosen.map(({ category }) => ({ key: category.key }));
}

export function categoryFeedResponse(format: FeedFormat, key: string): Response {
  const entry = getIndex().byCategory.get(key);
  if (!entry) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return feedResponse(format, { category: entry.category, articles: entry.articles });
}

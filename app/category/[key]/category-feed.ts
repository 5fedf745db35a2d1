import { getIndex } from "@/lib/content/content-store";
import { prerenderCategoryCount } from "@/lib/site/config";
import { feedResponse, type FeedFormat } from "@/lib/site/feeds";

/** The same categories as their pages: the busiest (the rest on first request). */
export function categoryStaticParams() {
  return getIndex().categories.slice(0, prerenderCategoryCount()).map(({ category }) => ({ key: category.key }));
}

export function categoryFeedResponse(format: FeedFormat, key: string): Response {
  const entry = getIndex().byCategory.get(key);
  if (!entry) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return feedResponse(format, { category: entry.category, articles: entry.articles });
}

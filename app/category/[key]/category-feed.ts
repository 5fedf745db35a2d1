import { getIndex } from "@/lib/content/content-store";
import { feedResponse, type FeedFormat } from "@/lib/site/feeds";

/** One category's feed in `format`, or a 404 for a key no category has. */
export function categoryFeedResponse(format: FeedFormat, key: string): Response {
  const entry = getIndex().byCategory.get(key);
  if (!entry) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return feedResponse(format, { category: entry.category, articles: entry.articles });
}

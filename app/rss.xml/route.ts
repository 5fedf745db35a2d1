import { getIndex } from "@/lib/content/content-store";
import { feedResponse } from "@/lib/site/feeds";

// A file in a static export; under npm start, refreshed by the revalidate hook.
export const dynamic = "force-static";

export function GET() {
  return feedResponse("rss", { articles: getIndex().articles });
}

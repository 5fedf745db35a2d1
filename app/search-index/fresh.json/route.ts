import { getContent } from "@/lib/content/store";
import { freshArticles } from "@/lib/search/fresh";
import { contentDir, searchIndexDir } from "@/lib/site/config";

// A file in a static export (empty: the index there is as new as the pages); under npm start, refreshed by the revalidate hook.
export const dynamic = "force-static";

export function GET() {
  const dir = contentDir();
  return Response.json(freshArticles(dir, getContent(dir), searchIndexDir()));
}

import { getIndex } from "@/lib/content/content-store";
import { sitemapIndexXml } from "@/lib/site/sitemaps";

// A file in a static export; under npm start, refreshed by the revalidate hook.
export const dynamic = "force-static";

export function GET() {
  return new Response(sitemapIndexXml(getIndex()), { headers: { "content-type": "application/xml; charset=utf-8" } });
}

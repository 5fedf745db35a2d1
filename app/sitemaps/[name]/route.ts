import { getIndex } from "@/lib/content/content-store";
import { sitemapNames, sitemapXml } from "@/lib/site/sitemaps";

export const dynamic = "force-static";
// New files appear when the article count crosses 50,000: under npm start those render on request
// (dynamicParams' default; saying so explicitly would break the static export, which does not allow it).

export function generateStaticParams() {
  return sitemapNames(getIndex()).map((name) => ({ name }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ name: string }> }) {
  const xml = sitemapXml(getIndex(), (await params).name);
  if (xml === undefined) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(xml, { headers: { "content-type": "application/xml; charset=utf-8" } });
}

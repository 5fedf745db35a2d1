import { getIndex } from "@/lib/content/content-store";
import { decodePathSegment } from "@/lib/site/urls";
import { headlineCardPng } from "@/lib/share/headline-cards";

// Drawn on request from the current index (lib/share/headline-cards.ts keeps them): never prerendered.
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const index = getIndex();
  const png = headlineCardPng(index.articles, index.byId.get(decodePathSegment((await params).id)));
  if (!png) return new Response("没有这张分享图。\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(new Uint8Array(png), { headers: { "content-type": "image/png" } });
}

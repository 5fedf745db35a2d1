import { getIndex } from "@/lib/content/content-store";
import { legacyPostPath } from "@/lib/site/legacy-urls";

type Params = { legacy: string; year: string; month: string; day: string; file: string };

/** Jekyll's `/<category>/<yyyy>/<mm>/<dd>/<slug>.html` → a permanent redirect to the article. */
export async function GET(_request: Request, { params }: { params: Promise<Params> }) {
  const target = legacyPostPath(getIndex(), await params);
  if (!target) return new Response("Not found", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  return new Response(null, { status: 308, headers: { location: target } });
}

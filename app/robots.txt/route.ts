import { robotsTxt } from "@/lib/site/robots";

// The same text as the static export's file (scripts/export/).
export const dynamic = "force-static";

export function GET() {
  return new Response(robotsTxt(), { headers: { "content-type": "text/plain; charset=utf-8" } });
}

import { getIndex } from "@/lib/content/content-store";
import { latestJson } from "@/lib/site/latest";

/** `/latest.json` (lib/site/latest.ts): a file in a static export (route.export.ts), computed per request on a server (route.live.ts). */
export function latestResponse(): Response {
  return Response.json(latestJson(getIndex().articles));
}

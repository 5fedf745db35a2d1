import { getIndex } from "@/lib/content/store";
import { latestJson } from "@/lib/site/latest";

// A file in a static export; under npm start, refreshed by the revalidate hook.
export const dynamic = "force-static";

export function GET() {
  return Response.json(latestJson(getIndex().articles));
}

import { liveFreshArticles } from "@/lib/search/server";

/** `/search-index/fresh.json` (lib/search/fresh.ts): live on a server (route.live.ts); the same list the server's own search merges in. */
export function freshResponse(): Response {
  return Response.json(liveFreshArticles(), { headers: { "cache-control": "no-cache" } });
}

import { getContent } from "@/lib/content/store";
import type { FreshArticles } from "@/lib/search/client";
import { freshArticles } from "@/lib/search/fresh";
import { contentDir, searchIndexDir } from "@/lib/site/config";

/** One answer per state of the content: the index's object changes when the content does. */
const answers = new WeakMap<object, FreshArticles>();

/** `/search-index/fresh.json` (lib/search/fresh.ts): empty in a static export (route.export.ts), live on a server (route.live.ts). */
export function freshResponse(): Response {
  const dir = contentDir();
  const content = getContent(dir);
  let answer = answers.get(content.index);
  if (!answer) answers.set(content.index, (answer = freshArticles(dir, content, searchIndexDir())));
  return Response.json(answer, { headers: { "cache-control": "no-cache" } });
}

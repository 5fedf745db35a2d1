import { revalidatePath } from "next/cache";
import { after } from "next/server";
import { getIndex, refreshContent } from "@/lib/content/content-store";
import { formatSummary } from "@/lib/content/problems";
import { hookRevalidated } from "@/lib/serve/change-claim";
import { articleIdFor } from "@/lib/content/article-id";
import { revalidateTokens, watcherToken } from "@/lib/site/revalidate-token";
import { FEED_FORMATS, feedPath } from "@/lib/site/feeds";
import { sitemapNames, sitemapPath } from "@/lib/site/sitemaps";
import { articlePath, homePath } from "@/lib/site/urls";

/**
 * POST /api/revalidate: re-scan the content folder (only new and changed
 * files are parsed) and drop every cached page, so the next request renders
 * from the fresh index. Called by the built-in content watcher, or by
 * operators (`Authorization: Bearer $REVALIDATE_TOKEN`) after syncing posts
 * to a folder the watcher cannot see (e.g. a network share).
 *
 * (This file is `route.live.ts`: only server builds pick it up; a static
 * export has no server to revalidate.)
 */
export async function POST(request: Request) {
  const auth = request.headers.get("authorization") ?? "";
  const token = auth.startsWith("Bearer ") ? auth.slice(7) : "";
  if (!token || !revalidateTokens().includes(token)) {
    return Response.json({ error: "unauthorized" }, { status: 401 });
  }
  const files = await changedPosts(request);
  if (files === undefined) return Response.json({ error: `body over ${MAX_BODY_BYTES} bytes` }, { status: 413 });
  const started = performance.now();
  const before = getIndex(); // a deleted post's category is only known here
  const content = refreshContent();
  // Every page shows the index (lists, counts, prev/next), so all of them go stale together.
  revalidatePath("/", "layout");
  revalidatePath("/sitemap.xml");
  for (const name of sitemapNames(content.index)) revalidatePath(sitemapPath(name));
  // Feeds are route handlers, outside the layout: named one by one.
  for (const format of FEED_FORMATS) revalidatePath(feedPath(format));
  // A post's own URL may hold a cached 404 from before it existed; the layout
  // revalidation does not reach that entry, its literal path does. Its
  // category's feeds change with it.
  for (const file of files) {
    const id = articleIdFor(file);
    revalidatePath(articlePath({ id }));
    const category = (content.index.byId.get(id) ?? before.byId.get(id))?.category;
    if (category) for (const format of FEED_FORMATS) revalidatePath(feedPath(format, category));
  }
  // Next.js regenerates a revalidated page on its next visit and hands that visitor the old render:
  // the hook is that visitor for the home page, so readers get the new one (after a moment's regeneration).
  after(() => fetch(new URL(homePath(), request.url), { cache: "no-store" }).then((r) => r.arrayBuffer(), () => undefined));
  // Several instances (REDIS_URL): an operator's call reaches the others too (lib/serve/change-claim.ts);
  // the watcher's own calls are announced by lib/serve/freshness.ts once the change is parsed.
  if (token !== watcherToken()) hookRevalidated(files);
  return Response.json({
    summary: formatSummary(content),
    parsed: content.parsed,
    ms: Math.round(performance.now() - started),
  });
}

/** A list of 10,000 file names fits many times over; even a token holder does not get to fill the memory. */
const MAX_BODY_BYTES = 1024 * 1024;

/** The `_posts/…` files the caller says changed (`{"files": [...]}`), if it said; undefined when the body is over the limit. */
async function changedPosts(request: Request): Promise<string[] | undefined> {
  const text = await readCapped(request, MAX_BODY_BYTES);
  if (text === undefined) return undefined;
  try {
    const body = JSON.parse(text) as { files?: unknown };
    return Array.isArray(body.files)
      ? body.files.filter((f): f is string => typeof f === "string" && f.startsWith("_posts/")).slice(0, 10_000)
      : [];
  } catch {
    return []; // No body: a plain "re-scan everything" call.
  }
}

/** The body as text, read no further than `limit` bytes (undefined past it, whatever Content-Length claimed). */
async function readCapped(request: Request, limit: number): Promise<string | undefined> {
  if (Number(request.headers.get("content-length") ?? 0) > limit) return undefined;
  if (!request.body) return "";
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

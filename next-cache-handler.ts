/**
 * Next.js's `cacheHandler` when REDIS_URL is set (next.config.js names this
 * file only then, and only for `npm start`): the rendered pages and route
 * handlers of every instance go to Redis as well, and an instance asks Redis
 * before it renders. The key scheme, the entry format and the request
 * bookkeeping are in lib/serve/shared-cache.ts; this file only adapts them
 * to Next.js's interface (CacheHandler in
 * next/dist/server/lib/incremental-cache).
 *
 * Why Next.js's own interface and not a packaged handler: the well-kept one
 * (@fortedigital/nextjs-cache-handler) needs Node 22 and this portal runs on
 * Node 20; and what it adds (tag bookkeeping in Redis, its own fallbacks)
 * this portal does not need, because a content change moves every instance
 * to a new key prefix (the content edition) instead of deleting tags.
 *
 * Two tiers. Redis first, bounded (150 ms; lib/serve/redis-link.ts); then
 * Next.js's own FileSystemCache, exactly the cache an instance without
 * Redis uses: the build's prerendered pages from disk, renders in memory
 * (NEXT_CACHE_MAX_BYTES) and the revalidated-tags bookkeeping of
 * `revalidatePath`. So with Redis down an instance answers exactly as a
 * Redis-less one does, and when Redis has nothing yet the prerendered pages
 * still come from disk.
 */
import FileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache";
import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from "next/dist/server/lib/incremental-cache";
import { noteOutcome, readShared, sharedCacheRuntime, writeShared } from "./lib/serve/shared-cache";

type Get = CacheHandler["get"];
type Set = CacheHandler["set"];

/** Only whole responses are shared: pages and route handlers (feeds, sitemaps, JSON). */
function isShared(value: unknown): boolean {
  const kind = (value as { kind?: string } | null)?.kind;
  return kind === "APP_PAGE" || kind === "APP_ROUTE";
}

export default class FinewsCacheHandler implements CacheHandler {
  private readonly local: FileSystemCache;
  /** The edition each key was looked up under: its render is filed under the content it was made from. */
  private readonly lookedUp = new Map<string, string>();

  constructor(ctx: CacheHandlerContext) {
    this.local = new FileSystemCache(ctx as ConstructorParameters<typeof FileSystemCache>[0]);
  }

  async get(...[key, ctx]: Parameters<Get>): Promise<CacheHandlerValue | null> {
    const runtime = sharedCacheRuntime();
    if (runtime && (ctx as { kind?: string }).kind !== "FETCH") {
      const edition = runtime.edition();
      if (this.lookedUp.size > 1000) this.lookedUp.clear();
      this.lookedUp.set(key, edition);
      const entry = await readShared(runtime, edition, key);
      if (entry && isShared(entry.value)) {
        if (entry.writer !== runtime.instance) noteOutcome("shared");
        return { lastModified: entry.lastModified, value: entry.value as CacheHandlerValue["value"], cacheControl: entry.cacheControl as CacheHandlerValue["cacheControl"] };
      }
    }
    return this.local.get(key, ctx);
  }

  async set(...[key, data, ctx]: Parameters<Set>): Promise<void> {
    await this.local.set(key, data, ctx as never);
    const runtime = sharedCacheRuntime();
    if (!runtime || !isShared(data)) return;
    noteOutcome("render");
    const edition = this.lookedUp.get(key) ?? runtime.edition();
    this.lookedUp.delete(key);
    const cacheControl = (ctx as { cacheControl?: unknown }).cacheControl;
    // Awaited (at most 150 ms, never rejecting): once this instance has answered, the others find the render.
    await writeShared(runtime, edition, key, { lastModified: Date.now(), value: data, cacheControl, writer: runtime.instance });
  }

  revalidateTag(...args: Parameters<CacheHandler["revalidateTag"]>): Promise<void> {
    return this.local.revalidateTag(...args);
  }

  resetRequestCache(): void {
    this.local.resetRequestCache();
  }
}

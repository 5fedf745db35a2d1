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
 * Two tiers: Next.js's own FileSystemCache, exactly the cache an instance
 * without Redis uses (the build's prerendered pages from disk, renders in
 * memory up to NEXT_CACHE_MAX_BYTES, the revalidated-tags bookkeeping of
 * `revalidatePath`), and Redis, bounded (150 ms; lib/serve/redis-link.ts).
 * An entry this instance holds for the current content edition comes from
 * memory; anything else is asked of Redis first (another instance may have
 * rendered it for this edition), then of the local cache. With Redis down
 * an instance answers exactly as a Redis-less one does, and the
 * prerendered pages come from disk whatever Redis holds.
 */
import FileSystemCache from "next/dist/server/lib/incremental-cache/file-system-cache";
import type { CacheHandler, CacheHandlerContext, CacheHandlerValue } from "next/dist/server/lib/incremental-cache";
import { noteOutcome, noteWrite, readShared, sharedCacheRuntime, writeShared } from "./lib/serve/shared-cache";

type Get = CacheHandler["get"];
type Set = CacheHandler["set"];

/** Only whole responses are shared: pages and route handlers (feeds, sitemaps, JSON). */
function isShared(value: unknown): boolean {
  const kind = (value as { kind?: string } | null)?.kind;
  return kind === "APP_PAGE" || kind === "APP_ROUTE";
}

/**
 * Which content edition each entry of this instance's own cache was rendered
 * (or fetched from Redis) under. An entry of the current edition is served
 * from memory without asking Redis: the hot pages cost a lookup, and Redis
 * is asked only for what this instance does not hold for this content.
 * Bounded: past the limit the oldest half is forgotten (they are then asked
 * of Redis again).
 */
const localEditions = new Map<string, string>();
const MAX_LOCAL_EDITIONS = 50_000;

function rememberLocal(key: string, edition: string): void {
  localEditions.delete(key);
  localEditions.set(key, edition);
  if (localEditions.size > MAX_LOCAL_EDITIONS) {
    let drop = localEditions.size / 2;
    for (const old of localEditions.keys()) {
      if (drop-- <= 0) break;
      localEditions.delete(old);
    }
  }
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
      if (localEditions.get(key) === edition) {
        const local = await this.local.get(key, ctx);
        if (local) return local;
      }
      const entry = await readShared(runtime, edition, key);
      if (entry && isShared(entry.value)) {
        if (entry.writer !== runtime.instance) noteOutcome("shared");
        const value = entry.value as CacheHandlerValue["value"];
        const cacheControl = entry.cacheControl as CacheHandlerValue["cacheControl"];
        // Kept here too: the next request for it is answered from memory.
        await this.local.set(key, value, { cacheControl } as never);
        rememberLocal(key, edition);
        return { lastModified: entry.lastModified, value, cacheControl };
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
    rememberLocal(key, edition);
    const cacheControl = (ctx as { cacheControl?: unknown }).cacheControl;
    // Bounded (150 ms) and never rejecting; the request that rendered waits for it (trackOutcome), Next.js does not.
    noteWrite(writeShared(runtime, edition, key, { lastModified: Date.now(), value: data, cacheControl, writer: runtime.instance }));
  }

  revalidateTag(...args: Parameters<CacheHandler["revalidateTag"]>): Promise<void> {
    return this.local.revalidateTag(...args);
  }

  resetRequestCache(): void {
    this.local.resetRequestCache();
  }
}

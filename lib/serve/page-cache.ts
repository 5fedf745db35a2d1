/**
 * A short-lived cache of finished answers in front of the renderer
 * ("microcaching", as nginx and Varnish do it for news sites). A page read by
 * a hundred readers in the same second is produced once and sent a hundred
 * times from memory; concurrent misses for one page wait for the first
 * (request collapsing) and get its finished answer as soon as Next.js has
 * ended it. Freshness costs at most the TTL.
 *
 * Bounded on every axis a stranger can push (lru-cache): entries expire
 * after the TTL and are purged on time by one timer, not when asked for
 * again; total size (key, headers and body) and the number of entries have a
 * maximum, least recently used out first; one answer may take at most a
 * quarter of the budget. Only 200s are kept, so the unbounded space of
 * unknown URLs (each a 404 or a redirect) never enters it.
 *
 * Kept per URL and per chosen encoding (br, gzip or identity). Never kept:
 * anything but GET/HEAD, `/api/`, Next.js's router requests (their answer
 * depends on request headers), requests with credentials or a Range, and
 * answers that set a cookie or say `private`/`no-store`.
 */
import type { IncomingMessage } from "node:http";
import { LRUCache } from "lru-cache";
import { type Answer, answerBytes, headerOf } from "./answer";
import type { Encoding } from "./encoding";

export interface PageCacheOptions {
  /** How long an answer is reused, in ms. 0 turns the cache (and request collapsing) off. */
  ttlMs: number;
  /** Total bytes kept: keys, headers and bodies. */
  maxBytes: number;
  /** Most answers kept. */
  maxEntries: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Headers that make the router's requests differ from a document load of the same URL. */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-url", "next-action"];

/** The cache key, or undefined when this request must go to the renderer on its own. */
export function cacheKey(req: IncomingMessage, encoding: Encoding): string | undefined {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  const url = req.url ?? "/";
  if (url.startsWith("/api/") || /[?&]_rsc=/.test(url)) return undefined;
  if (ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) return undefined;
  if (req.headers.authorization || req.headers.cookie || req.headers.range) return undefined;
  return `${encoding} ${url}`;
}

/** An answer other readers may be given: nothing personal in it. */
export function isShareable(answer: Answer): boolean {
  return answer.headers["set-cookie"] === undefined && !/\b(?:private|no-store)\b/i.test(headerOf(answer, "cache-control") ?? "");
}

/** An answer worth keeping: a shareable 200 that Next.js did not flag as an old render it is replacing. */
export function isStorable(answer: Answer): boolean {
  return answer.status === 200 && isShareable(answer) && !/^stale$/i.test(headerOf(answer, "x-nextjs-cache") ?? "");
}

export class PageCache {
  private readonly stored: LRUCache<string, Answer> | undefined;
  private readonly pending = new Map<string, Promise<Answer | undefined>>();
  private readonly purge: NodeJS.Timeout | undefined;
  hits = 0;
  misses = 0;

  constructor(options: PageCacheOptions) {
    if (options.ttlMs <= 0) return;
    this.stored = new LRUCache<string, Answer>({
      ttl: options.ttlMs,
      ttlResolution: 0,
      max: options.maxEntries,
      maxSize: options.maxBytes,
      maxEntrySize: Math.max(1, Math.floor(options.maxBytes / 4)),
      sizeCalculation: (answer, key) => Math.max(1, key.length + answerBytes(answer)),
      ...(options.now ? { perf: { now: options.now } } : {}),
    });
    // One sweep per TTL (cheap: O(entries)) rather than a timer per entry (ttlAutopurge).
    this.purge = setInterval(() => this.stored?.purgeStale(), Math.max(options.ttlMs, 100));
    this.purge.unref();
  }

  get enabled(): boolean {
    return this.stored !== undefined;
  }

  /** Answers kept now. */
  get size(): number {
    return this.stored?.size ?? 0;
  }

  /** Bytes kept now, as the budget counts them. */
  get bytes(): number {
    return this.stored?.calculatedSize ?? 0;
  }

  /**
   * The answer for `key`: kept from the last TTL, else the one being produced
   * for another reader right now (as soon as Next.js ends it, if it may be
   * shared), else `produce`'s, which readers arriving meanwhile then share and
   * which is kept when storable.
   */
  async answer(key: string, produce: () => Promise<Answer | undefined>): Promise<Answer | undefined> {
    const pending = this.pending.get(key);
    const shared = this.stored?.get(key) ?? (pending && (await pending));
    if (shared) {
      this.hits++;
      return shared;
    }
    return this.produce(key, produce);
  }

  private async produce(key: string, produce: () => Promise<Answer | undefined>): Promise<Answer | undefined> {
    this.misses++;
    const made = produce();
    const shared = made.then(
      (answer) => (answer && isShareable(answer) ? answer : undefined),
      () => undefined,
    );
    this.pending.set(key, shared);
    try {
      const answer = await made;
      if (answer && isStorable(answer)) this.stored?.set(key, answer);
      return answer;
    } finally {
      if (this.pending.get(key) === shared) this.pending.delete(key);
    }
  }

  clear(): void {
    this.stored?.clear();
  }

  /** Stops the purge timer (it never holds the process open anyway). */
  close(): void {
    clearInterval(this.purge);
  }
}

/**
 * The page cache several `npm start` instances share through Redis
 * (REDIS_URL). Next.js's own cache-handler interface is the seam
 * (next-cache-handler.ts at the root adapts it): Next.js asks it for a
 * route's rendered entry before it renders and hands it every render, so a
 * page rendered by one instance is read by the others instead of rendered
 * again. This module is the plain part: the key scheme, how an entry is
 * stored, and which request was answered from whose render.
 *
 * Keys: `finews:<build id>:<content edition>:page:<Next.js cache key>`.
 * - The build id keeps two builds (a deploy rolling over the instances) from
 *   ever reading each other's pages: another build may render another way.
 * - The content edition (`contentEdition`) changes whenever the content an
 *   instance renders from changes: a new, changed or deleted post, or a
 *   scheduled post going live. Entries of the old edition are simply no
 *   longer asked for (they expire after a day), so a revalidation needs no
 *   deletion in Redis and no instance can read a page rendered from older
 *   content than its own index. An instance renders with the edition it had
 *   when Next.js looked the page up, so a render that straddles a change is
 *   filed under the edition it was made from.
 *
 * Entries are the value Next.js gave to `set` (HTML, flight data, headers,
 * Maps of Buffers), v8-serialized: no JSON round trip to get Buffers or Maps
 * wrong.
 *
 * What each answer was, for the response header `x-finews-cache` and the
 * render counter: `shared` when Next.js served another instance's render,
 * `render` when this request rendered. Tracked per request with
 * AsyncLocalStorage, on globalThis because Next.js loads the cache handler
 * as its own module copy.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createHash, randomUUID } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import type { LoadedContent } from "../content/load-content";
import { contentFingerprint } from "../content/content-store";
import type { RedisLink } from "./redis-link";

/** What `npm start` installs for the cache handler to find: the link, this instance, the build and its content. */
export interface SharedCacheRuntime {
  link: RedisLink;
  /** Unique per process: tells another instance's render from this one's. */
  instance: string;
  buildId: string;
  /** The edition of the content this instance renders from right now. */
  edition(): string;
  /** Renders made and shared answers served by this instance since it started. */
  counts: { renders: number; shared: number };
}

/** One stored render. */
export interface SharedEntry {
  /** When it was rendered (ms since the epoch): Next.js judges its age and its revalidated tags by it. */
  lastModified: number;
  value: unknown;
  cacheControl?: unknown;
  /** The instance that rendered it. */
  writer: string;
}

/** Entries of an edition nobody asks for any more leave on their own. */
export const SHARED_ENTRY_TTL_MS = 24 * 60 * 60 * 1000;

const RUNTIME = Symbol.for("finews-portal.shared-cache");
const MARKS = Symbol.for("finews-portal.shared-cache-marks");
type Holder = { [RUNTIME]?: SharedCacheRuntime; [MARKS]?: AsyncLocalStorage<RequestMark> };

export type CacheOutcome = "shared" | "render";
interface RequestMark {
  outcome?: CacheOutcome;
  /** Renders of this request still on their way to Redis. */
  writes: Promise<unknown>[];
}

export function installSharedCache(runtime: SharedCacheRuntime | undefined): void {
  (globalThis as Holder)[RUNTIME] = runtime;
}

export function sharedCacheRuntime(): SharedCacheRuntime | undefined {
  return (globalThis as Holder)[RUNTIME];
}

export function newInstanceId(): string {
  return randomUUID().slice(0, 8);
}

/** Where one page of one build and content edition lives in Redis. */
export function pageKey(buildId: string, edition: string, cacheKey: string): string {
  return `finews:${buildId}:${edition}:page:${cacheKey}`;
}

const editions = new WeakMap<object, string>();

/**
 * A digest of the posts an index was made from and of how many are public
 * now: equal on every instance that reads the same files (same paths, sizes,
 * modification times) at the same moment; changes with a post added, changed
 * or deleted, and with a scheduled post going live. Kept per loaded index,
 * so a request pays a WeakMap lookup.
 */
export function contentEdition(content: Pick<LoadedContent, "cache" | "published">): string {
  const known = editions.get(content);
  if (known) return known;
  const edition = createHash("sha256").update(`${contentFingerprint(content)}\0${content.published}`).digest("hex").slice(0, 16);
  editions.set(content, edition);
  return edition;
}

export function encodeEntry(entry: SharedEntry): Buffer {
  return serialize(entry);
}

/** The entry, or undefined for bytes that are not one (another version's format, a truncated value). */
export function decodeEntry(bytes: Buffer): SharedEntry | undefined {
  try {
    const entry = deserialize(bytes) as Partial<SharedEntry> | null;
    if (!entry || typeof entry !== "object" || typeof entry.lastModified !== "number" || typeof entry.writer !== "string" || !("value" in entry)) return undefined;
    return entry as SharedEntry;
  } catch {
    return undefined;
  }
}

/** The stored render of `cacheKey` for this build and edition; undefined when absent or Redis is unreachable. */
export async function readShared(runtime: SharedCacheRuntime, edition: string, cacheKey: string): Promise<SharedEntry | undefined> {
  const bytes = await runtime.link.get(pageKey(runtime.buildId, edition, cacheKey));
  return bytes ? decodeEntry(bytes) : undefined;
}

/** Stores a render; false when Redis did not take it (the render is still kept locally by the caller). */
export function writeShared(runtime: SharedCacheRuntime, edition: string, cacheKey: string, entry: SharedEntry): Promise<boolean> {
  return runtime.link.set(pageKey(runtime.buildId, edition, cacheKey), encodeEntry(entry), { ttlMs: SHARED_ENTRY_TTL_MS }).then((stored) => stored === true);
}

function marks(): AsyncLocalStorage<RequestMark> {
  return ((globalThis as Holder)[MARKS] ??= new AsyncLocalStorage<RequestMark>());
}

/**
 * Runs one request's handling; resolves to its result and what the shared
 * cache did for it, once the request's renders are in Redis (each write is
 * bounded): an instance that has answered a page can count on the others
 * finding it. Next.js stores a render while the answer goes out, so the
 * writes are collected until the next turn of the event loop.
 */
export async function trackOutcome<T>(run: () => Promise<T>): Promise<[T, CacheOutcome | undefined]> {
  const mark: RequestMark = { writes: [] };
  const result = await marks().run(mark, run);
  if (mark.outcome === "render") {
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.all(mark.writes);
  }
  return [result, mark.outcome];
}

/** Registers a render's write to Redis with the request that rendered it (see trackOutcome). */
export function noteWrite(write: Promise<unknown>): void {
  marks().getStore()?.writes.push(write);
}

/** Notes, for the request being handled, that it was answered from another instance's render or rendered here. */
export function noteOutcome(outcome: CacheOutcome): void {
  const mark = marks().getStore();
  // A render wins: a page that read a shared entry and then rendered anyway was rendered.
  if (mark && mark.outcome !== "render") mark.outcome = outcome;
  const runtime = sharedCacheRuntime();
  if (runtime) runtime.counts[outcome === "render" ? "renders" : "shared"]++;
}

/**
 * What caches (browsers, a CDN in front of `npm start`) are told about each
 * answer, decided in one place. Next.js would tell them to keep pages, feeds
 * and 404s for a year (`s-maxage=31536000`: ISR's "until revalidated", which
 * only Next.js's own cache honours); a CDN would then freeze the front page
 * and keep the 404 of a post that arrives later.
 *
 * - live documents (HTML pages, feeds, sitemaps, /latest.json, the search
 *   index's manifest and fresh.json): browsers revalidate every time (an
 *   ETag makes that a 304); a shared cache may reuse one for 10 s and serve
 *   it up to a minute stale while it fetches the new one.
 * - 404/410: 5 s in a shared cache, never stale: a post that arrives shows.
 * - permanent redirects (old Jekyll URLs, trailing slashes): an hour.
 * - content-addressed files (/_next/static/, /search-index/<build id>/): a year, immutable.
 * - other files (/js/reader.js, icons: not content-addressed): 5 minutes.
 * - the API, 5xx and every other status: not stored. A `private` or
 *   `no-store` answer keeps what it said.
 */
import { type Answer, headerOf, withHeaders } from "./answer";
import { SEARCH_INDEX_PATH } from "../site/search-urls";

export const CACHE_CONTROL = {
  live: "public, max-age=0, s-maxage=10, stale-while-revalidate=60",
  missing: "public, max-age=0, s-maxage=5",
  moved: "public, max-age=3600",
  file: "public, max-age=300",
  immutable: "public, max-age=31536000, immutable",
  none: "no-store",
} as const;

/** Documents whose content follows the posts: HTML, XML (feeds, sitemaps), JSON (JSON Feed, /latest.json), plain text (robots.txt). */
const LIVE_TYPE = /^\s*(?:text\/(?:html|xml|plain)|application\/(?:xml|json|[a-z0-9.-]+\+(?:xml|json)))\s*(?:;|$)/i;

/** Named by their content, so they never change: Next.js's build output and the search index's build folders (lib/search/layout.ts). */
const IMMUTABLE_PATH = new RegExp(`^(?:/_next/static/|${SEARCH_INDEX_PATH}/[0-9a-f]{12}/)`);

/** Statuses whose answer is the representation itself (or, for 304, stands for it). */
const REPRESENTATION = new Set([200, 203, 206, 304]);

export function isLiveDocument(answer: Pick<Answer, "headers">): boolean {
  return LIVE_TYPE.test(headerOf(answer, "content-type") ?? "");
}

/** The Cache-Control an answer at `path` gets. */
export function cacheControlFor(path: string, answer: Answer): string {
  const upstream = headerOf(answer, "cache-control") ?? "";
  if (path.startsWith("/api/") || answer.status >= 500) return CACHE_CONTROL.none;
  if (/\b(?:private|no-store)\b/i.test(upstream)) return upstream;
  if (answer.status === 404 || answer.status === 410) return CACHE_CONTROL.missing;
  if (answer.status === 301 || answer.status === 308) return CACHE_CONTROL.moved;
  if (!REPRESENTATION.has(answer.status)) return CACHE_CONTROL.none;
  if (IMMUTABLE_PATH.test(path)) return CACHE_CONTROL.immutable;
  return isLiveDocument(answer) ? CACHE_CONTROL.live : CACHE_CONTROL.file;
}

/** The answer with its Cache-Control decided (whatever Next.js said). */
export function withCachingHeaders(answer: Answer, path: string): Answer {
  return withHeaders(answer, { "cache-control": cacheControlFor(path, answer) });
}

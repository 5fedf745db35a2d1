/**
 * Validators, so that a reader (a browser, a feed reader polling every few
 * minutes, a CDN) that already holds an answer gets a 304 instead of the
 * whole body again.
 *
 * ETag: weak, a hash of the body before compression (`W/"…"`). The brotli,
 * gzip and identity bodies of one page are the same representation for a
 * reader, so they share it; a strong ETag would have to differ per encoding.
 * Next.js's own ETag is of the page before the React runtime was taken out,
 * so it is replaced. If-None-Match compares weakly, lists and `*` included.
 *
 * Last-Modified, on live documents only: the time the content index last
 * changed (`lastModified`), which every page, feed and sitemap is rendered
 * from. Two cases where it could vouch for bytes that are older, and so is
 * left out (the ETag still works):
 * - Next.js answered from its cache while it renders the page again after a
 *   change (`x-nextjs-cache: STALE`);
 * - the change is less than a second old: Last-Modified counts whole
 *   seconds, and a second change in the same second would get the same date.
 *   A second later, any further change has a later second.
 */
import { createHash } from "node:crypto";
import { type Answer, headerOf, withHeaders } from "./answer";
import { isLiveDocument } from "./caching-headers";

export interface Conditions {
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

export interface ValidatorOptions {
  /** When the content index last changed (ms since the epoch), if known. */
  lastModified?: () => number | undefined;
  now?: () => number;
}

/** The weak ETag of a body. */
export function etagOf(body: Buffer): string {
  return `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** ETag (and, on live documents, Last-Modified) for a 200; none on any other answer, which is never a 304. */
export function withValidators(answer: Answer, { lastModified, now = Date.now }: ValidatorOptions = {}): Answer {
  if (answer.status !== 200) return withHeaders(answer, { etag: undefined, "last-modified": undefined });
  const changes: Record<string, string | undefined> = { etag: etagOf(answer.body) };
  if (isLiveDocument(answer) && headerOf(answer, "last-modified") === undefined) {
    const changedAt = lastModified?.();
    const stale = /^stale$/i.test(headerOf(answer, "x-nextjs-cache") ?? "");
    if (changedAt !== undefined && !stale && now() - changedAt >= 1000) changes["last-modified"] = new Date(changedAt).toUTCString();
  }
  return withHeaders(answer, changes);
}

/**
 * True when a GET/HEAD with these conditions may be answered 304 for this
 * 200 answer (RFC 9110 §13.1): If-None-Match when present, weak comparison;
 * else If-Modified-Since against Last-Modified.
 */
export function isNotModified(conditions: Conditions, answer: Pick<Answer, "status" | "headers">): boolean {
  if (answer.status !== 200) return false;
  if (conditions.ifNoneMatch !== undefined) {
    if (conditions.ifNoneMatch.trim() === "*") return true;
    const etag = headerOf(answer, "etag");
    return etag !== undefined && entityTags(conditions.ifNoneMatch).some((tag) => opaque(tag) === opaque(etag));
  }
  if (conditions.ifModifiedSince !== undefined) {
    const modified = Date.parse(headerOf(answer, "last-modified") ?? "");
    const since = Date.parse(conditions.ifModifiedSince);
    return Number.isFinite(modified) && Number.isFinite(since) && modified <= since;
  }
  return false;
}

/** The entity tags of an If-None-Match list (a tag may hold commas; a stranger's list is cut at 64). */
function entityTags(list: string): string[] {
  return (list.match(/(?:W\/)?"[^"]*"/g) ?? []).slice(0, 64);
}

/** A tag without its weakness, for weak comparison. */
function opaque(tag: string): string {
  return tag.trim().replace(/^W\//, "");
}

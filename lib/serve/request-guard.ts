/**
 * Requests a stranger controls, answered before Next.js sees them. Next.js
 * answers a malformed percent-escape in the path (`/%ff`, an overlong
 * `%c0%ae`, a lone `%`) with a 500, TRACE on a route handler or any method
 * but GET/HEAD on a public file with a 500 and a stack trace in the log,
 * and a path segment longer than a file name may be with one multi-KB
 * stack per request (its page cache names files by the path). Here:
 *
 * - a request-target over `maxTargetBytes` (4 KiB): 414, one log line;
 * - not a path (`*` but for OPTIONS, absolute URLs), a malformed
 *   percent-escape, a NUL: 400, one log line;
 * - methods: GET and HEAD everywhere, POST only on the revalidate hook;
 *   OPTIONS: 204 with Allow; anything else: 405 with Allow;
 * - a path segment over 255 bytes (decoded): the site's 404. No page can
 *   have one: posts are files, whose names are limited to 255 bytes.
 * - a path `missingPage` knows names no page (an unknown article, source,
 *   tag, listing page, feed or sitemap: lib/site/page-exists.ts): the
 *   site's 404, without a render.
 */
import type { IncomingMessage } from "node:http";
import { type Answer, NO_BODY, plainText } from "./answer";
import { REVALIDATE_PATH } from "../site/urls";

export interface GuardOptions {
  /** Longest request-target served, in bytes. */
  maxTargetBytes: number;
  /** The site's not-found page (HTML), for paths no page can have. */
  notFoundDocument?: string;
  /** True for a path (percent-encoded, no query) that certainly names no page now. */
  missingPage?: (path: string) => boolean;
}

export interface Refusal {
  answer: Answer;
  /** One line for the log, for refusals worth an operator's eye. */
  log?: string;
}

/** Longest file name on common file systems (ext4, XFS, APFS, NTFS), in bytes. */
const MAX_SEGMENT_BYTES = 255;

/** The path of a request-target, still percent-encoded: what precedes `?`. */
export function pathOf(target: string): string {
  const query = target.indexOf("?");
  return query === -1 ? target : target.slice(0, query);
}

/** Methods a path answers to (OPTIONS besides). */
export function allowedMethods(path: string): string[] {
  return path === REVALIDATE_PATH ? ["POST"] : ["GET", "HEAD"];
}

/** The answer to a request that must not reach Next.js, or undefined when it may. */
export function refusal(req: Pick<IncomingMessage, "method" | "url">, options: GuardOptions): Refusal | undefined {
  const method = req.method ?? "GET";
  const target = req.url ?? "/";
  const bytes = Buffer.byteLength(target);
  if (bytes > options.maxTargetBytes) {
    return { answer: plainText(414, "414 URI Too Long"), log: logLine(414, method, target, `request-target of ${bytes} bytes`) };
  }
  if (target === "*" && method === "OPTIONS") return { answer: { status: 204, headers: { allow: allowHeader(["GET", "HEAD", "POST"]) }, body: NO_BODY } };
  if (!target.startsWith("/")) return { answer: plainText(400, "400 Bad Request: not a path"), log: logLine(400, method, target, "not a path") };
  const path = pathOf(target);
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return { answer: plainText(400, "400 Bad Request: malformed percent-escape in the path"), log: logLine(400, method, target, "malformed percent-escape") };
  }
  if (decoded.includes("\0")) return { answer: plainText(400, "400 Bad Request: NUL in the path"), log: logLine(400, method, target, "NUL in the path") };

  const allowed = allowedMethods(path);
  if (method === "OPTIONS") return { answer: { status: 204, headers: { allow: allowHeader(allowed) }, body: NO_BODY } };
  if (!allowed.includes(method)) return { answer: plainText(405, "405 Method Not Allowed", { allow: allowHeader(allowed) }) };

  if (decoded.split("/").some((segment) => Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) || options.missingPage?.(path)) {
    return {
      answer: options.notFoundDocument
        ? { status: 404, headers: { "content-type": "text/html; charset=utf-8" }, body: Buffer.from(options.notFoundDocument, "utf8") }
        : plainText(404, "404 Not Found"),
    };
  }
  return undefined;
}

function allowHeader(methods: string[]): string {
  return [...methods, "OPTIONS"].join(", ");
}

/** `serve: 414 GET "/aaaa…" (request-target of 16001 bytes)`: one line whatever the target holds. */
function logLine(status: number, method: string, target: string, why: string): string {
  const shown = target.length > 120 ? `${target.slice(0, 120)}…` : target;
  return `serve: ${status} ${method.slice(0, 16)} ${JSON.stringify(shown)} (${why})`;
}

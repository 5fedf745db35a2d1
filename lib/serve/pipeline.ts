/**
 * What `npm start` puts in front of Next.js, as one bounded pipeline. A
 * request is checked (lib/serve/request-guard.ts), then Next.js's answer is
 * buffered once into a value (lib/serve/capture.ts), and that value goes
 * through plain steps, in this order:
 *
 *   strip the React runtime from HTML        static-document.ts
 *   Next's empty 404 shell → the 404 page    static-document.ts
 *   Cache-Control by kind                    caching-headers.ts
 *   ETag, Last-Modified                      validators.ts
 *   compress for the reader (+ Vary)         encoding.ts
 *   keep for the next second                 page-cache.ts
 *   send: HEAD, 304, Content-Length,
 *         security headers                   send.ts
 *
 * Next.js is always asked for the whole GET answer: HEAD is asked as GET (so
 * its headers are the GET's, length included), and the conditional headers
 * are taken off the request, so that only send.ts answers 304.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Answer, plainText, withHeaders } from "./answer";
import { withCachingHeaders } from "./caching-headers";
import { captureAnswer, type Handler } from "./capture";
import { budgetedLog } from "./log-budget";
import { chooseEncoding, type Encoding, encodeAnswer } from "./encoding";
import { cacheKey, PageCache, type PageCacheOptions } from "./page-cache";
import { pathOf, refusal } from "./request-guard";
import { REVALIDATE_PATH, REVALIDATE_ROUTE } from "../site/urls";
import { type Requested, sendAnswer, sendHead } from "./send";
import { stripReactRuntime, withNotFoundDocument } from "./static-document";
import { type Conditions, withValidators } from "./validators";

export interface PipelineOptions {
  /** Next.js's request handler, with anything that answers before it (the search index's files). */
  handler: Handler;
  /** The site's not-found page (HTML, without the React runtime). */
  notFoundDocument?: string;
  /** True for a path that certainly names no page now: answered 404 without asking Next.js (lib/serve/missing-pages.ts). */
  missingPage?: (path: string) => boolean;
  /** Where an old site's URL now lives (lib/site/legacy-urls.ts), answered 308 at once, however many folders deep. */
  movedPage?: (path: string) => string | undefined;
  /** When the content index last changed (ms since the epoch): Last-Modified of live documents. */
  lastModified?: () => number | undefined;
  /** The page cache; a TTL of 0 turns it off. */
  cache: Omit<PageCacheOptions, "now">;
  /** Largest body held in memory; a larger one streams through unchanged (default 16 MiB). */
  maxBodyBytes?: number;
  /** Longest request-target served (default 4 KiB). */
  maxTargetBytes?: number;
  /** Where one-line notices go (default: stderr). */
  log?: (line: string) => void;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * With a shared page cache (REDIS_URL): runs Next.js's handling of one request and says whether its answer
   * was another instance's render (`shared`) or rendered here (`render`), sent as `x-finews-cache`.
   */
  trackCache?: <T>(run: () => Promise<T>) => Promise<[T, string | undefined]>;
}

export interface Pipeline {
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
  readonly cache: PageCache;
  close(): void;
}

const MiB = 1024 * 1024;

/** Next.js failed outright: the reader gets this, finished ahead (no-store), the log one line. */
const SERVER_ERROR = withCachingHeaders(plainText(500, "500 服务器出错了，请稍后再试。(Internal Server Error)"), "/");

export function createPipeline(options: PipelineOptions): Pipeline {
  const { handler, notFoundDocument, missingPage, movedPage, lastModified, trackCache, now = Date.now } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 16 * MiB;
  const maxTargetBytes = options.maxTargetBytes ?? 4096;
  // At most 60 lines a minute: every refusal is a stranger's request, and strangers send them by the thousand.
  const log = budgetedLog(options.log ?? ((line: string) => console.error("%s", line)), { now });
  const cache = new PageCache({ ...options.cache, now });

  /** The plain steps every whole answer goes through, Next.js's or the pipeline's own. */
  const finish = (answer: Answer, path: string, encoding: Encoding): Promise<Answer> => {
    let result = stripReactRuntime(answer);
    result = withNotFoundDocument(result, notFoundDocument);
    result = withCachingHeaders(result, path);
    result = withValidators(result, { lastModified, now });
    return encodeAnswer(result, encoding);
  };

  /** Next.js's answer for this request, finished; undefined when it went out as a stream or the client left. */
  const produce = async (req: IncomingMessage, res: ServerResponse, path: string, encoding: Encoding, request: Requested): Promise<Answer | undefined> => {
    const capture = () =>
      captureAnswer(handler, req, res, {
        maxBodyBytes,
        streamHead: (head) => sendHead(res, withCachingHeaders(head, path), request),
      });
    const [captured, outcome] = trackCache ? await trackCache(capture) : [await capture(), undefined];
    if (captured.kind !== "answer") return undefined;
    return finish(outcome ? withHeaders(captured.answer, { "x-finews-cache": outcome }) : captured.answer, path, encoding);
  };

  // Never rejects: whatever fails ends as one log line and a 500.
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? "GET";
    const path = pathOf(req.url ?? "/");
    const encoding = chooseEncoding(req.headers["accept-encoding"]);
    const request: Requested = { method, conditions: takeConditions(req) };
    try {
      const moved = (method === "GET" || method === "HEAD") && path.length <= maxTargetBytes ? movedPage?.(path) : undefined;
      if (moved) {
        sendAnswer(res, await finish(plainText(308, `${moved}\n`, { location: moved }), path, encoding), request);
        return;
      }
      const refused = refusal(req, { maxTargetBytes, notFoundDocument, missingPage });
      if (refused) {
        if (refused.log) log(refused.log);
        sendAnswer(res, await finish(refused.answer, path, encoding), request);
        return;
      }
      // The hook keeps its documented URL; its Next.js route, like every route, ends in `/` (next.config.js).
      if (path === REVALIDATE_PATH) req.url = `${REVALIDATE_ROUTE}${(req.url ?? "").slice(path.length)}`;
      const key = cache.enabled ? cacheKey(req, encoding) : undefined;
      req.method = method === "HEAD" ? "GET" : method;
      const make = () => produce(req, res, path, encoding, request);
      const answer = key ? await cache.answer(key, make) : await make();
      if (answer) sendAnswer(res, answer, request);
    } catch (error) {
      log(`serve: 500 ${method} ${JSON.stringify(clip(req.url ?? "/"))} (${clip(firstLine(error))})`);
      if (res.headersSent) res.destroy();
      else sendAnswer(res, SERVER_ERROR, request);
    } finally {
      req.method = method;
    }
  };

  return { handle, cache, close: () => cache.close() };
}

/** Takes If-None-Match and If-Modified-Since off the request: Next.js must answer in full, send.ts decides 304. */
function takeConditions(req: IncomingMessage): Conditions {
  const header = (name: string) => {
    const value = req.headers[name];
    delete req.headers[name];
    return Array.isArray(value) ? value.join(", ") : value;
  };
  return { ifNoneMatch: header("if-none-match"), ifModifiedSince: header("if-modified-since") };
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).split("\n", 1)[0];
}

function clip(text: string): string {
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

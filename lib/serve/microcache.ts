/**
 * A one-second response cache in front of the page renderer ("microcaching",
 * as nginx and Varnish do it for news sites). A page read by a hundred
 * readers in the same second is produced once and sent a hundred times from
 * memory; concurrent misses for one URL wait for the first instead of all
 * asking the renderer (request collapsing). Freshness costs at most the TTL:
 * a post that changes is on every page within a second of Next.js knowing.
 *
 * Only whole-document GET/HEAD requests are cached: never the router's RSC
 * requests (their answer depends on request headers), never `/api/`, never
 * a response that sets a cookie or says `private`/`no-store`.
 */
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export interface MicrocacheOptions {
  /** How long a response is reused, in ms. 0 turns the cache off. */
  ttlMs: number;
  /** Largest body kept, in bytes. */
  maxBodyBytes?: number;
  /** Total bytes kept; the least recently used go first. */
  maxTotalBytes?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Entry {
  status: number;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  expires: number;
}

/** Headers that make the router's requests differ from a document load of the same URL. */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-url", "next-action"];
const CACHEABLE_STATUS = new Set([200, 301, 308, 404]);

/** The cache key, or undefined when this request must go to the renderer. */
export function cacheKey(req: IncomingMessage): string | undefined {
  if (req.method !== "GET" && req.method !== "HEAD") return undefined;
  const url = req.url ?? "/";
  if (url.startsWith("/api/") || /[?&]_rsc=/.test(url)) return undefined;
  if (ROUTER_HEADERS.some((h) => req.headers[h] !== undefined)) return undefined;
  if (req.headers.authorization || req.headers.cookie) return undefined;
  // The server compresses with whatever the client accepts (brotli, gzip or none): bodies are kept per Accept-Encoding.
  const encodings = String(req.headers["accept-encoding"] ?? "").toLowerCase().replace(/\s+/g, "");
  return `${encodings} ${url}`;
}

function isStorable(res: ServerResponse): boolean {
  if (!CACHEABLE_STATUS.has(res.statusCode)) return false;
  if (res.getHeader("set-cookie") !== undefined) return false;
  return !/\b(private|no-store)\b/i.test(String(res.getHeader("cache-control") ?? ""));
}

export class Microcache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Promise<Entry | undefined>>();
  private totalBytes = 0;
  private readonly now: () => number;
  private readonly maxBodyBytes: number;
  private readonly maxTotalBytes: number;
  hits = 0;
  misses = 0;

  constructor(private readonly options: MicrocacheOptions) {
    this.now = options.now ?? Date.now;
    this.maxBodyBytes = options.maxBodyBytes ?? 2 * 1024 * 1024;
    this.maxTotalBytes = options.maxTotalBytes ?? 128 * 1024 * 1024;
  }

  /** Wraps a request handler: answers from memory when it can, else asks `next` and keeps the answer. */
  wrap(next: Handler): Handler {
    return (req, res) => this.handle(req, res, next);
  }

  clear(): void {
    this.entries.clear();
    this.totalBytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  private async handle(req: IncomingMessage, res: ServerResponse, next: Handler): Promise<void> {
    const key = this.options.ttlMs > 0 ? cacheKey(req) : undefined;
    if (!key) {
      await next(req, res);
      return;
    }
    const fresh = this.lookup(key);
    if (fresh) {
      this.hits++;
      this.send(req, res, fresh);
      return;
    }
    const inFlight = this.pending.get(key);
    if (inFlight) {
      const entry = await inFlight.catch(() => undefined);
      if (entry) {
        this.hits++;
        this.send(req, res, entry);
        return;
      }
      await next(req, res);
      return;
    }
    this.misses++;
    const produced = this.capture(key, req, res, next);
    this.pending.set(key, produced);
    try {
      await produced;
    } finally {
      this.pending.delete(key);
    }
  }

  private lookup(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires <= this.now()) {
      this.remove(key, entry);
      return undefined;
    }
    // Most recently used last: eviction takes from the front.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  private send(req: IncomingMessage, res: ServerResponse, entry: Entry): void {
    const etag = entry.headers.etag;
    if (etag !== undefined && req.headers["if-none-match"] === etag && entry.status === 200) {
      res.writeHead(304, { etag, "cache-control": entry.headers["cache-control"] ?? "" });
      res.end();
      return;
    }
    res.writeHead(entry.status, entry.headers);
    res.end(req.method === "HEAD" ? undefined : entry.body);
  }

  /** Lets `next` answer while copying what it sends; resolves with the entry when it was kept. */
  private capture(key: string, req: IncomingMessage, res: ServerResponse, next: Handler): Promise<Entry | undefined> {
    return new Promise<Entry | undefined>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let bytes = 0;
      let tooBig = false;
      const write = res.write.bind(res) as (...args: unknown[]) => boolean;
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      const keep = (chunk: unknown, encoding?: unknown) => {
        if (chunk === undefined || chunk === null || typeof chunk === "function" || tooBig) return;
        const buffer = Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
        bytes += buffer.length;
        if (bytes > this.maxBodyBytes) tooBig = true;
        else chunks.push(buffer);
      };
      res.write = ((chunk: unknown, ...rest: unknown[]) => {
        keep(chunk, rest[0]);
        return write(chunk, ...rest);
      }) as typeof res.write;
      res.end = ((chunk?: unknown, ...rest: unknown[]) => {
        keep(chunk, rest[0]);
        return end(chunk, ...rest);
      }) as typeof res.end;
      res.once("finish", () => {
        if (tooBig || req.method === "HEAD" || !isStorable(res)) return resolve(undefined);
        const entry: Entry = { status: res.statusCode, headers: { ...res.getHeaders() }, body: Buffer.concat(chunks), expires: this.now() + this.options.ttlMs };
        this.store(key, entry);
        resolve(entry);
      });
      res.once("close", () => resolve(undefined)); // a client that left before the end
      Promise.resolve(next(req, res)).catch(reject);
    });
  }

  private store(key: string, entry: Entry): void {
    const old = this.entries.get(key);
    if (old) this.remove(key, old);
    this.entries.set(key, entry);
    this.totalBytes += entry.body.length;
    for (const [k, e] of this.entries) {
      if (this.totalBytes <= this.maxTotalBytes) break;
      this.remove(k, e);
    }
  }

  private remove(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.totalBytes -= entry.body.length;
  }
}

/**
 * Plain node:http requests for the benchmark. Not fetch: fetch decompresses
 * transparently, and the page-weight figures need the bytes on the wire.
 * Only loopback URLs are ever requested.
 */
import http, { type IncomingHttpHeaders } from "node:http";
import { gunzipSync } from "node:zlib";
import { sleep } from "./proc";

export interface Response {
  status: number;
  headers: IncomingHttpHeaders;
  /** The body as sent (still gzipped when content-encoding says so). */
  raw: Buffer;
  ms: number;
}

export function get(url: string, { headers = {}, timeoutMs = 60_000, agent }: { headers?: Record<string, string>; timeoutMs?: number; agent?: http.Agent } = {}): Promise<Response> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, raw: Buffer.concat(chunks), ms: performance.now() - t0 }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
    req.on("error", reject);
  });
}

/** The body as text, gunzipped when it came gzipped. */
export function bodyText(res: Response): string {
  const gz = res.headers["content-encoding"] === "gzip";
  return (gz ? gunzipSync(res.raw) : res.raw).toString("utf8");
}

/**
 * Polls `url` until it answers 200; gives up at `timeoutMs` or as soon as
 * `stillRunning()` says the server died (no point waiting for a crash).
 */
export async function waitForOk(url: string, { timeoutMs, stillRunning }: { timeoutMs: number; stillRunning: () => boolean }): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (!stillRunning()) throw new Error(`server exited before ${url} answered (${last})`);
    try {
      const res = await get(url, { timeoutMs: 10_000 });
      if (res.status === 200) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer 200 within ${Math.round(timeoutMs / 1000)} s (${last})`);
}

export interface CrawlRecord {
  path: string;
  /** 0 when the request failed (timeout, connection error). */
  status: number;
  /** The `x-nextjs-cache` header (HIT, MISS, STALE) or "" when absent. */
  cache: string;
  ms: number;
  /** performance.now() when the answer was complete. */
  doneAt: number;
}

/**
 * Requests every path once with `concurrency` requests in flight, as a
 * reader-facing cache-warmer would; stops starting new ones at `deadline`
 * (performance.now() time) so the run stays bounded.
 */
export async function crawl(base: string, paths: string[], { concurrency, deadline, onProgress }: { concurrency: number; deadline: number; onProgress?: (done: number) => void }): Promise<{ records: CrawlRecord[]; notRequested: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const records: CrawlRecord[] = [];
  let next = 0;
  const worker = async () => {
    while (next < paths.length && performance.now() < deadline) {
      const path = paths[next++];
      const t0 = performance.now();
      try {
        const res = await get(base + path, { agent, headers: { "accept-encoding": "gzip" } });
        records.push({ path, status: res.status, cache: String(res.headers["x-nextjs-cache"] ?? ""), ms: res.ms, doneAt: performance.now() });
      } catch {
        records.push({ path, status: 0, cache: "", ms: performance.now() - t0, doneAt: performance.now() });
      }
      if (onProgress && records.length % 500 === 0) onProgress(records.length);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  agent.destroy();
  return { records, notRequested: paths.length - records.length };
}

/**
 * Every page path the site's sitemaps list: `/sitemap.xml` is an index, each
 * of whose files (on the same server) lists pages. Undefined when the index
 * does not answer 200.
 */
export async function sitemapAllPaths(base: string, timeoutMs = 120_000): Promise<string[] | undefined> {
  const index = await get(`${base}/sitemap.xml`, { headers: { "accept-encoding": "gzip" }, timeoutMs });
  if (index.status !== 200) return undefined;
  const out: string[] = [];
  for (const file of sitemapPaths(bodyText(index))) {
    const part = await get(`${base}${file}`, { headers: { "accept-encoding": "gzip" }, timeoutMs });
    if (part.status === 200) out.push(...sitemapPaths(bodyText(part)));
  }
  return out;
}

/** Article paths listed in a sitemap, in its order (`<loc>` URLs are absolute, on SITE_URL: keep the path). */
export function sitemapPaths(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<loc>([^<]*)<\/loc>/g)) {
    const loc = m[1].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'");
    try {
      out.push(new URL(loc).pathname);
    } catch {
      /* not a URL: ignore */
    }
  }
  return out;
}

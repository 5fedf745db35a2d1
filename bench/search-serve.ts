/**
 * A static file server for the search benchmark that behaves like a static
 * host (gzip, cache headers) and counts what it sends, so "bytes a browser
 * downloads" is read at the one place every request passes: also those a
 * Web Worker makes (Pagefind fetches its index from one), which page-level
 * network events can miss.
 *
 * Compression: a file is sent gzipped (level 6, as nginx and most CDNs do)
 * when the browser accepts it and gzip makes it at least 10% smaller; files
 * already compressed (Pagefind's `.pf_*`) go as they are. Every answer
 * carries `cache-control: max-age=3600` and an ETag, so a second query
 * reuses what the first one fetched, as it would on a real site.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { gzipSync } from "node:zlib";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
};

/** What one file costs on the wire: gzipped when that saves at least 10%, else as it is. */
export function wireBody(raw: Buffer): { body: Buffer; gzip: boolean } {
  const gz = gzipSync(raw, { level: 6 });
  return gz.length <= raw.length * 0.9 ? { body: gz, gzip: true } : { body: raw, gzip: false };
}

export interface Sent {
  path: string;
  status: number;
  /** Body bytes on the wire (after gzip); headers are not counted. */
  bytes: number;
}

export interface StaticServer {
  base: string;
  /** Everything sent since the last `take()`, and resets the count. */
  take(): Sent[];
  close(): Promise<void>;
}

/**
 * Serves `root` at `/`, with `pages` (path → HTML) on top. Files are read
 * and compressed once, on first request.
 */
export async function serveStatic(rootDir: string, pages: Record<string, string>): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  const cache = new Map<string, { raw: Buffer; wire: ReturnType<typeof wireBody>; etag: string; type: string }>();
  let sent: Sent[] = [];
  const load = (urlPath: string) => {
    let entry = cache.get(urlPath);
    if (entry) return entry;
    let raw: Buffer;
    if (pages[urlPath] !== undefined) raw = Buffer.from(pages[urlPath]);
    else {
      const file = path.join(root, decodeURIComponent(urlPath));
      // Only files under root: the harness never asks for others, and a stray ../ must not leave it.
      if (!file.startsWith(root + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) return undefined;
      raw = readFileSync(file);
    }
    const ext = path.extname(urlPath) || ".html";
    entry = { raw, wire: wireBody(raw), etag: `"${createHash("sha1").update(raw).digest("hex").slice(0, 16)}"`, type: TYPES[ext] ?? "application/octet-stream" };
    cache.set(urlPath, entry);
    return entry;
  };
  const server = http.createServer((req, res) => {
    const urlPath = new URL(req.url ?? "/", "http://x").pathname;
    const entry = load(urlPath);
    if (!entry) {
      res.writeHead(404).end();
      sent.push({ path: urlPath, status: 404, bytes: 0 });
      return;
    }
    const headers: http.OutgoingHttpHeaders = { "content-type": entry.type, "cache-control": "public, max-age=3600", etag: entry.etag, vary: "accept-encoding" };
    if (req.headers["if-none-match"] === entry.etag) {
      res.writeHead(304, headers).end();
      sent.push({ path: urlPath, status: 304, bytes: 0 });
      return;
    }
    const gzip = entry.wire.gzip && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const body = gzip ? entry.wire.body : entry.raw;
    if (gzip) headers["content-encoding"] = "gzip";
    headers["content-length"] = body.length;
    res.writeHead(200, headers).end(body);
    sent.push({ path: urlPath, status: 200, bytes: body.length });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    take() {
      const out = sent;
      sent = [];
      return out;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

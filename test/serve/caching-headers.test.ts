import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import serveStatic from "serve-static";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CACHE_CONTROL } from "@/lib/serve/caching-headers";
import { type Reply, type Site, CACHE_ON, servePipeline } from "./serve-pipeline";

const PAGE = `<!DOCTYPE html><html lang="zh-CN"><body><main>${"<p>央行开展逆回购操作，维护银行体系流动性合理充裕。</p>".repeat(60)}</main></body></html>`;
const FEED = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">${"<entry><title>央行</title></entry>".repeat(60)}</feed>`;
const SCRIPT = `/* reader */ ${"document.documentElement.dataset.theme = localStorage.getItem('theme') || 'light';\n".repeat(40)}`;
const CSS = `body { color: #111; }\n`.repeat(200);

let publicDir: string;
beforeAll(() => {
  publicDir = mkdtempSync(path.join(tmpdir(), "finews-serve-"));
  mkdirSync(path.join(publicDir, "js"));
  mkdirSync(path.join(publicDir, "_next", "static", "chunks"), { recursive: true });
  writeFileSync(path.join(publicDir, "js", "reader.js"), SCRIPT);
  writeFileSync(path.join(publicDir, "_next", "static", "chunks", "a1b2.css"), CSS);
  writeFileSync(path.join(publicDir, "large.bin"), Buffer.alloc(3 * 1024 * 1024, 7));
});
afterAll(() => rmSync(publicDir, { recursive: true, force: true }));

let site: Site | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/**
 * Answers as Next.js does: a year of s-maxage on pages, feeds and 404s, its
 * own strong ETag, and static files piped from disk (send, with Range).
 */
function fakeNext() {
  const files = serveStatic(publicDir, { index: false, fallthrough: true, redirect: false });
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    const document = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      res.writeHead(status, { "content-type": type, "cache-control": "s-maxage=31536000", etag: '"next-etag"', "x-nextjs-cache": "HIT", vary: "rsc, next-router-state-tree", ...headers });
      res.end(body);
    };
    if (url === "/" || url === "/category/emnews") return document(200, "text/html; charset=utf-8", PAGE);
    if (url === "/stale") return document(200, "text/html; charset=utf-8", PAGE, { "x-nextjs-cache": "STALE" });
    if (url === "/feed.xml") return document(200, "application/atom+xml; charset=utf-8", FEED);
    if (url === "/sitemap.xml") return document(200, "application/xml; charset=utf-8", FEED);
    if (url === "/latest.json") {
      res.setHeader("content-type", "application/json");
      return res.end(JSON.stringify({ latest: [1, 2, 3] }));
    }
    if (url.startsWith("/articles/")) return document(404, "text/html; charset=utf-8", PAGE);
    if (url === "/old/") {
      res.writeHead(308, { location: "/old" });
      return res.end();
    }
    if (url === "/boom") return document(500, "text/plain", "Internal Server Error");
    if (url === "/private") return document(200, "text/html", PAGE, { "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate" });
    return new Promise<void>((resolve) =>
      files(req as never, res as never, () => {
        document(404, "text/html; charset=utf-8", PAGE);
        resolve();
      }),
    );
  };
}

const HOUR_AGO = Date.now() - 3_600_000;

async function serve(options: Parameters<typeof servePipeline>[1] = {}) {
  site = await servePipeline(fakeNext(), { lastModified: () => HOUR_AGO, ...options });
  return site;
}

const decode = (reply: Reply) =>
  reply.headers["content-encoding"] === "br"
    ? zlib.brotliDecompressSync(reply.body)
    : reply.headers["content-encoding"] === "gzip"
      ? zlib.gunzipSync(reply.body)
      : reply.body;

describe("Cache-Control by kind", () => {
  it("is short for live documents and 404s, a year only for content-addressed files", async () => {
    const site = await serve();
    const cacheControl = async (path: string) => (await site.request(path)).headers["cache-control"];
    for (const path of ["/", "/category/emnews", "/feed.xml", "/sitemap.xml", "/latest.json"]) {
      expect(await cacheControl(path), path).toBe(CACHE_CONTROL.live);
    }
    expect(CACHE_CONTROL.live).toBe("public, max-age=0, s-maxage=10, stale-while-revalidate=60");
    expect(await cacheControl("/articles/does-not-exist")).toBe("public, max-age=0, s-maxage=5");
    expect(await cacheControl("/_next/static/chunks/a1b2.css")).toBe("public, max-age=31536000, immutable");
    expect(await cacheControl("/_next/static/chunks/missing.css")).toBe("public, max-age=0, s-maxage=5"); // a 404 is never immutable
    expect(await cacheControl("/js/reader.js")).toBe("public, max-age=300");
    expect(await cacheControl("/old/")).toBe("public, max-age=3600");
    expect(await cacheControl("/boom")).toBe("no-store");
    expect(await cacheControl("/private")).toBe("private, no-cache, no-store, max-age=0, must-revalidate");
  });

  it("never passes on Next.js's year of s-maxage", async () => {
    const site = await serve();
    for (const path of ["/", "/feed.xml", "/sitemap.xml", "/articles/nope"]) {
      expect((await site.request(path)).headers["cache-control"], path).not.toContain("31536000");
    }
  });
});

describe("ETag, Vary and Content-Length per encoding", () => {
  it("sends each encoding with its own length, one weak ETag for all, and Vary: Accept-Encoding", async () => {
    const site = await serve();
    const replies = await Promise.all(["br", "gzip", "identity"].map((encoding) => site.request("/", { headers: { "accept-encoding": encoding } })));
    const [br, gzip, identity] = replies;
    expect(br.headers["content-encoding"]).toBe("br");
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(identity.headers["content-encoding"]).toBeUndefined();
    for (const reply of replies) {
      expect(Number(reply.headers["content-length"])).toBe(reply.body.length);
      expect(decode(reply).toString("utf8")).toBe(PAGE);
      expect(reply.headers.vary).toBe("rsc, next-router-state-tree, Accept-Encoding");
      expect(reply.headers.etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
      expect(reply.headers.etag).toBe(identity.headers.etag); // weak: the same representation in any encoding
    }
    expect(br.body.length).toBeLessThan(identity.body.length / 3);
    expect(identity.headers.etag).not.toBe('"next-etag"'); // Next.js's is of the page before the transform
  });

  it("answers HEAD with the GET's headers and no body, in every encoding", async () => {
    const site = await serve({ cache: CACHE_ON });
    for (const encoding of ["br", "gzip", "identity"]) {
      const headers = { "accept-encoding": encoding };
      const get = await site.request("/feed.xml", { headers });
      const head = await site.request("/feed.xml", { method: "HEAD", headers });
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      for (const name of ["content-length", "content-encoding", "content-type", "etag", "last-modified", "cache-control", "vary", "content-security-policy"]) {
        expect(head.headers[name], `${encoding} ${name}`).toBe(get.headers[name]);
      }
    }
    // A HEAD first, then the GET: the same answer.
    const head = await site.request("/sitemap.xml", { method: "HEAD" });
    const get = await site.request("/sitemap.xml");
    expect(head.headers["content-length"]).toBe(String(get.body.length));
  });

  it("leaves tiny bodies and types that do not compress as they are", async () => {
    const site = await serve();
    const json = await site.request("/latest.json", { headers: { "accept-encoding": "br" } });
    expect(json.headers["content-encoding"]).toBeUndefined(); // 24 bytes
    expect(json.body.toString()).toBe('{"latest":[1,2,3]}');
  });
});

describe("304 Not Modified", () => {
  it("answers If-None-Match: the ETag, weak or strong, in a list, or *", async () => {
    const site = await serve({ cache: CACHE_ON });
    const { headers } = await site.request("/", { headers: { "accept-encoding": "br" } });
    const etag = headers.etag!;
    const strong = etag.replace(/^W\//, "");
    for (const ifNoneMatch of [etag, strong, `"other", ${etag}`, `"a,b", ${strong}`, "*"]) {
      const reply = await site.request("/", { headers: { "if-none-match": ifNoneMatch, "accept-encoding": "br" } });
      expect(reply.status, ifNoneMatch).toBe(304);
      expect(reply.body.length).toBe(0);
      expect(reply.headers.etag).toBe(etag);
      expect(reply.headers["cache-control"]).toBe(CACHE_CONTROL.live);
      expect(reply.headers.vary).toContain("Accept-Encoding");
      expect(reply.headers["content-length"]).toBeUndefined();
      expect(reply.headers["content-security-policy"]).toContain("default-src 'self'");
    }
    expect((await site.request("/", { headers: { "if-none-match": '"other"' } })).status).toBe(200);
    expect((await site.request("/", { headers: { "if-none-match": etag }, method: "HEAD" })).status).toBe(304);
  });

  it("answers If-Modified-Since on feeds, sitemaps and pages from the content's Last-Modified, If-None-Match first", async () => {
    const site = await serve({ cache: CACHE_ON });
    for (const path of ["/feed.xml", "/sitemap.xml", "/"]) {
      const { headers } = await site.request(path);
      expect(headers["last-modified"], path).toBe(new Date(HOUR_AGO).toUTCString());
      expect((await site.request(path, { headers: { "if-modified-since": headers["last-modified"]! } })).status, path).toBe(304);
      expect((await site.request(path, { headers: { "if-modified-since": new Date(HOUR_AGO - 2000).toUTCString() } })).status, path).toBe(200);
      expect((await site.request(path, { headers: { "if-modified-since": "yesterday" } })).status, path).toBe(200);
      // RFC 9110 §13.2.2: If-None-Match decides when both are sent.
      const both = { "if-modified-since": headers["last-modified"]!, "if-none-match": '"something-else"' };
      expect((await site.request(path, { headers: both })).status, path).toBe(200);
    }
  });

  it("gives no Last-Modified it cannot vouch for: a render Next.js is replacing, or a change under a second old", async () => {
    let site = await serve();
    expect((await site.request("/stale")).headers["last-modified"]).toBeUndefined();
    expect((await site.request("/")).headers["last-modified"]).toBeDefined();
    await site.close();
    site = await serve({ lastModified: () => Date.now() - 200 });
    expect((await site.request("/")).headers["last-modified"]).toBeUndefined();
    expect((await site.request("/")).headers.etag).toBeDefined();
  });

  it("never turns a 404 into a 304", async () => {
    const site = await serve();
    const reply = await site.request("/articles/nope", { headers: { "if-none-match": "*", "if-modified-since": new Date().toUTCString() } });
    expect(reply.status).toBe(404);
    expect(reply.headers.etag).toBeUndefined();
  });
});

describe("files Next.js pipes from disk", () => {
  it("serves a CSS chunk and /js/reader.js whole, compressed when asked, and byte ranges of them", async () => {
    const site = await serve({ cache: CACHE_ON });
    const css = await site.request("/_next/static/chunks/a1b2.css", { headers: { "accept-encoding": "gzip" } });
    expect(css.status).toBe(200);
    expect(css.headers["content-type"]).toContain("text/css");
    expect(decode(css).toString()).toBe(CSS);
    const script = await site.request("/js/reader.js", { headers: { "accept-encoding": "br" } });
    expect(script.headers["content-encoding"]).toBe("br");
    expect(decode(script).toString()).toBe(SCRIPT);
    const plain = await site.request("/js/reader.js");
    expect(plain.body.toString()).toBe(SCRIPT);
    expect(plain.headers["last-modified"]).toBeDefined(); // the file's

    const range = await site.request("/js/reader.js", { headers: { range: "bytes=0-9" } });
    expect(range.status).toBe(206);
    expect(range.headers["content-range"]).toBe(`bytes 0-9/${Buffer.byteLength(SCRIPT)}`);
    expect(range.body.toString()).toBe(SCRIPT.slice(0, 10));
    expect(range.headers["content-encoding"]).toBeUndefined();
  });

  it("streams a file larger than it holds, unchanged, with its length", async () => {
    const site = await serve({ maxBodyBytes: 1024 * 1024 });
    const reply = await site.request("/large.bin", { headers: { "accept-encoding": "br" } });
    expect(reply.status).toBe(200);
    expect(reply.body.length).toBe(3 * 1024 * 1024);
    expect(reply.headers["content-length"]).toBe(String(3 * 1024 * 1024));
    expect(reply.headers["content-encoding"]).toBeUndefined();
    expect(reply.headers["cache-control"]).toBe(CACHE_CONTROL.file);
    expect(reply.headers["x-frame-options"]).toBe("DENY");
    const head = await site.request("/large.bin", { method: "HEAD" });
    expect(head.body.length).toBe(0);
    expect(head.headers["content-length"]).toBe(String(3 * 1024 * 1024));
    const lastModified = reply.headers["last-modified"]!;
    expect((await site.request("/large.bin", { headers: { "if-modified-since": lastModified } })).status).toBe(304);
  });
});

import type { IncomingMessage, ServerResponse } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { cacheKey } from "@/lib/serve/page-cache";
import { CACHE_ON, type Site, servePipeline } from "./serve-pipeline";

let site: Site | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** A site whose renderer numbers its calls and answers after `delayMs`. */
async function serve(render: (req: IncomingMessage, res: ServerResponse, call: number) => void, cache = CACHE_ON, delayMs = 0, now?: () => number) {
  let call = 0;
  site = await servePipeline(
    async (req, res) => {
      const n = ++call;
      await new Promise((r) => setTimeout(r, delayMs));
      render(req, res, n);
    },
    { cache, now },
  );
  const get = async (path: string, headers: Record<string, string> = {}, method = "GET") => {
    const reply = await site!.request(path, { method, headers });
    return { ...reply, body: reply.body.toString("utf8") };
  };
  return { get, calls: () => site!.calls(), cache: site.pipeline.cache };
}

const page = (req: IncomingMessage, res: ServerResponse, call: number) => {
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("etag", '"v1"');
  res.write(`<p>${req.url} `);
  res.end(`call ${call}</p>`);
};

describe("lib/serve/page-cache (through the pipeline)", () => {
  it("renders a page once per TTL and sends the same bytes and headers to every reader", async () => {
    let now = 1000;
    const site = await serve(page, { ...CACHE_ON, ttlMs: 1000 }, 0, () => now);
    const first = await site.get("/a");
    const second = await site.get("/a");
    expect(second).toMatchObject({ status: 200, body: "<p>/a call 1</p>" });
    expect(second.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(first.body).toBe(second.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(site.calls()).toBe(1);
    now += 1001;
    expect((await site.get("/a")).body).toBe("<p>/a call 2</p>");
    expect(site.calls()).toBe(2);
    expect(site.cache).toMatchObject({ hits: 1, misses: 2 });
  });

  it("collapses concurrent misses for one URL into one render", async () => {
    const site = await serve(page, CACHE_ON, 50);
    const answers = await Promise.all(Array.from({ length: 20 }, () => site.get("/busy")));
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set(["<p>/busy call 1</p>"]));
    expect(site.calls()).toBe(1);
  });

  it("keeps answers for different encodings apart, and answers HEAD and If-None-Match from memory", async () => {
    const site = await serve(page);
    await site.get("/a", { "accept-encoding": "gzip, br" });
    await site.get("/a", { "accept-encoding": "gzip,br" }); // the same encodings: from memory
    expect((await site.get("/a", { "accept-encoding": "gzip" })).body).toBe("<p>/a call 2</p>");
    const plain = await site.get("/a");
    expect(plain.body).toBe("<p>/a call 3</p>");
    expect((await site.get("/a", {}, "HEAD")).status).toBe(200);
    expect((await site.get("/a", { "if-none-match": plain.headers.etag! })).status).toBe(304);
    expect(site.calls()).toBe(3);
  });

  it("keys on the chosen encoding, not on the Accept-Encoding a stranger sends", async () => {
    const site = await serve(page);
    for (let i = 0; i < 50; i++) await site.get("/a", { "accept-encoding": `gzip;q=0.${i % 9}, x-unknown-${i}, br` });
    expect(site.calls()).toBe(1);
    expect(site.cache.size).toBe(1);
  });

  it("never caches router requests, the API, cookies, private answers or errors", async () => {
    const site = await serve((req, res, call) => {
      if (req.url === "/cookie") res.setHeader("set-cookie", "a=1");
      if (req.url === "/private") res.setHeader("cache-control", "private, no-cache");
      if (req.url === "/error") res.statusCode = 500;
      res.end(`call ${call}`);
    });
    for (const path of ["/cookie", "/private", "/error", "/api/latest", "/a?_rsc=1"]) {
      await site.get(path);
      await site.get(path);
    }
    await site.get("/a", { rsc: "1" });
    await site.get("/a", { rsc: "1" });
    await site.get("/a", { cookie: "x=1" });
    await site.get("/a", { authorization: "Bearer t" });
    await site.get("/a", { range: "bytes=0-1" });
    expect(site.calls()).toBe(15);
    expect(site.cache.size).toBe(0);
  });

  it("keeps no 404: a post that arrives a moment later is served at once", async () => {
    const site = await serve((_req, res, call) => {
      res.statusCode = call === 1 ? 404 : 200;
      res.end(`call ${call}`);
    });
    expect((await site.get("/new")).status).toBe(404);
    expect((await site.get("/new")).status).toBe(200);
    expect(site.cache.size).toBe(1);
  });

  it("keeps no more than its byte budget, dropping the least recently used", async () => {
    // An answer here counts about 1,100 bytes: its key, its headers (Cache-Control, ETag) and its 1,000-byte body.
    const site = await serve((_req, res) => res.end("x".repeat(1000)), { ...CACHE_ON, maxBytes: 4500 });
    for (const path of ["/1", "/2", "/3", "/4"]) await site.get(path);
    await site.get("/1"); // /1 is now the most recently used
    await site.get("/5");
    expect(site.cache.size).toBe(4);
    expect(site.cache.bytes).toBeLessThanOrEqual(4500);
    await site.get("/1");
    expect(site.calls()).toBe(5);
    await site.get("/2");
    expect(site.calls()).toBe(6);
  });

  it("keeps no more than its number of entries", async () => {
    const site = await serve(page, { ...CACHE_ON, maxEntries: 3 });
    for (const path of ["/1", "/2", "/3", "/4", "/5"]) await site.get(path);
    expect(site.cache.size).toBe(3);
    await site.get("/5");
    expect(site.calls()).toBe(5);
    await site.get("/1");
    expect(site.calls()).toBe(6);
  });

  it("is off with a TTL of 0", async () => {
    const site = await serve(page, { ...CACHE_ON, ttlMs: 0 });
    await site.get("/a");
    await site.get("/a");
    expect(site.calls()).toBe(2);
  });

  it("keys only whole-document GET and HEAD requests", () => {
    const req = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as IncomingMessage;
    expect(cacheKey(req("GET", "/x?page=2", { "accept-encoding": "gzip" }), "gzip")).toBe("gzip /x?page=2");
    expect(cacheKey(req("HEAD", "/x"), "identity")).toBe("identity /x");
    expect(cacheKey(req("POST", "/x"), "br")).toBeUndefined();
    expect(cacheKey(req("GET", "/x", { "next-router-prefetch": "1" }), "br")).toBeUndefined();
    expect(cacheKey(req("GET", "/x", { authorization: "Bearer t" }), "br")).toBeUndefined();
  });
});

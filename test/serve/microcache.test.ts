import http, { type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { cacheKey, Microcache } from "@/lib/serve/microcache";

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server whose renderer counts its calls and answers after `delayMs`. */
async function serve(cache: Microcache, render: (req: IncomingMessage, res: ServerResponse, call: number) => void, delayMs = 0) {
  let calls = 0;
  server = http.createServer(
    cache.wrap(async (req, res) => {
      const call = ++calls;
      await new Promise((r) => setTimeout(r, delayMs));
      render(req, res, call);
    }),
  );
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const get = (path: string, headers: Record<string, string> = {}, method = "GET") =>
    new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
      http
        .request(`${base}${path}`, { headers, method, agent: false }, (res) => {
          let body = "";
          res.on("data", (c) => (body += c));
          res.on("end", () => resolve({ status: res.statusCode!, body, headers: res.headers }));
        })
        .on("error", reject)
        .end();
    });
  return { get, calls: () => calls };
}

const page = (req: IncomingMessage, res: ServerResponse, call: number) => {
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.setHeader("etag", '"v1"');
  res.write(`<p>${req.url} `);
  res.end(`call ${call}</p>`);
};

describe("lib/serve/microcache", () => {
  it("renders a page once per TTL and sends the same bytes and headers to every reader", async () => {
    let now = 1000;
    const cache = new Microcache({ ttlMs: 1000, now: () => now });
    const site = await serve(cache, page);
    const first = await site.get("/a");
    const second = await site.get("/a");
    expect(second).toMatchObject({ status: 200, body: "<p>/a call 1</p>" });
    expect(second.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(first.body).toBe(second.body);
    expect(site.calls()).toBe(1);
    now += 1000;
    expect((await site.get("/a")).body).toBe("<p>/a call 2</p>");
    expect(site.calls()).toBe(2);
    expect(cache).toMatchObject({ hits: 1, misses: 2 });
  });

  it("collapses concurrent misses for one URL into one render", async () => {
    const cache = new Microcache({ ttlMs: 1000 });
    const site = await serve(cache, page, 50);
    const answers = await Promise.all(Array.from({ length: 20 }, () => site.get("/busy")));
    expect(new Set(answers.map((a) => a.body))).toEqual(new Set(["<p>/busy call 1</p>"]));
    expect(site.calls()).toBe(1);
  });

  it("keeps answers for different Accept-Encodings apart, and answers HEAD and If-None-Match from memory", async () => {
    const cache = new Microcache({ ttlMs: 1000 });
    const site = await serve(cache, page);
    await site.get("/a", { "accept-encoding": "gzip, br" });
    await site.get("/a", { "accept-encoding": "gzip,br" }); // the same encodings: from memory
    expect((await site.get("/a", { "accept-encoding": "gzip" })).body).toBe("<p>/a call 2</p>");
    expect((await site.get("/a")).body).toBe("<p>/a call 3</p>");
    expect((await site.get("/a", {}, "HEAD")).status).toBe(200);
    expect((await site.get("/a", { "if-none-match": '"v1"' })).status).toBe(304);
    expect(site.calls()).toBe(3);
  });

  it("never caches router requests, the API, cookies, private answers or errors", async () => {
    const cache = new Microcache({ ttlMs: 60_000 });
    const site = await serve(cache, (req, res, call) => {
      if (req.url === "/cookie") res.setHeader("set-cookie", "a=1");
      if (req.url === "/private") res.setHeader("cache-control", "private, no-cache");
      if (req.url === "/error") res.statusCode = 500;
      res.end(`call ${call}`);
    });
    for (const path of ["/cookie", "/private", "/error", "/api/revalidate", "/a?_rsc=1"]) {
      await site.get(path);
      await site.get(path);
    }
    await site.get("/a", { rsc: "1" });
    await site.get("/a", { rsc: "1" });
    expect(site.calls()).toBe(12);
    expect(cache.size).toBe(0);
  });

  it("caches 404s too, for the TTL only", async () => {
    let now = 0;
    const cache = new Microcache({ ttlMs: 1000, now: () => now });
    const site = await serve(cache, (_req, res, call) => {
      res.statusCode = call === 1 ? 404 : 200;
      res.end(`call ${call}`);
    });
    expect((await site.get("/new")).status).toBe(404);
    expect((await site.get("/new")).status).toBe(404);
    now += 1001;
    expect((await site.get("/new")).status).toBe(200);
  });

  it("keeps no more than its byte budget, dropping the least recently used", async () => {
    const cache = new Microcache({ ttlMs: 60_000, maxTotalBytes: 2500 });
    const site = await serve(cache, (_req, res) => res.end("x".repeat(1000)));
    await site.get("/1");
    await site.get("/2");
    await site.get("/1"); // /1 is now the most recently used
    await site.get("/3");
    expect(cache.size).toBe(2);
    await site.get("/1");
    expect(site.calls()).toBe(3);
    await site.get("/2");
    expect(site.calls()).toBe(4);
  });

  it("is off with a TTL of 0", async () => {
    const site = await serve(new Microcache({ ttlMs: 0 }), page);
    await site.get("/a");
    await site.get("/a");
    expect(site.calls()).toBe(2);
  });

  it("keys only whole-document GET and HEAD requests", () => {
    const req = (method: string, url: string, headers: Record<string, string> = {}) => ({ method, url, headers }) as IncomingMessage;
    expect(cacheKey(req("GET", "/x?page=2", { "accept-encoding": "gzip" }))).toBe("gzip /x?page=2");
    expect(cacheKey(req("POST", "/x"))).toBeUndefined();
    expect(cacheKey(req("GET", "/x", { "next-router-prefetch": "1" }))).toBeUndefined();
    expect(cacheKey(req("GET", "/x", { authorization: "Bearer t" }))).toBeUndefined();
  });
});

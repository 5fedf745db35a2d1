import http, { type IncomingMessage, type ServerResponse } from "node:http";
import net from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type Site, servePipeline } from "./serve-pipeline";

let site: Site | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** Unknown top-level folders redirect, unknown articles are 404s, anything else is a small page. */
function fakeNext(req: IncomingMessage, res: ServerResponse): void {
  const url = req.url ?? "/";
  if (/^\/[^/]+\/$/.test(url)) {
    res.writeHead(308, { location: url.slice(0, -1) });
    res.end();
  } else if (url.startsWith("/articles/")) {
    res.statusCode = 404;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!DOCTYPE html><p>页面不存在: ${url}</p>`);
  } else {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<!DOCTYPE html><p>${url}</p>`);
  }
}

/** Runs `paths` through the site with a few keep-alive connections; resolves with the statuses seen. */
async function requestAll(site: Site, paths: string[], connections = 16): Promise<Map<number, number>> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const { status } = await site.request(paths[next++], { agent });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  return statuses;
}

describe("the page cache's bounds", () => {
  it("keeps nothing for 20,000 unknown URLs answered 308 or 404, and stays within its entries and bytes for distinct pages", async () => {
    const limits = { ttlMs: 60_000, maxBytes: 256 * 1024, maxEntries: 500 };
    site = await servePipeline(fakeNext, { cache: limits });
    const unknown = Array.from({ length: 20_000 }, (_, i) => (i % 2 ? `/x${i}/` : `/articles/nope-${i}`));
    const statuses = await requestAll(site, unknown);
    expect(Object.fromEntries(statuses)).toEqual({ 308: 10_000, 404: 10_000 });
    expect(site.pipeline.cache.size).toBe(0);
    expect(site.pipeline.cache.bytes).toBe(0);

    // Distinct pages (a stranger's query strings) are kept, within both bounds.
    await requestAll(
      site,
      Array.from({ length: 2_000 }, (_, i) => `/?q=${i}`),
    );
    expect(site.pipeline.cache.size).toBeGreaterThan(0);
    expect(site.pipeline.cache.size).toBeLessThanOrEqual(limits.maxEntries);
    expect(site.pipeline.cache.bytes).toBeLessThanOrEqual(limits.maxBytes);
  }, 60_000);

  it("drops expired answers on time, without their URLs being asked for again", async () => {
    site = await servePipeline(fakeNext, { cache: { ttlMs: 50, maxBytes: 1 << 20, maxEntries: 100 } });
    for (let i = 0; i < 10; i++) await site.request(`/page-${i}`);
    expect(site.pipeline.cache.size).toBe(10);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(site.pipeline.cache.size).toBe(0);
    expect(site.pipeline.cache.bytes).toBe(0);
  });

  it("byte budget counts headers and keys too, not only bodies", async () => {
    site = await servePipeline(
      (_req, res) => {
        res.setHeader("content-type", "text/plain");
        res.setHeader("x-padding", "p".repeat(4000)); // 4 KB of headers, a 1-byte body
        res.end("x");
      },
      { cache: { ttlMs: 60_000, maxBytes: 64 * 1024, maxEntries: 10_000 } },
    );
    await requestAll(
      site,
      Array.from({ length: 100 }, (_, i) => `/h${i}`),
      4,
    );
    expect(site.pipeline.cache.size).toBeLessThanOrEqual(16);
    expect(site.pipeline.cache.bytes).toBeLessThanOrEqual(64 * 1024);
  });
});

describe("a slow first reader", () => {
  it("slows only itself: a second reader of the same large page gets all of it while the first reads nothing", async () => {
    const size = 8 * 1024 * 1024;
    const chunk = Buffer.from("新闻".repeat(16 * 1024 / 6), "utf8");
    let ended = 0;
    site = await servePipeline(async (_req, res) => {
      await new Promise((resolve) => setTimeout(resolve, 100)); // rendering: the second reader arrives meanwhile
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.write("<!DOCTYPE html><html><body><p>");
      for (let sent = 0; sent < size; sent += chunk.length) res.write(chunk);
      res.end("</p></body></html>");
      ended++;
    }, { cache: { ttlMs: 1000, maxBytes: 64 << 20, maxEntries: 100 } });

    // The first reader asks, then never reads: its socket buffers fill and stay full.
    const slow = net.connect(Number(new URL(site.base).port), "127.0.0.1");
    slow.pause();
    let slowReceivedEnd = false;
    slow.on("end", () => (slowReceivedEnd = true));
    slow.write("GET /big HTTP/1.1\r\nHost: localhost\r\n\r\n");
    await new Promise((resolve) => setTimeout(resolve, 20));

    const second = await site.request("/big");
    expect(second.status).toBe(200);
    expect(second.body.length).toBeGreaterThan(size);
    expect(Number(second.headers["content-length"])).toBe(second.body.length);
    expect(site.calls()).toBe(1); // one render for both
    expect(ended).toBe(1);
    expect(slowReceivedEnd).toBe(false); // the first reader is still paused
    slow.destroy();
  }, 30_000);
});

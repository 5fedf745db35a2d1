import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { servingSearchIndex } from "@/lib/serve/search-index-files";
import { type Reply, type Site, servePipeline } from "./serve-pipeline";

const NOT_FOUND = `<!DOCTYPE html><html lang="zh-CN"><body><main><h1>页面不存在</h1></main></body></html>`;

let indexDir: string;
beforeAll(() => {
  indexDir = mkdtempSync(path.join(tmpdir(), "finews-index-"));
  mkdirSync(path.join(indexDir, "0123456789ab", "t"), { recursive: true });
  writeFileSync(path.join(indexDir, "manifest.json"), '{"buildId":"0123456789ab"}');
  writeFileSync(path.join(indexDir, "0123456789ab", "t", "0.bin"), Buffer.alloc(4096, 1));
});
afterAll(() => rmSync(indexDir, { recursive: true, force: true }));

let site: Site | undefined;
afterEach(async () => {
  await site?.close();
  site = undefined;
});

/** A fake Next.js behind the search index's files: a page for known paths, a 404 else; the hook takes POST. */
async function serve() {
  site = await servePipeline(
    servingSearchIndex(indexDir, (req, res) => {
      // Next.js's hook route ends in `/`, as every route (the pipeline maps the documented URL to it).
      const known = ["/", "/js/reader.js", "/feed.xml", "/latest.json", "/api/revalidate/"].includes(req.url ?? "");
      res.statusCode = known ? (req.url === "/api/revalidate/" ? 401 : 200) : 404;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end(known ? "<p>ok</p>" : NOT_FOUND);
    }),
    { notFoundDocument: NOT_FOUND },
  );
  return site;
}

/** Sends a request-target as is (no URL parsing or normalising on the way). */
function raw(site: Site, method: string, target: string): Promise<Reply> {
  const { port } = new URL(site.base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, method, path: target, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject).end();
  });
}

const expectSecurityHeaders = (reply: Reply) => {
  expect(reply.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(reply.headers["x-content-type-options"]).toBe("nosniff");
};

describe("malformed paths", () => {
  it("answers a malformed percent-escape with 400, a short text and one log line, before Next.js", async () => {
    const site = await serve();
    for (const target of ["/%ff", "/articles/%c0%ae", "/%", "/category/%e4", "/search-index/%ff", "/a%2", "/articles/%00"]) {
      const logged = site.logged.length;
      const reply = await raw(site, "GET", target);
      expect(reply.status, target).toBe(400);
      expect(reply.headers["content-type"]).toBe("text/plain; charset=utf-8");
      expect(reply.body.length).toBeLessThan(100);
      expect(reply.headers["cache-control"]).toBe("no-store");
      expectSecurityHeaders(reply);
      expect(site.logged.length - logged, target).toBe(1);
    }
    expect(site.calls()).toBe(0);
  });

  it("answers a request-target over 4 KiB with 414 and exactly one short log line", async () => {
    const site = await serve();
    // 16,000 bytes: under Node.js's 16 KiB for the request line and headers (beyond it, Node.js answers 431 itself).
    const reply = await raw(site, "GET", `/articles/${"a".repeat(16_000)}`);
    expect(reply.status).toBe(414);
    expect(reply.body.length).toBeLessThan(100);
    expectSecurityHeaders(reply);
    expect(site.logged).toHaveLength(1);
    expect(site.logged[0]).not.toContain("\n");
    expect(site.logged[0].length).toBeLessThan(300);
    expect(site.logged[0]).toMatch(/^serve: 414 GET /);
    expect(site.calls()).toBe(0);
  });

  it("answers a path segment no file name could have with the site's 404, without asking Next.js", async () => {
    const site = await serve();
    const reply = await raw(site, "GET", `/articles/${"a".repeat(300)}`);
    expect(reply.status).toBe(404);
    expect(reply.body.toString()).toBe(NOT_FOUND);
    expect(reply.headers["cache-control"]).toBe("public, max-age=0, s-maxage=5");
    expect(site.calls()).toBe(0);
    expect((await raw(site, "GET", `/articles/${encodeURIComponent("文".repeat(80))}`)).status).toBe(404); // 240 bytes: Next.js decides
    expect(site.calls()).toBe(1);
  });

  it("answers a malformed or unknown path under /search-index/ with a 4xx, and its files as files", async () => {
    const site = await serve();
    for (const target of ["/search-index/%ff", "/search-index/%", "/search-index/a%00b", "/search-index/..%2f..%2fetc%2fpasswd", "/search-index/0123456789ab", "/search-index/0123456789ab/t", "/search-index/.hidden"]) {
      const { status } = await raw(site, "GET", target);
      expect(status >= 400 && status < 500, `${target}: ${status}`).toBe(true);
    }
    const shard = await raw(site, "GET", "/search-index/0123456789ab/t/0.bin");
    expect(shard.status).toBe(200);
    expect(shard.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const manifest = await raw(site, "GET", "/search-index/manifest.json");
    expect(manifest.headers["cache-control"]).toBe("public, max-age=0, s-maxage=10, stale-while-revalidate=60");
  });
});

describe("methods", () => {
  it("answers TRACE, PUT, DELETE, PATCH and POST on pages, files and route handlers with 405 and Allow", async () => {
    const site = await serve();
    for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "POST"]) {
      for (const target of ["/", "/js/reader.js", "/feed.xml", "/latest.json", "/search-index/manifest.json"]) {
        const reply = await raw(site, method, target);
        expect(reply.status, `${method} ${target}`).toBe(405);
        expect(reply.headers.allow).toBe("GET, HEAD, OPTIONS");
        expectSecurityHeaders(reply);
      }
    }
    expect(site.calls()).toBe(0);
    expect(site.logged).toEqual([]); // a probe is not worth a log line
  });

  it("lets POST reach the revalidate hook only, and answers OPTIONS with 204 and Allow", async () => {
    const site = await serve();
    expect((await raw(site, "POST", "/api/revalidate")).status).toBe(401); // Next.js's answer: no token
    expect(site.calls()).toBe(1);
    const get = await raw(site, "GET", "/api/revalidate");
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe("POST, OPTIONS");
    const options = await raw(site, "OPTIONS", "/");
    expect(options.status).toBe(204);
    expect(options.headers.allow).toBe("GET, HEAD, OPTIONS");
    expect((await raw(site, "OPTIONS", "/api/revalidate")).headers.allow).toBe("POST, OPTIONS");
    expect(site.calls()).toBe(1);
  });
});

describe("errors", () => {
  it("ends an error thrown by Next.js as one log line and a short 500", async () => {
    site = await servePipeline(async () => {
      const error = new Error(`ENAMETOOLONG: name too long, open '/srv/.next/${"a".repeat(4000)}'`);
      error.stack = `${error.message}\n${"    at ignore-listed frames\n".repeat(200)}`;
      throw error;
    });
    const reply = await site.request("/articles/x");
    expect(reply.status).toBe(500);
    expect(reply.body.length).toBeLessThan(120);
    expect(reply.headers["cache-control"]).toBe("no-store");
    expectSecurityHeaders(reply);
    expect(site.logged).toHaveLength(1);
    expect(site.logged[0]).not.toContain("\n");
    expect(site.logged[0].length).toBeLessThan(400);
  });
});

describe("pages that do not exist", () => {
  it("answers a path the index says is missing with the site's 404, without asking Next.js or logging", async () => {
    const site = await servePipeline((_req, res) => res.end("<p>rendered</p>"), {
      notFoundDocument: NOT_FOUND,
      missingPage: (path) => path.startsWith("/articles/scan-"),
    });
    const asked = site.calls();
    for (let i = 0; i < 50; i++) {
      const reply = await site.request(`/articles/scan-${i}?x=${i}`);
      expect(reply.status).toBe(404);
      expect(reply.body.toString()).toBe(NOT_FOUND);
      expect(reply.headers["cache-control"]).toBe("public, max-age=0, s-maxage=5");
    }
    expect(site.calls()).toBe(asked);
    expect(site.logged).toEqual([]);
    expect((await site.request("/articles/real")).status).toBe(200);
    expect(site.calls()).toBe(asked + 1);
    await site.close();
  });

  it("sends an old site's URL straight to its page: one 308, one Location, no render", async () => {
    const site = await servePipeline((_req, res) => res.end("<p>rendered</p>"), {
      notFoundDocument: NOT_FOUND,
      missingPage: () => true,
      movedPage: (path) => (path === "/a/b/2021/12/08/x.html" ? "/articles/2021-12-08-x/" : undefined),
    });
    const asked = site.calls();
    const reply = await site.request("/a/b/2021/12/08/x.html");
    expect(reply.status).toBe(308);
    expect(reply.headers.location).toBe("/articles/2021-12-08-x/");
    expect(typeof reply.headers.location).toBe("string"); // one header, not a list
    expect(reply.headers["cache-control"]).toBe("public, max-age=3600");
    expect(site.calls()).toBe(asked);
    expect((await site.request("/a/b/2021/12/08/y.html")).status).toBe(404);
    await site.close();
  });
});

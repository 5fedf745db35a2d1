import { expect, test } from "@playwright/test";

/**
 * What `npm start` tells caches, and what it answers a stranger
 * (lib/serve/pipeline.ts), against the real build: the unit tests in
 * test/serve/ run the same pipeline in front of a fake Next.js.
 */
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "headers only: one run is enough");
});

test("pages, feeds and 404s carry short Cache-Control, never Next.js's year", async ({ request }) => {
  const home = await request.get("/");
  expect(home.status()).toBe(200);
  expect(home.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=10, stale-while-revalidate=60");
  expect(home.headers()["etag"]).toMatch(/^W\/"/);
  expect(home.headers()["vary"]).toContain("Accept-Encoding");
  expect(home.headers()["content-encoding"]).toBe("br"); // Playwright accepts gzip, deflate, br
  for (const path of ["/", "/feed.xml", "/rss.xml", "/sitemap.xml", "/latest.json", "/articles/does-not-exist/"]) {
    expect((await request.get(path)).headers()["cache-control"], path).not.toContain("31536000");
  }
  const missing = await request.get("/articles/does-not-exist/");
  expect(missing.status()).toBe(404);
  expect(missing.headers()["cache-control"]).toBe("public, max-age=0, s-maxage=5");

  const head = await request.head("/");
  expect(head.status()).toBe(200);
  for (const name of ["etag", "cache-control", "content-length", "content-encoding", "last-modified"]) {
    expect(head.headers()[name], name).toBe(home.headers()[name]);
  }
});

test("a feed has an ETag and a Last-Modified, and answers 304 to either", async ({ request }) => {
  const feed = await request.get("/feed.xml");
  expect(feed.status()).toBe(200);
  const { etag, "last-modified": lastModified } = feed.headers();
  expect(etag).toBeTruthy();
  expect(Date.parse(lastModified)).toBeLessThanOrEqual(Date.now());
  expect((await request.get("/feed.xml", { headers: { "if-none-match": etag } })).status()).toBe(304);
  expect((await request.get("/feed.xml", { headers: { "if-modified-since": lastModified } })).status()).toBe(304);
  const older = new Date(Date.parse(lastModified) - 60_000).toUTCString();
  expect((await request.get("/feed.xml", { headers: { "if-modified-since": older } })).status()).toBe(200);
});

test("static files: Next.js's chunks are immutable, /js/reader.js briefly cached, and byte ranges work", async ({ request }) => {
  const css = (await (await request.get("/")).text()).match(/\/_next\/static\/[^"]+\.css/)?.[0];
  expect(css).toBeTruthy();
  const chunk = await request.get(css!);
  expect(chunk.status()).toBe(200);
  expect(chunk.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  const reader = await request.get("/js/reader.js");
  expect(reader.headers()["cache-control"]).toBe("public, max-age=300");
  const range = await request.get("/js/reader.js", { headers: { range: "bytes=0-9", "accept-encoding": "identity" } });
  expect(range.status()).toBe(206);
  expect((await range.body()).length).toBe(10);
});

test("a stranger's malformed path gets 400, an unknown method 405, before Next.js", async ({ request }) => {
  const malformed = await request.get("/%ff");
  expect(malformed.status()).toBe(400);
  expect(malformed.headers()["content-security-policy"]).toContain("default-src 'self'");
  expect((await request.get("/articles/%c0%ae")).status()).toBe(400);
  const trace = await request.fetch("/", { method: "TRACE" });
  expect(trace.status()).toBe(405);
  expect(trace.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect((await request.fetch("/latest.json", { method: "TRACE" })).status()).toBe(405);
  expect((await request.fetch("/js/reader.js", { method: "DELETE" })).status()).toBe(405);
  expect((await request.get(`/articles/${"a".repeat(8000)}`)).status()).toBe(414);
});

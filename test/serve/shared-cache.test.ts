import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { nodeFs } from "next/dist/server/lib/node-fs-methods";
import FinewsCacheHandler from "@/next-cache-handler";
import { loadContent } from "@/lib/content/load-content";
import { connectRedis, type RedisLink } from "@/lib/serve/redis-link";
import {
  contentEdition,
  decodeEntry,
  encodeEntry,
  installSharedCache,
  pageKey,
  type SharedCacheRuntime,
  sharedCacheRuntime,
  trackOutcome,
} from "@/lib/serve/shared-cache";
import { toFrontMatterDate } from "@/lib/time";
import { post, tempContentDir } from "../helpers/fixtures";
import { eventually, hasRedisServer, LoopbackRedis } from "../helpers/redis-server";

/** A page as Next.js hands it to the cache handler: HTML, flight data and segments as Buffers, headers. */
const pageValue = (html: string) => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from(`0:${html}`),
  headers: { "x-next-cache-tags": "_N_T_/layout,_N_T_/articles/a" },
  postponed: undefined,
  status: 200,
  segmentData: new Map([["/_tree", Buffer.from([1, 2, 3])]]),
});

describe("lib/serve/shared-cache: keys and entries", () => {
  it("files a page under its build and content edition", () => {
    expect(pageKey("b1", "e1", "/route-cache/APP_PAGE/x/$/index")).toBe("finews:b1:e1:page:/route-cache/APP_PAGE/x/$/index");
    expect(pageKey("b1", "e1", "/a")).not.toBe(pageKey("b2", "e1", "/a"));
    expect(pageKey("b1", "e1", "/a")).not.toBe(pageKey("b1", "e2", "/a"));
  });

  it("gives equal content equal editions, and a new one when a post is added, changed or goes live", () => {
    const article = (title: string, date = "2024-01-01 08:00:00 +0800") => post({ title, date, categories: "emnews" });
    const files = { "_posts/2024-01-01-a.md": article("甲") };
    const one = loadContent(tempContentDir(files));
    const same = loadContent(tempContentDir(files));
    // Same paths, sizes and (fixture) times: the same edition on another "machine".
    for (const [file, entry] of one.cache) same.cache.set(file, { ...same.cache.get(file)!, mtimeMs: entry.mtimeMs });
    expect(contentEdition(same)).toBe(contentEdition(one));

    const added = loadContent(tempContentDir({ ...files, "_posts/2024-01-02-b.md": article("乙") }));
    for (const [file, entry] of one.cache) added.cache.set(file, { ...added.cache.get(file)!, mtimeMs: entry.mtimeMs });
    expect(contentEdition(added)).not.toBe(contentEdition(one));

    // A scheduled post going live changes no file, only what is public.
    const soon = Date.now() + 60_000;
    const scheduled = loadContent(tempContentDir({ ...files, "_posts/2099-01-01-s.md": article("定时", toFrontMatterDate(soon)) }));
    const live = { cache: scheduled.cache, published: scheduled.published + 1 };
    expect(contentEdition(live)).not.toBe(contentEdition(scheduled));
  });

  it("stores a page's Buffers and Maps as they were, and refuses bytes that are not an entry", () => {
    const entry = { lastModified: 1234, value: pageValue("<p>甲</p>"), cacheControl: { revalidate: false, expire: undefined }, writer: "i1" };
    const back = decodeEntry(encodeEntry(entry))!;
    expect(back).toEqual(entry);
    expect(Buffer.isBuffer((back.value as { rscData: Buffer }).rscData)).toBe(true);
    expect((back.value as { segmentData: Map<string, Buffer> }).segmentData.get("/_tree")).toEqual(Buffer.from([1, 2, 3]));
    expect(decodeEntry(Buffer.from("<html>not an entry</html>"))).toBeUndefined();
    expect(decodeEntry(encodeEntry(entry).subarray(0, 20))).toBeUndefined();
    expect(decodeEntry(Buffer.from(JSON.stringify({ value: 1 })))).toBeUndefined();
  });
});

describe.skipIf(!hasRedisServer)("next-cache-handler.ts: two instances on a loopback redis-server", () => {
  const redis = new LoopbackRedis(6396);
  let link: RedisLink;
  beforeAll(async () => {
    await redis.start();
    link = connectRedis({ url: redis.url, log: () => {} });
    await eventually(() => link.up);
  });
  afterEach(() => installSharedCache(undefined));
  afterAll(async () => {
    await link.close();
    await redis.stop();
  });

  let edition = "e1";
  const runtime = (instance: string, buildId = "build1"): SharedCacheRuntime => ({ link, instance, buildId, edition: () => edition, counts: { renders: 0, shared: 0 } });
  /** A handler as Next.js makes one per request, each instance with its own (empty) local cache folder. */
  const handler = (maxMemoryCacheSize = 0) =>
    new FinewsCacheHandler({ fs: nodeFs, serverDistDir: mkdtempSync(path.join(tmpdir(), "finews-cache-")), revalidatedTags: [], _requestHeaders: {}, maxMemoryCacheSize });
  const pageCtx = { kind: "APP_PAGE", isRoutePPREnabled: false, isFallback: false } as never;
  const setCtx = { cacheControl: { revalidate: false, expire: undefined }, isRoutePPREnabled: false, isFallback: false } as never;

  it("serves a page rendered by instance A to instance B, marked shared there and counted", async () => {
    edition = "e1";
    const a = runtime("A");
    const b = runtime("B");
    installSharedCache(a);
    const [, renderedOutcome] = await trackOutcome(async () => {
      expect(await handler().get("/articles/a", pageCtx)).toBeNull();
      await handler().set("/articles/a", pageValue("<p>A</p>") as never, setCtx);
    });
    expect(renderedOutcome).toBe("render");
    expect(a.counts).toEqual({ renders: 1, shared: 0 });

    installSharedCache(b);
    const [found, outcome] = await trackOutcome(() => handler().get("/articles/a", pageCtx));
    expect(outcome).toBe("shared");
    expect(found?.value).toEqual(pageValue("<p>A</p>"));
    expect(found?.cacheControl).toEqual({ revalidate: false, expire: undefined });
    expect(b.counts).toEqual({ renders: 0, shared: 1 });

    // A reading its own render is not "shared".
    installSharedCache(a);
    const [, own] = await trackOutcome(() => handler().get("/articles/a", pageCtx));
    expect(own).toBeUndefined();
  });

  it("never serves a render of other content or another build", async () => {
    edition = "e2";
    installSharedCache(runtime("A"));
    await handler().set("/articles/b", pageValue("<p>e2</p>") as never, setCtx);
    edition = "e3"; // the content changed
    installSharedCache(runtime("B"));
    expect(await handler().get("/articles/b", pageCtx)).toBeNull();
    edition = "e2";
    installSharedCache(runtime("B", "build2"));
    expect(await handler().get("/articles/b", pageCtx)).toBeNull();
    installSharedCache(runtime("B"));
    expect((await handler().get("/articles/b", pageCtx))?.value).toEqual(pageValue("<p>e2</p>"));
  });

  it("files a render under the edition it was looked up with, even when the content changed meanwhile", async () => {
    edition = "e4";
    installSharedCache(runtime("A"));
    const rendering = handler();
    expect(await rendering.get("/articles/c", pageCtx)).toBeNull();
    edition = "e5"; // a new post arrived while the page rendered from the old index
    await rendering.set("/articles/c", pageValue("<p>old</p>") as never, setCtx);
    installSharedCache(runtime("B"));
    expect(await handler().get("/articles/c", pageCtx)).toBeNull();
    edition = "e4";
    expect((await handler().get("/articles/c", pageCtx))?.value).toEqual(pageValue("<p>old</p>"));
  });

  // Last in this file: it gives the process Next.js's (static) in-memory page cache, as `npm start` has.
  it("falls back to the instance's own cache while Redis is down, within its bound", async () => {
    edition = "e6";
    installSharedCache(runtime("A"));
    await redis.stop();
    try {
      const started = performance.now();
      expect(await handler(8 * 1024 * 1024).get("/articles/d", pageCtx)).toBeNull();
      await handler().set("/articles/d", pageValue("<p>local</p>") as never, setCtx);
      // Next.js's own cache of this instance has it: the next request is answered without a render.
      expect((await handler().get("/articles/d", pageCtx))?.value).toEqual(pageValue("<p>local</p>"));
      expect(performance.now() - started).toBeLessThan(500);
    } finally {
      await redis.start();
      await eventually(() => link.up, 5000);
    }
    expect(sharedCacheRuntime()?.counts.renders).toBe(1);
  });
  // After the fallback test: Next.js's in-memory cache exists, as under `npm start`.
  it("answers a page it holds for the current edition from memory, asking Redis only once the content changed", async () => {
    edition = "e7";
    let asked = 0;
    const counting: RedisLink = { ...link, up: true, get: (key) => ((asked += 1), link.get(key)) };
    installSharedCache({ ...runtime("A"), link: counting });
    expect(await handler().get("/articles/e", pageCtx)).toBeNull();
    expect(asked).toBe(1);
    await handler().set("/articles/e", pageValue("<p>e7</p>") as never, setCtx);
    expect((await handler().get("/articles/e", pageCtx))?.value).toEqual(pageValue("<p>e7</p>"));
    expect(asked).toBe(1);
    edition = "e8"; // new content: Redis is asked (another instance may have rendered it), then the local copy, which Next.js judges by its tags
    expect((await handler().get("/articles/e", pageCtx))?.value).toEqual(pageValue("<p>e7</p>"));
    expect(asked).toBe(2);
  });
});

import { utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { getContent, refreshContent } from "@/lib/content/content-store";
import { startContentWorker, type ContentWorker } from "@/lib/content/content-worker";
import { changeClaim } from "@/lib/serve/change-claim";
import { startFreshness, type Freshness } from "@/lib/serve/freshness";
import { connectRedis, type RedisLink } from "@/lib/serve/redis-link";
import { FIXED_MTIME, post, tempContentDir } from "../helpers/fixtures";
import { eventually, hasRedisServer, LoopbackRedis } from "../helpers/redis-server";

/**
 * Two "instances" in one process: two content folders with the same files
 * (same names, sizes and times, as one shared volume shows them to two
 * machines), each with its own freshness, worker and Redis link.
 */
const article = (title: string) => post({ title, date: "2024-01-01 08:00:00 +0800", categories: "emnews" }, "正文。\n\n<https://a.example/1>");

describe.skipIf(!hasRedisServer)("lib/serve/freshness with a change claim (REDIS_URL)", () => {
  const redis = new LoopbackRedis(6398);
  const cleanup: (() => Promise<unknown>)[] = [];
  beforeAll(() => redis.start());
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
    vi.unstubAllEnvs();
  });
  afterAll(() => redis.stop());

  /** One instance on `dir`: its freshness, how many files its worker parsed, its log, and what its hook's refresh parsed. */
  const instance = async (name: string, dir: string, buildId: string) => {
    const link: RedisLink = connectRedis({ url: redis.url, log: () => {} });
    await eventually(() => link.up);
    const worker: ContentWorker = startContentWorker({ log: () => {} });
    const counted = { parsedFiles: 0, parsedByHook: 0, lines: [] as string[] };
    const claim = changeClaim({ link, instance: name, buildId, pollMs: 20 });
    const freshness: Freshness = startFreshness({
      contentDir: dir,
      watch: false,
      claim,
      worker: { ...worker, parse: (entries) => ((counted.parsedFiles += entries.length), worker.parse(entries)) },
      log: (line) => counted.lines.push(line),
      revalidate: async () => {
        const content = refreshContent(dir);
        counted.parsedByHook += content.parsed;
        return `${content.published} posts`;
      },
    });
    cleanup.push(() => link.close(), () => worker.close(), () => freshness.close());
    getContent(dir);
    return { freshness, claim, counted };
  };

  const addPost = (dirs: string[], file: string, title: string) => {
    for (const dir of dirs) {
      writeFileSync(path.join(dir, file), article(title));
      utimesSync(path.join(dir, file), FIXED_MTIME / 1000, FIXED_MTIME / 1000);
    }
  };

  /** Instances a and b of one build, on two folders holding the same post. */
  const twoInstances = async (buildId: string) => {
    vi.stubEnv("CONTENT_CACHE_DIR", "off");
    const files = { "_posts/2024-01-01-a.md": article("甲") };
    const [dirA, dirB] = [tempContentDir(files), tempContentDir(files)];
    return { a: await instance("a", dirA, buildId), b: await instance("b", dirB, buildId), dirA, dirB };
  };

  it("parses a change on one instance; the other rebuilds its index from those results without parsing", async () => {
    const { a, b, dirA, dirB } = await twoInstances("build-f1");
    addPost([dirA, dirB], "_posts/2024-01-02-b.md", "乙");
    // Both watchers fire for the same file.
    await Promise.all([a.freshness.refresh(["_posts/2024-01-02-b.md"], "content changed"), b.freshness.refresh(["_posts/2024-01-02-b.md"], "content changed")]);
    expect(a.counted.parsedFiles + b.counted.parsedFiles).toBe(1);
    expect(a.counted.parsedByHook + b.counted.parsedByHook).toBe(0);
    for (const dir of [dirA, dirB]) expect(getContent(dir).index.articles.map((x) => x.title).sort()).toEqual(["乙", "甲"]);
    const lines = [...a.counted.lines, ...b.counted.lines];
    expect(lines.filter((l) => l.endsWith("(parsed here)"))).toHaveLength(1);
    expect(lines.filter((l) => l.endsWith("(parsed by another instance)"))).toHaveLength(1);
  });

  it("refreshes an instance that does not watch when the one that parsed announces the change, once", async () => {
    const { a, b, dirA, dirB } = await twoInstances("build-f2");
    const heard: string[] = [];
    await b.claim.onAnnouncement(({ from, files: changed }) => {
      heard.push(from);
      void b.freshness.refresh(changed, `told by ${from}`, { announced: true });
    });
    // Subscribed: an announcement now reaches b (and, its folder unchanged, makes it do nothing).
    await eventually(async () => {
      await a.claim.announce("warm-up", []);
      return heard.length > 0;
    });
    expect(b.counted.lines).toEqual([]);
    addPost([dirA, dirB], "_posts/2024-01-03-c.md", "丙");
    await a.freshness.refresh(["_posts/2024-01-03-c.md"], "content changed");
    await eventually(() => getContent(dirB).published === 2, 5000);
    expect(b.counted.parsedFiles).toBe(0);
    expect(b.counted.lines.filter((l) => l.startsWith("told by a:"))).toHaveLength(1);
    // The same news again (a second announcement, or its own watcher): nothing more to do.
    await b.freshness.refresh(["_posts/2024-01-03-c.md"], "told by a again", { announced: true });
    expect(b.counted.lines.filter((l) => l.startsWith("told by a again"))).toEqual([]);
  });
});

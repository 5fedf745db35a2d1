import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { changeClaim, changeIdOf, type ChangeAnnouncement, type ParsedPost } from "@/lib/serve/change-claim";
import { connectRedis, type RedisLink } from "@/lib/serve/redis-link";
import { eventually, hasRedisServer, LoopbackRedis } from "../helpers/redis-server";

const entry = (relativePath: string, size = 10, mtimeMs = 1000) => ({ relativePath, size, mtimeMs });
const parsedPost = (relativePath: string, title: string): ParsedPost => ({
  entry: entry(relativePath),
  result: { ok: false, problems: [{ file: relativePath, line: 1, severity: "error", message: title }] } as unknown as ParsedPost["result"],
});

describe("lib/serve/change-claim: changeIdOf", () => {
  it("names a listing by its files' paths, sizes and times, in any order", () => {
    const listing = [entry("_posts/a.md"), entry("_posts/b.md", 20)];
    expect(changeIdOf(listing)).toBe(changeIdOf([...listing].reverse()));
    expect(changeIdOf(listing)).not.toBe(changeIdOf([entry("_posts/a.md"), entry("_posts/b.md", 21)]));
    expect(changeIdOf(listing)).not.toBe(changeIdOf([entry("_posts/a.md"), entry("_posts/b.md", 20, 1001)]));
    expect(changeIdOf(listing)).not.toBe(changeIdOf([entry("_posts/a.md")]));
  });
});

describe.skipIf(!hasRedisServer)("lib/serve/change-claim against a loopback redis-server", () => {
  const redis = new LoopbackRedis(6395);
  const links: RedisLink[] = [];
  const link = async () => {
    const made = connectRedis({ url: redis.url, log: () => {} });
    links.push(made);
    await eventually(() => made.up);
    return made;
  };
  beforeAll(() => redis.start());
  afterEach(async () => {
    await Promise.all(links.splice(0).map((l) => l.close()));
  });
  afterAll(() => redis.stop());

  it("lets one of three instances parse a change; the others get its results without parsing", async () => {
    const parses: string[] = [];
    const instances = await Promise.all(
      ["a", "b", "c"].map(async (name) => ({ name, claim: changeClaim({ link: await link(), instance: name, buildId: "build1", pollMs: 20 }) })),
    );
    const results = await Promise.all(
      instances.map(({ name, claim }) =>
        claim.parse("change-1", async () => {
          parses.push(name);
          await new Promise((resolve) => setTimeout(resolve, 150)); // a parse that takes a while
          return [parsedPost("_posts/new.md", `parsed by ${name}`)];
        }),
      ),
    );
    expect(parses).toHaveLength(1);
    expect(results.map((r) => r.by).sort()).toEqual(["by another instance", "by another instance", "here"]);
    // Everyone has the claimer's results, byte for byte.
    for (const result of results) expect(result.parsed).toEqual([parsedPost("_posts/new.md", `parsed by ${parses[0]}`)]);
  });

  it("keeps builds apart: another build parses the same change itself", async () => {
    const parses: string[] = [];
    for (const buildId of ["build-x", "build-y"]) {
      const claim = changeClaim({ link: await link(), instance: buildId, buildId });
      const { by } = await claim.parse("change-2", async () => (parses.push(buildId), []));
      expect(by).toBe("here");
    }
    expect(parses).toEqual(["build-x", "build-y"]);
  });

  it("parses here when the claimer's claim expires without results (it died)", async () => {
    const dead = changeClaim({ link: await link(), instance: "dead", buildId: "build2", claimTtlMs: 300 });
    const alive = changeClaim({ link: await link(), instance: "alive", buildId: "build2", claimTtlMs: 300, pollMs: 20 });
    let deadParsing = true;
    void dead.parse("change-3", () => new Promise<ParsedPost[]>(() => {})); // never finishes
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    const result = await alive.parse("change-3", async () => ((deadParsing = false), [parsedPost("_posts/x.md", "alive")]));
    expect(deadParsing).toBe(false);
    expect(result.by).toBe("here (alone)");
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("announces a change to the other instances, not to itself", async () => {
    const heardByA: ChangeAnnouncement[] = [];
    const heardByB: ChangeAnnouncement[] = [];
    const a = changeClaim({ link: await link(), instance: "a", buildId: "build3" });
    const b = changeClaim({ link: await link(), instance: "b", buildId: "build3" });
    const otherBuild = changeClaim({ link: await link(), instance: "z", buildId: "build4" });
    await a.onAnnouncement((m) => heardByA.push(m));
    await b.onAnnouncement((m) => heardByB.push(m));
    await otherBuild.onAnnouncement((m) => heardByB.push({ ...m, from: `other build: ${m.from}` }));
    await eventually(async () => {
      await a.announce("change-4", ["_posts/new.md"]);
      return heardByB.length > 0;
    });
    expect(heardByB[0]).toEqual({ from: "a", changeId: "change-4", files: ["_posts/new.md"] });
    expect(heardByB.every((m) => m.from === "a")).toBe(true);
    expect(heardByA).toEqual([]);
  });

  it("parses here, at once, when Redis is unreachable", async () => {
    const claim = changeClaim({ link: await link(), instance: "a", buildId: "build5" });
    await redis.stop();
    try {
      const started = performance.now();
      const result = await claim.parse("change-5", async () => [parsedPost("_posts/y.md", "alone")]);
      expect(result).toEqual({ parsed: [parsedPost("_posts/y.md", "alone")], by: "here (alone)" });
      expect(performance.now() - started).toBeLessThan(300);
    } finally {
      await redis.start();
    }
  });
});

import { spawnSync } from "node:child_process";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectRedis, describeUrl, type RedisLink } from "@/lib/serve/redis-link";
import { eventually, hasRedisServer, LoopbackRedis } from "../helpers/redis-server";

describe("lib/serve/redis-link: describeUrl", () => {
  it("names the server without its password", () => {
    expect(describeUrl("redis://:s3cret@cache.internal:6380/2")).toBe("redis://:***@cache.internal:6380/2");
    expect(describeUrl("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
    expect(describeUrl("not a url")).toBe("REDIS_URL");
  });
});

describe.skipIf(!hasRedisServer)("lib/serve/redis-link against a loopback redis-server", () => {
  const redis = new LoopbackRedis(6394);
  let link: RedisLink | undefined;
  beforeAll(() => redis.start());
  afterEach(async () => {
    await link?.close();
    link = undefined;
  });
  afterAll(() => redis.stop());

  it("stores with an expiry, and SET NX takes a key once", async () => {
    link = connectRedis({ url: redis.url, log: () => {} });
    await eventually(() => link!.up);
    expect(await link.set("t:value", Buffer.from([0, 1, 2, 255]), { ttlMs: 60_000 })).toBe(true);
    expect(await link.get("t:value")).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(await link.set("t:claim", "a", { ttlMs: 200, onlyIfAbsent: true })).toBe(true);
    expect(await link.set("t:claim", "b", { ttlMs: 200, onlyIfAbsent: true })).toBe(false);
    expect(await link.exists("t:claim")).toBe(true);
    await eventually(async () => (await link!.exists("t:claim")) === false, 2000);
    expect(await link.set("t:claim", "c", { ttlMs: 200, onlyIfAbsent: true })).toBe(true);
    expect(await link.get("t:absent")).toBeUndefined();
  });

  it("answers undefined at once while Redis is down, logs the outage and the return once each, and works again after", async () => {
    const lines: string[] = [];
    link = connectRedis({ url: redis.url, log: (line) => lines.push(line) });
    await eventually(() => link!.up);
    await redis.stop();
    await eventually(() => !link!.up);
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => link!.get(`t:${i}`)));
    expect(answers.every((a) => a === undefined)).toBe(true);
    expect(await link.set("t:down", "x", { ttlMs: 1000 })).toBeUndefined();
    expect(await link.set("t:down", "x", { ttlMs: 1000, onlyIfAbsent: true })).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(150);
    expect(lines.filter((l) => l.includes("unreachable"))).toHaveLength(1);

    await redis.start();
    await eventually(() => link!.up, 5000);
    expect(await link.set("t:back", "yes", { ttlMs: 1000 })).toBe(true);
    expect(String(await link.get("t:back"))).toBe("yes");
    expect(lines.filter((l) => l.includes("unreachable"))).toHaveLength(1);
    expect(lines.filter((l) => l.includes("is back"))).toHaveLength(1);
  });

  it("starts without Redis and connects once it appears", async () => {
    await redis.stop();
    const lines: string[] = [];
    link = connectRedis({ url: redis.url, log: (line) => lines.push(line) });
    expect(await link.get("t:x")).toBeUndefined();
    await redis.start();
    await eventually(() => link!.up, 5000);
    expect(await link.set("t:x", "1", { ttlMs: 1000 })).toBe(true);
  });

  it("bounds a command that Redis does not answer in time", async () => {
    link = connectRedis({ url: redis.url, commandTimeoutMs: 50, log: () => {} });
    await eventually(() => link!.up);
    // CLIENT PAUSE holds every client's commands for 500 ms: this link's GET must give up after its bound.
    expect(spawnSync("redis-cli", ["-p", String(redis.port), "CLIENT", "PAUSE", "500", "ALL"], { encoding: "utf8" }).stdout.trim()).toBe("OK");
    const started = performance.now();
    expect(await link.get("t:slow")).toBeUndefined();
    const took = performance.now() - started;
    expect(took).toBeGreaterThanOrEqual(45);
    expect(took).toBeLessThan(300);
  });
});

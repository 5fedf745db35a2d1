import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { OTHER_SITE_PORT } from "../playwright.config";

/**
 * Several `npm start` instances behind one Redis (REDIS_URL): Debian's
 * redis-server on a loopback port and two instances of one build on one
 * content folder (a temp copy of the bundled posts). A page rendered by one
 * is served from the shared cache by the other; a post written once is on
 * both within 5 s and parsed by one of them; with Redis stopped both keep
 * answering 200 and say so once; with Redis back, they share again.
 *
 * This spec starts its own processes (the configured web servers are not
 * used) and needs `redis-server` (apt-get install redis-server; .ci/run
 * installs it).
 */
const REDIS_PORT = Number(process.env.E2E_REDIS_PORT || 6393);
const PORTS = [OTHER_SITE_PORT + 30, OTHER_SITE_PORT + 31];
const DIST = ".next-e2e-redis";
const root = path.join(__dirname, "..");

interface Running {
  child: ChildProcess;
  log: string[];
}

const started: ChildProcess[] = [];
let contentDir = "";

function start(command: string, args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  const log: string[] = [];
  const collect = (chunk: Buffer) => log.push(...chunk.toString("utf8").split("\n").filter(Boolean));
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  return { child, log };
}

/** Kills a process group we started (npm and everything under it) and waits for it to exit. */
async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || !child.pid) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 5_000);
  await exited;
  clearTimeout(timer);
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.setTimeout(500);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

/** Polls `check` every 200 ms until it holds; at most `timeoutMs`. */
async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let round = 0; round < Math.ceil(timeoutMs / 200) + 1; round++) {
    if (await check()) return;
    if (Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

const startRedis = () => start("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);

const post = (title: string) =>
  `---\ntitle: "${title}"\ndate: 2021-12-09 09:30:00 +0800\ncategories: emnews\ntags: 东财滚动新闻\n---\n\n多实例共享缓存的正文。\n\n<https://example.com/shared>\n`;

test.describe.configure({ mode: "serial" });

test.afterAll(async () => {
  await Promise.all(started.map(stop));
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

test("two instances share one page cache and one freshness signal through Redis, and survive its outage", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one set of servers, one run");
  test.setTimeout(360_000);
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status !== 0) {
    throw new Error("redis-server is not installed: this test needs Debian's redis-server (apt-get install redis-server; .ci/run installs it)");
  }
  expect(await portOpen(REDIS_PORT), `port ${REDIS_PORT} is already taken (E2E_REDIS_PORT picks another)`).toBe(false);

  // One build of a temp copy of the bundled posts; no article prerendered, so every article page is rendered on request.
  contentDir = mkdtempSync(path.join(tmpdir(), "finews-e2e-redis-"));
  cpSync(path.join(root, "content"), contentDir, { recursive: true });
  const env = { CONTENT_DIR: contentDir, NEXT_DIST_DIR: DIST, PRERENDER_ARTICLES: "0", CONTENT_CACHE_DIR: "off", NEXT_TELEMETRY_DISABLED: "1" };
  const build = spawnSync("npm", ["run", "build"], { cwd: root, env: { ...process.env, ...env }, encoding: "utf8", timeout: 240_000 });
  expect(build.status, build.stdout + build.stderr).toBe(0);

  let redis = startRedis();
  await waitUntil("redis-server to listen", () => portOpen(REDIS_PORT), 10_000);
  const [a, b] = PORTS.map((port) => start("npm", ["start", "--", "-p", String(port), "-H", "127.0.0.1"], { ...env, REDIS_URL: `redis://127.0.0.1:${REDIS_PORT}` }));
  const [baseA, baseB] = PORTS.map((port) => `http://127.0.0.1:${port}`);
  for (const base of [baseA, baseB]) {
    await waitUntil(`${base}/ to answer`, async () => (await request.get(`${base}/`).catch(() => undefined))?.status() === 200, 120_000);
  }
  const articles = readdirSync(path.join(contentDir, "_posts"))
    .filter((f) => f.startsWith("2021-12-08-"))
    .map((f) => `/articles/${f.replace(/\.md$/, "")}/`);
  expect(articles.length).toBeGreaterThan(4);

  // Rendered on A, then served by B from A's render.
  const onA = await request.get(`${baseA}${articles[0]}`);
  expect(onA.status()).toBe(200);
  expect(onA.headers()["x-finews-cache"]).toBe("render");
  const onB = await request.get(`${baseB}${articles[0]}`);
  expect(onB.status()).toBe(200);
  expect(onB.headers()["x-finews-cache"]).toBe("shared");
  expect(await onB.text()).toBe(await onA.text());

  // A post written once: on both within 5 s, parsed by one instance, rebuilt from its results by the other.
  const [logA, logB] = [a.log.length, b.log.length];
  writeFileSync(path.join(contentDir, "_posts", "2021-12-09-shared-news.md"), post("共享缓存：一次写入两处可见"));
  const written = Date.now();
  for (const base of [baseA, baseB]) {
    await expect.poll(async () => (await request.get(`${base}/articles/2021-12-09-shared-news/`)).status(), { timeout: 5_000, intervals: [200] }).toBe(200);
  }
  expect(Date.now() - written).toBeLessThan(5_000);
  for (const base of [baseA, baseB]) {
    await expect.poll(async () => (await (await request.get(`${base}/`)).text()).includes("共享缓存：一次写入两处可见"), { timeout: 5_000, intervals: [300] }).toBe(true);
  }
  const changeLines = [...a.log.slice(logA), ...b.log.slice(logB)].filter((line) => line.startsWith("content changed"));
  expect(changeLines.filter((line) => line.endsWith("(parsed here)")), changeLines.join("\n")).toHaveLength(1);
  expect(changeLines.filter((line) => line.endsWith("(parsed by another instance)")), changeLines.join("\n")).toHaveLength(1);

  // Redis stops: both keep answering 200, rendered pages and new ones alike, and each says so once.
  await stop(redis.child);
  for (let round = 0; round < 3; round++) {
    for (const base of [baseA, baseB]) {
      for (const url of ["/", articles[0], articles[1 + round]]) {
        const answer = await request.get(`${base}${url}`, { timeout: 10_000 });
        expect(answer.status(), `${base}${url} with Redis down`).toBe(200);
      }
    }
  }
  for (const instance of [a, b]) {
    await waitUntil("the outage in the log", () => instance.log.some((line) => line.includes("unreachable")), 5_000);
    expect(instance.log.filter((line) => line.includes("unreachable"))).toHaveLength(1);
  }

  // Redis back (empty, on the same port): each says so once, and pages are shared again.
  redis = startRedis();
  await waitUntil("redis-server to listen again", () => portOpen(REDIS_PORT), 10_000);
  for (const instance of [a, b]) await waitUntil("the reconnect in the log", () => instance.log.some((line) => line.includes("is back")), 10_000);
  for (const instance of [a, b]) expect(instance.log.filter((line) => line.includes("is back"))).toHaveLength(1);
  const fresh = articles[articles.length - 1];
  expect((await request.get(`${baseA}${fresh}`)).headers()["x-finews-cache"]).toBe("render");
  expect((await request.get(`${baseB}${fresh}`)).headers()["x-finews-cache"]).toBe("shared");
  expect(a.log.concat(b.log).filter((line) => /\b500\b/.test(line))).toEqual([]);
});

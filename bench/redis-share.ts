/**
 * `npm run bench:redis`: what sharing one page cache through Redis buys
 * several `npm start` instances (REDIS_URL; lib/serve/shared-cache.ts).
 *
 *   npm run bench:redis -- [--posts 1000] [--runs 3] [--connections 50]
 *                          [--duration 20] [--warmup 5] [--out docs/redis-bench.md]
 *
 * 1. Renders: a generated corpus of `--posts` articles, built with no
 *    article prerendered, is crawled through two instances: each article is
 *    asked of one instance and then of the other (alternating which comes
 *    first), 8 articles at a time. Renders are counted from Next.js's own
 *    `x-nextjs-cache: MISS` (a render; a page read from a cache says HIT), so
 *    the same count works with and without Redis. Two instances behind Redis
 *    should render each article once in total; two without, twice.
 * 2. Requests/s: one instance, two Redis-less instances, two instances and
 *    Redis, each started fresh on the same build, loaded with autocannon on
 *    serve-load's 6:3:1 article:category:home mix (`--connections` split
 *    evenly between the instances, as a round-robin load balancer would),
 *    `--warmup` s then `--duration` s, `--runs` times; the report gives
 *    medians.
 *
 * Ports: Next.js instances on 3760–3761, redis-server on 6397, loopback only.
 * The load generator runs on the same cores as the servers (and Redis):
 * figures are for this one machine, not for servers on machines of their own.
 */
import autocannon from "autocannon";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, openSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus";
import { get, sitemapAllPaths, waitForOk } from "./http";
import { machineInfo } from "./machine";
import { buildPortal, portalEnv, type PortalEnvOptions } from "./portal";
import { killTree, sleep, startTree } from "./proc";
import { type Align, markdownTable, writeKeepingNotes } from "./markdown";
import { mixPaths } from "./serve-load";
import { fmtBytes, fmtInt } from "./stats";

const DIST = ".next-redis-bench";
const PORTS = [3760, 3761];
const REDIS_PORT = 6397;

interface Cli {
  posts: number;
  runs: number;
  connections: number;
  durationSec: number;
  warmupSec: number;
  out: string;
}

function parseCli(argv: string[]): Cli {
  const { values } = parseArgs({
    args: argv,
    options: {
      posts: { type: "string", default: "1000" },
      runs: { type: "string", default: "3" },
      connections: { type: "string", default: "50" },
      duration: { type: "string", default: "20" },
      warmup: { type: "string", default: "5" },
      out: { type: "string", default: "docs/redis-bench.md" },
    },
  });
  const int = (name: string, v: string) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x <= 0) throw new Error(`--${name} must be a positive integer, not "${v}"`);
    return x;
  };
  return {
    posts: int("posts", values.posts),
    runs: int("runs", values.runs),
    connections: int("connections", values.connections),
    durationSec: int("duration", values.duration),
    warmupSec: int("warmup", values.warmup),
    out: path.resolve(values.out),
  };
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/** Debian's redis-server on REDIS_PORT, empty, no persistence; resolves once it listens. */
async function startRedis(logFile: string): Promise<ChildProcess> {
  if (await portOpen(REDIS_PORT)) throw new Error(`port ${REDIS_PORT} is taken`);
  const out = openSync(logFile, "a");
  const child = spawn("redis-server", ["--port", String(REDIS_PORT), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", out, out] });
  for (let i = 0; i < 100 && !(await portOpen(REDIS_PORT)); i++) await sleep(50);
  if (!(await portOpen(REDIS_PORT))) throw new Error("redis-server did not start within 5 s");
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}

interface Instance {
  base: string;
  stop: () => Promise<void>;
}

/** `npm start` on a fixed loopback port, with or without REDIS_URL; resolves once `/` answers 200. */
async function startInstance(env: PortalEnvOptions, port: number, redis: boolean, logFile: string): Promise<Instance> {
  const processEnv = portalEnv(env);
  if (redis) processEnv.REDIS_URL = `redis://127.0.0.1:${REDIS_PORT}`;
  else delete processEnv.REDIS_URL;
  const started = startTree("npm", ["start", "--", "-p", String(port), "-H", "127.0.0.1"], { cwd: process.cwd(), env: processEnv, logFile });
  let exited = false;
  void started.exited.then(() => (exited = true));
  const base = `http://127.0.0.1:${port}`;
  const stop = () => killTree(started.pid);
  try {
    await waitForOk(`${base}/`, { timeoutMs: 3 * 60_000, stillRunning: () => !exited });
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, stop };
}

interface CrawlResult {
  requests: number;
  renders: number;
  /** Articles rendered by both instances (the first few). */
  twice: string[];
  shared: number;
  errors: number;
  ms: number;
}

/** Each article asked of one instance, then of the other; `concurrency` articles at a time. */
async function crawlBoth(instances: Instance[], articles: string[], concurrency = 8): Promise<CrawlResult> {
  const result: CrawlResult = { requests: 0, renders: 0, twice: [], shared: 0, errors: 0, ms: 0 };
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < articles.length; i = next++) {
      const order = i % 2 === 0 ? instances : [...instances].reverse();
      let renders = 0;
      for (const instance of order) {
        result.requests++;
        try {
          const res = await get(`${instance.base}${articles[i]}`, { timeoutMs: 60_000 });
          if (res.status !== 200) result.errors++;
          if (res.headers["x-nextjs-cache"] === "MISS" && ++renders === 2 && result.twice.length < 5) result.twice.push(articles[i]);
          if (res.headers["x-nextjs-cache"] === "MISS") result.renders++;
          if (res.headers["x-finews-cache"] === "shared") result.shared++;
        } catch {
          result.errors++;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  result.ms = performance.now() - t0;
  return result;
}

interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** autocannon against every instance at once, the connections split between them; summed requests/s. */
async function load(instances: Instance[], paths: string[], connections: number, seconds: number): Promise<LoadResult> {
  const per = Math.max(1, Math.floor(connections / instances.length));
  const results = await Promise.all(
    instances.map((instance, i) =>
      autocannon({
        url: instance.base,
        connections: per,
        duration: seconds,
        timeout: 10,
        headers: { "accept-encoding": "gzip" },
        // Each instance starts at another place in the mix: a balancer does not send the same URL to both at once.
        requests: [...paths.slice((i * paths.length) / instances.length), ...paths.slice(0, (i * paths.length) / instances.length)].map((p) => ({ method: "GET" as const, path: p })),
      }),
    ),
  );
  return {
    rps: results.reduce((sum, r) => sum + r.requests.average, 0),
    p50: Math.max(...results.map((r) => r.latency.p50)),
    p99: Math.max(...results.map((r) => r.latency.p99)),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
  };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

type Setup = { name: string; instances: number; redis: boolean };
const SETUPS: Setup[] = [
  { name: "one instance", instances: 1, redis: false },
  { name: "two instances, no Redis", instances: 2, redis: false },
  { name: "two instances + Redis", instances: 2, redis: true },
];

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  if (spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status !== 0) {
    console.error("bench:redis needs Debian's redis-server (apt-get install redis-server)");
    return 1;
  }
  for (const port of [...PORTS, REDIS_PORT]) if (await portOpen(port)) throw new Error(`port ${port} is taken`);
  const work = mkdtempSync(path.join(os.tmpdir(), "finews-redis-bench-"));
  const corpusDir = path.join(work, "corpus");
  const env: PortalEnvOptions = { corpusDir, distDir: DIST, cacheDir: path.join(work, "content-cache") };
  const log = (name: string) => path.join(work, name);
  const machine = machineInfo(process.cwd());
  const loadBefore = os.loadavg()[0];
  try {
    generateCorpus(corpusDir, { count: cli.posts, brokenEvery: 0 });
    // No article prerendered: every article page is rendered on its first request.
    process.env.PRERENDER_ARTICLES = "0";
    console.log(`Building ${cli.posts} generated posts into ${DIST} (log: ${log("build.log")})…`);
    const build = await buildPortal(process.cwd(), env, { timeoutMs: 30 * 60_000, logFile: log("build.log") });
    if (!build.run.ok) throw new Error(`build failed; see ${log("build.log")}`);

    // 1. Renders of a crawl of never-rendered articles through two instances.
    const crawls: Record<string, CrawlResult> = {};
    let articles: string[] = [];
    let mix: string[] = [];
    for (const redis of [true, false]) {
      const redisServer = redis ? await startRedis(log("redis.log")) : undefined;
      const instances = await Promise.all(PORTS.map((port, i) => startInstance(env, port, redis, log(`crawl-${redis ? "redis" : "plain"}-${i}.log`))));
      try {
        if (!articles.length) {
          const all = (await sitemapAllPaths(instances[0].base)) ?? [];
          articles = all.filter((p) => p.startsWith("/articles/"));
          mix = mixPaths([...new Set(["/", ...all])]);
        }
        console.log(`crawl, two instances${redis ? " + Redis" : ", no Redis"}: ${articles.length} articles, each asked of both…`);
        crawls[redis ? "redis" : "plain"] = await crawlBoth(instances, articles);
        console.log(`  ${JSON.stringify(crawls[redis ? "redis" : "plain"])}`);
      } finally {
        await Promise.all(instances.map((i) => i.stop()));
        if (redisServer) await stopRedis(redisServer);
      }
    }

    // 2. Requests/s, each setup started fresh, `runs` times.
    const loads: Record<string, LoadResult[]> = {};
    for (let run = 1; run <= cli.runs; run++) {
      for (const setup of SETUPS) {
        const redisServer = setup.redis ? await startRedis(log("redis.log")) : undefined;
        const instances = await Promise.all(PORTS.slice(0, setup.instances).map((port, i) => startInstance(env, port, setup.redis, log(`load-${run}-${setup.instances}${setup.redis ? "r" : ""}-${i}.log`))));
        try {
          await load(instances, mix, cli.connections, cli.warmupSec);
          const result = await load(instances, mix, cli.connections, cli.durationSec);
          (loads[setup.name] ??= []).push(result);
          console.log(`run ${run}, ${setup.name}: ${fmtInt(result.rps)} requests/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.errors} errors, ${result.non2xx} non-2xx`);
        } finally {
          await Promise.all(instances.map((i) => i.stop()));
          if (redisServer) await stopRedis(redisServer);
        }
      }
    }

    const report = renderReport(cli, machine, crawls, loads, articles.length, mix.length, [loadBefore, os.loadavg()[0]]);
    writeKeepingNotes(cli.out, report);
    console.log(`\n${report}\nWrote ${path.relative(process.cwd(), cli.out)}`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(path.join(process.cwd(), DIST), { recursive: true, force: true });
  }
}

function renderReport(cli: Cli, machine: ReturnType<typeof machineInfo>, crawls: Record<string, CrawlResult>, loads: Record<string, LoadResult[]>, articles: number, mixSize: number, loadAverage: number[]): string {
  const crawlRow = (name: string, c: CrawlResult | undefined) =>
    c ? [name, fmtInt(c.requests), fmtInt(c.renders), fmtInt(c.shared), fmtInt(c.errors), `${(c.ms / 1000).toFixed(1)} s`] : [name, "–", "–", "–", "–", "–"];
  const loadRow = (setup: Setup) => {
    const runs = loads[setup.name] ?? [];
    const all = runs.map((r) => fmtInt(r.rps)).join(", ");
    return [setup.name, `**${fmtInt(median(runs.map((r) => r.rps)))}**`, all, `${fmtInt(median(runs.map((r) => r.p50)))} ms`, `${fmtInt(median(runs.map((r) => r.p99)))} ms`, String(runs.reduce((s, r) => s + r.errors + r.non2xx, 0))];
  };
  const right: Align[] = ["left", "right", "right", "right", "right", "right"];
  return `# Several instances sharing one page cache through Redis

\`npm run bench:redis -- --posts ${cli.posts} --runs ${cli.runs} --connections ${cli.connections} --duration ${cli.durationSec} --warmup ${cli.warmupSec}\`
on ${machine.cpuCount} × ${machine.cpuModel}, ${fmtBytes(machine.totalMemBytes)} RAM, ${machine.os}, Node ${machine.node},
Next.js ${machine.nextInstalled}, ${spawnSync("redis-server", ["--version"], { encoding: "utf8" }).stdout.trim().split(" ").slice(0, 3).join(" ")}; ${machine.date}, code ${machine.codeVersion}.
Every instance, Redis and the load generator share these cores; the machine's 1-minute load average was
${loadAverage.map((l) => l.toFixed(1)).join(" at the start and ")} at the end (other work on the machine counts in it).

A generated corpus of ${fmtInt(cli.posts)} posts, built once with no article prerendered (\`PRERENDER_ARTICLES=0\`), so every
article page is rendered on its first request. Instances are \`npm start\` of that one build on one content folder.

## Renders: ${fmtInt(articles)} never-rendered articles, each asked of both instances

Each article is asked of one instance and then of the other (which one first alternates), 8 articles at a time.
A render is an answer Next.js marks \`x-nextjs-cache: MISS\`; "shared" answers carried \`x-finews-cache: shared\`
(another instance's render, read from Redis).

${markdownTable(["setup", "requests", "renders", "shared", "errors", "crawl time"], [crawlRow("two instances + Redis", crawls.redis), crawlRow("two instances, no Redis", crawls.plain)], right)}
${crawls.redis?.twice.length ? `\nRendered by both instances with Redis: ${crawls.redis.twice.map((p) => `\`${p}\``).join(", ")}.\n` : ""}
## Requests/s

autocannon, ${cli.connections} connections in all (split evenly between the instances, as a round-robin balancer would),
gzip accepted, on the serve bench's 6:3:1 article:category:home mix (${fmtInt(mixSize)} paths), ${cli.warmupSec} s warm-up then
${cli.durationSec} s measured; each setup started fresh for each of ${cli.runs} runs. Median in bold, then every run; latency is the
slower instance's.

${markdownTable(["setup", "requests/s (median)", "each run", "p50", "p99", "errors + non-2xx"], SETUPS.map(loadRow), ["left", "right", "left", "right", "right", "right"])}
`;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      process.exit(1);
    },
  );
}

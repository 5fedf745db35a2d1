/**
 * `npm run bench:serve`: 100 connections on a mix of home, category and
 * article pages for 30 s against `npm start` on loopback; prints requests/s,
 * latency percentiles, errors and non-2xx, and the server's memory (after
 * warm-up, peak, at the end), and writes them to docs/serve-load.md.
 *
 *   npm run bench:serve -- [--content content] [--connections 100] [--duration 30]
 *                          [--warmup 10] [--out docs/serve-load.md] [--hostile]
 *
 * `--hostile` runs scripts/bench/serve-hostile.ts instead (strangers' URLs
 * beside the readers, posts dropped into a copy of the content folder) and
 * writes docs/serve-hostile.md.
 *
 * The server is built into its own dist dir (.next-serve-bench) from the
 * given content folder, so the dev build is left alone. The load generator
 * runs in this process, on the same cores as the server: figures are lower
 * bounds of what the server does on a machine of its own.
 */
import autocannon from "autocannon";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sitemapAllPaths } from "./http";
import { buildPortal, startPortal } from "./portal";
import { runHostile } from "./serve-hostile";
import { processTree, sleep } from "./proc";
import { fmtBytes, fmtInt } from "./stats";

const DIST = ".next-serve-bench";

/** Weights of the mix: what readers of a news site open most. */
const MIX = { article: 6, category: 3, home: 1 };

interface Cli {
  content: string;
  connections: number;
  durationSec: number;
  warmupSec: number;
  out: string;
  hostile: boolean;
}

function parseCli(argv: string[]): Cli {
  const { values } = parseArgs({
    args: argv,
    options: {
      content: { type: "string", default: process.env.CONTENT_DIR || "content" },
      connections: { type: "string", default: "100" },
      duration: { type: "string", default: "30" },
      warmup: { type: "string", default: "10" },
      out: { type: "string" },
      hostile: { type: "boolean", default: false },
    },
  });
  const int = (name: string, v: string) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x <= 0) throw new Error(`--${name} must be a positive integer, not "${v}"`);
    return x;
  };
  return {
    content: path.resolve(values.content),
    connections: int("connections", values.connections),
    durationSec: int("duration", values.duration),
    warmupSec: int("warmup", values.warmup),
    out: path.resolve(values.out ?? (values.hostile ? "docs/serve-hostile.md" : "docs/serve-load.md")),
    hostile: values.hostile,
  };
}

/** Interleaves the kinds by weight, so every connection sees the same mix. */
export function mixPaths(paths: string[], weights = MIX): string[] {
  const kinds = {
    article: paths.filter((p) => p.startsWith("/articles/")),
    category: paths.filter((p) => p.startsWith("/category/")),
    home: paths.filter((p) => p === "/"),
  };
  const out: string[] = [];
  const rounds = Math.max(1, Math.ceil(kinds.article.length / weights.article));
  for (let round = 0; round < rounds; round++) {
    for (const kind of ["article", "category", "home"] as const) {
      const list = kinds[kind];
      for (let i = 0; i < weights[kind] && list.length; i++) out.push(list[(round * weights[kind] + i) % list.length]);
    }
  }
  return out;
}

/** RSS of the server tree, sampled every second: flat after warm-up or not. */
class MemoryTrace {
  samples: { at: number; bytes: number }[] = [];
  private timer: NodeJS.Timeout | undefined;
  constructor(private readonly pid: number) {}
  start() {
    const t0 = performance.now();
    const sample = () => this.samples.push({ at: performance.now() - t0, bytes: processTree(this.pid).reduce((s, p) => s + p.rssBytes, 0) });
    sample();
    this.timer = setInterval(sample, 1000);
    return this;
  }
  stop() {
    clearInterval(this.timer);
    return this.samples;
  }
}

/** The hand-written "## Notes" of an earlier report, which a new run keeps. */
export function keptNotes(file: string): string {
  if (!existsSync(file)) return "";
  const text = readFileSync(file, "utf8");
  const at = text.indexOf("\n## Notes\n");
  return at < 0 ? "" : text.slice(at);
}

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  const work = mkdtempSync(path.join(os.tmpdir(), "finews-serve-bench-"));
  const portalDir = process.cwd();
  // Hostile posts are written into the folder the server watches: a copy, never the given one.
  const corpusDir = cli.hostile ? path.join(work, "content") : cli.content;
  if (cli.hostile) cpSync(cli.content, corpusDir, { recursive: true });
  const env = { corpusDir, distDir: DIST, cacheDir: path.join(work, "content-cache") };
  try {
    console.log(`Building ${cli.content} into ${DIST} (log: ${work}/build.log)…`);
    const build = await buildPortal(portalDir, env, { timeoutMs: 30 * 60_000, logFile: path.join(work, "build.log") });
    if (!build.run.ok) throw new Error(`build failed; see ${work}/build.log`);
    const server = await startPortal(portalDir, env, { logFile: path.join(work, "server.log"), timeoutMs: 3 * 60_000 });
    try {
      const paths = mixPaths([...new Set(["/", ...((await sitemapAllPaths(server.base)) ?? [])])]);
      console.log(`${paths.length} requests in the mix (${MIX.article}:${MIX.category}:${MIX.home} article:category:home)`);
      if (cli.hostile) {
        const tables = await runHostile({ base: server.base, pid: server.pid, contentDir: corpusDir, distDir: path.join(portalDir, DIST), paths, connections: cli.connections, durationSec: cli.durationSec, warmupSec: cli.warmupSec });
        const header = `# Serving hostile traffic and hostile posts\n\n\`npm run bench:serve -- --hostile\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${fmtBytes(os.totalmem())} RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z; content: a copy of ${path.relative(portalDir, cli.content) || "."} (${fmtInt(paths.length)} paths in the readers' mix; autocannon in the same process, on the same cores).\n\n`;
        mkdirSync(path.dirname(cli.out), { recursive: true });
        writeFileSync(cli.out, `${header}${tables}${keptNotes(cli.out)}`);
        console.log(`\n${tables}\nWrote ${path.relative(portalDir, cli.out)}`);
        return 0;
      }
      const options = { url: server.base, connections: cli.connections, headers: { "accept-encoding": "gzip" }, timeout: 10, requests: paths.map((p) => ({ method: "GET" as const, path: p })) };
      const pid = server.pid;
      const memory = new MemoryTrace(pid).start();
      console.log(`warm-up: ${cli.warmupSec} s…`);
      await autocannon({ ...options, duration: cli.warmupSec });
      const afterWarmup = processTree(pid).reduce((s, p) => s + p.rssBytes, 0);
      console.log(`measuring: ${cli.connections} connections for ${cli.durationSec} s…`);
      const r = await autocannon({ ...options, duration: cli.durationSec });
      await sleep(1000);
      const samples = memory.stop();
      const atEnd = samples.at(-1)?.bytes ?? 0;
      const measured = samples.filter((s) => s.at >= cli.warmupSec * 1000);
      const peak = Math.max(...measured.map((s) => s.bytes));
      // Memory across the measured window, by quarter: a plateau, or growth that would not stop.
      const quarters = [0.25, 0.5, 0.75, 1].map((q) => {
        const at = (cli.warmupSec + q * cli.durationSec) * 1000;
        return measured.reduce((best, s) => (Math.abs(s.at - at) < Math.abs(best.at - at) ? s : best), measured[0]).bytes;
      });
      const rows = [
        ["connections", String(cli.connections)],
        ["duration", `${cli.durationSec} s after ${cli.warmupSec} s warm-up`],
        ["requests/s (mean)", fmtInt(r.requests.average)],
        ["requests", fmtInt(r.requests.total)],
        ["latency p50", `${r.latency.p50} ms`],
        ["latency p90", `${r.latency.p90} ms`],
        ["latency p99", `${r.latency.p99} ms`],
        ["latency max", `${r.latency.max} ms`],
        ["errors / timeouts", `${r.errors} / ${r.timeouts}`],
        ["non-2xx", String(r.non2xx)],
        ["server memory after warm-up", fmtBytes(afterWarmup)],
        ["server memory at 25 / 50 / 75 / 100 % of the run", quarters.map(fmtBytes).join(" / ")],
        ["server memory peak while measured", fmtBytes(peak)],
        ["server memory at the end", fmtBytes(atEnd)],
      ];
      const table = ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
      const ttl = process.env.MICROCACHE_TTL_MS ?? "1000";
      const report = `# Serving under load\n\n\`${ttl === "1000" ? "" : `MICROCACHE_TTL_MS=${ttl} `}npm run bench:serve\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "?"}, ${fmtBytes(os.totalmem())} RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z; content: ${path.relative(portalDir, cli.content) || "."} (${fmtInt(paths.length)} paths in the mix, ${MIX.article}:${MIX.category}:${MIX.home} article:category:home; autocannon in the same process, on the same cores).\n\n${table}\n`;
      mkdirSync(path.dirname(cli.out), { recursive: true });
      writeFileSync(cli.out, `${report}${keptNotes(cli.out)}`);
      console.log(`\n${table}\n\nWrote ${path.relative(portalDir, cli.out)}`);
      return r.errors + r.non2xx + r.timeouts > 0 ? 1 : 0;
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(path.join(portalDir, DIST), { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

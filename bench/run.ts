/**
 * `npm run bench`: how the portal builds and serves at 1,000 and 10,000
 * posts (more with --sizes), next to Jekyll and Hugo on the same corpus;
 * writes docs/benchmarks.md and prints a summary.
 *
 *   npm run bench -- [--sizes 1000,10000,50000,100000] [--skip-compare]
 *                    [--skip-export] [--out docs/benchmarks.md] [--keep] [--portal <dir>]
 *                    [--seed 42] [--concurrency 8] [--connections 50] [--duration 10]
 *                    [--build-timeout-min 90] [--crawl-timeout-min 120] [--compare-timeout-min 10]
 *
 * Corpora, logs and generator sites live in a temp folder (kept with
 * --keep, else removed). Every process started is killed, tree and all,
 * also on errors and Ctrl-C.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { generateCorpus } from "./generate-corpus";
import { buildWithGenerator } from "./compare";
import { listCorpus } from "./corpus";
import { dirSize } from "./fs-size";
import { buildPortal, nextBuildPhases, startPortal } from "./portal";
import { renderReport, renderSummary } from "./report";
import { machineInfo } from "./machine";
import { writeKeepingNotes } from "./markdown";
import type { BenchSettings, ExportResult, SizeResult } from "./results";
import { atExit } from "./proc";
import { measureServing } from "./serve";
import { fmtMs } from "./stats";
import { snapshotWorkTree } from "../scripts/work-tree";

const MINUTE = 60_000;
const BENCH_DIST = ".next-bench";
const EXPORT_DIST = ".next-bench-export";

interface Cli {
  settings: BenchSettings;
  out: string;
  keep: boolean;
  portalDir: string;
}

function parseCli(argv: string[]): Cli {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: "1000,10000" },
      "skip-compare": { type: "boolean", default: false },
      // The static export's target is at 5,000 posts; above that it costs most of a run's time.
      "skip-export": { type: "boolean", default: false },
      out: { type: "string", default: "docs/benchmarks.md" },
      seed: { type: "string", default: "42" },
      concurrency: { type: "string", default: "8" },
      connections: { type: "string", default: "50" },
      duration: { type: "string", default: "10" },
      "compare-timeout-min": { type: "string", default: "10" },
      "build-timeout-min": { type: "string", default: "90" },
      "crawl-timeout-min": { type: "string", default: "120" },
      keep: { type: "boolean", default: false },
      portal: { type: "string", default: process.cwd() },
    },
  });
  const int = (name: string, v: string) => {
    const x = Number(v);
    if (!Number.isInteger(x) || x <= 0) throw new Error(`--${name} must be a positive integer, not "${v}"`);
    return x;
  };
  return {
    settings: {
      sizes: values.sizes.split(",").map((s) => int("sizes", s.trim().replace(/_/g, ""))),
      seed: int("seed", values.seed),
      compare: !values["skip-compare"],
      staticExport: !values["skip-compare"] && !values["skip-export"],
      concurrency: int("concurrency", values.concurrency),
      connections: int("connections", values.connections),
      durationSec: int("duration", values.duration),
      compareTimeoutMs: int("compare-timeout-min", values["compare-timeout-min"]) * MINUTE,
      buildTimeoutMs: int("build-timeout-min", values["build-timeout-min"]) * MINUTE,
      crawlTimeoutMs: int("crawl-timeout-min", values["crawl-timeout-min"]) * MINUTE,
    },
    out: path.resolve(values.out),
    keep: values.keep,
    portalDir: path.resolve(values.portal),
  };
}

const log = (line: string) => console.log(line);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The server half of one size: start, measure, always stop. */
async function serveAndMeasure(cli: Cli, result: SizeResult, ctx: { corpusDir: string; cacheDir: string; workDir: string; buildStartedAt: number; prerendered: Set<string> }) {
  const { settings, portalDir } = cli;
  log("  starting the server…");
  const server = await startPortal(portalDir, { corpusDir: ctx.corpusDir, distDir: BENCH_DIST, cacheDir: ctx.cacheDir }, { logFile: path.join(ctx.workDir, "portal-server.log"), timeoutMs: 3 * MINUTE });
  try {
    result.serve = await measureServing({
      base: server.base,
      files: listCorpus(ctx.corpusDir),
      prerendered: ctx.prerendered,
      buildStartedAt: ctx.buildStartedAt,
      serverStartMs: server.startMs,
      concurrency: settings.concurrency,
      connections: settings.connections,
      durationSec: settings.durationSec,
      crawlTimeoutMs: settings.crawlTimeoutMs,
      log,
    });
  } finally {
    const peak = await server.stop();
    if (result.serve) {
      result.serve.serverPeakRssBytes = peak;
      // Pages rendered on request are written to the dist dir too: what serving every article costs on disk.
      result.serve.distAfterServing = dirSize(path.join(portalDir, BENCH_DIST), { excludeTopLevel: ["cache"] });
    }
  }
}

/** STATIC_EXPORT=1 build in the work-tree snapshot (see workspace.ts for why not in place). */
async function staticExport(cli: Cli, snapshotDir: string, corpusDir: string, workDir: string): Promise<ExportResult> {
  const build = await buildPortal(snapshotDir, { corpusDir, distDir: EXPORT_DIST, cacheDir: path.join(workDir, "content-cache-export"), staticExport: true }, { timeoutMs: cli.settings.buildTimeoutMs, logFile: path.join(workDir, "portal-export.log") });
  const out = path.join(snapshotDir, EXPORT_DIST);
  const result: ExportResult = {
    run: build.run,
    output: build.run.ok && existsSync(out) ? dirSize(out) : undefined,
    hasIndexHtml: existsSync(path.join(out, "index.html")),
    // The snapshot starts without .next: if one appears, an in-place export would have overwritten the dev build.
    wroteDotNext: existsSync(path.join(snapshotDir, ".next")),
  };
  rmSync(path.join(snapshotDir, ".next"), { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return result;
}

async function benchSize(cli: Cli, posts: number, tmpRoot: string, snapshotDir: string | undefined): Promise<SizeResult> {
  const { settings, portalDir } = cli;
  const workDir = path.join(tmpRoot, `size-${posts}`);
  const corpusDir = path.join(workDir, "corpus");
  mkdirSync(workDir, { recursive: true });
  log(`\n== ${posts} posts (work dir ${workDir})`);
  const { broken } = generateCorpus(corpusDir, { count: posts, seed: settings.seed });
  const files = listCorpus(corpusDir);
  const result: SizeResult = {
    posts,
    broken,
    validPosts: files.filter((f) => f.valid).length,
    corpusBytes: dirSize(corpusDir).bytes,
    generators: [],
    errors: [],
    notes: [],
  };
  if (result.validPosts !== posts - broken) result.notes.push(`the file-name rule finds ${result.validPosts} valid posts, the generator says ${posts - broken}`);

  log(`  npm run build (log: ${path.join(workDir, "portal-build.log")})…`);
  const loadAvgAtStart = os.loadavg()[0];
  const cacheDir = path.join(workDir, "content-cache");
  const build = await buildPortal(portalDir, { corpusDir, distDir: BENCH_DIST, cacheDir }, { timeoutMs: settings.buildTimeoutMs, logFile: path.join(workDir, "portal-build.log") });
  const prerenderedArticles = [...build.prerendered].filter((p) => p.startsWith("/articles/")).length;
  result.build = { run: build.run, output: build.output, prerenderedArticles, loadAvgAtStart, phases: nextBuildPhases(path.join(workDir, "portal-build.log")) };
  result.notes.push(...build.notes);
  log(`  build: ${build.run.ok ? fmtMs(build.run.wallMs) : `FAILED (${build.run.timedOut ? "timeout" : `exit ${build.run.exitCode}`})`}`);

  if (build.run.ok) {
    try {
      await serveAndMeasure(cli, result, { corpusDir, cacheDir, workDir, buildStartedAt: build.startedAt, prerendered: build.prerendered });
    } catch (error) {
      result.errors.push(`serving: ${message(error)}`);
    }
  } else {
    result.errors.push(`portal build ${build.run.timedOut ? "timed out" : "failed"}; nothing to serve`);
  }

  if (settings.compare) {
    if (snapshotDir && settings.staticExport) {
      log("  static export build…");
      try {
        result.staticExport = await staticExport(cli, snapshotDir, corpusDir, workDir);
      } catch (error) {
        result.errors.push(`static export: ${message(error)}`);
      }
    }
    for (const generator of ["jekyll", "hugo"] as const) {
      log(`  ${generator} build…`);
      try {
        result.generators.push(await buildWithGenerator(generator, corpusDir, files, workDir, settings.compareTimeoutMs));
      } catch (error) {
        result.errors.push(`${generator}: ${message(error)}`);
      }
    }
  }
  if (!cli.keep) {
    // 100,000 posts make several GB across corpus and generator outputs: free them before the next size.
    for (const dir of ["corpus", "content-cache", "content-cache-export", "jekyll-site", "hugo-site"]) rmSync(path.join(workDir, dir), { recursive: true, force: true });
  }
  return result;
}

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  const tmpRoot = mkdtempSync(path.join(os.tmpdir(), "finews-bench-"));
  // Also on Ctrl-C or a crash: corpora of 100,000 posts are gigabytes.
  if (!cli.keep) atExit(() => rmSync(tmpRoot, { recursive: true, force: true }));
  const machine = machineInfo(cli.portalDir);
  log(`Benchmarking ${cli.portalDir} (${machine.codeVersion}) at ${cli.settings.sizes.join(", ")} posts; temp dir ${tmpRoot}`);
  let snapshotDir: string | undefined;
  const results: SizeResult[] = [];
  try {
    if (cli.settings.staticExport) {
      snapshotDir = path.join(tmpRoot, "portal-snapshot");
      snapshotWorkTree(cli.portalDir, snapshotDir);
    }
    for (const posts of cli.settings.sizes) results.push(await benchSize(cli, posts, tmpRoot, snapshotDir));
  } finally {
    // The bench build can be gigabytes at 100,000 posts; it is only for this run.
    if (cli.keep) log(`kept ${tmpRoot} and ${path.join(cli.portalDir, BENCH_DIST)}`);
    else rmSync(path.join(cli.portalDir, BENCH_DIST), { recursive: true, force: true });
  }
  writeKeepingNotes(cli.out, renderReport(machine, cli.settings, results));
  log(`\n${renderSummary(results)}\n\nWrote ${path.relative(process.cwd(), cli.out)}`);
  return results.some((r) => r.errors.length > 0) ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(message(error));
      process.exit(1);
    },
  );
}

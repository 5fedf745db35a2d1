/**
 * `npm run bench:export`: the static export (`STATIC_EXPORT=1 npm run build`)
 * next to Hugo and Jekyll on the same generated corpus, per size: cold, full
 * with the code already built, after adding posts, and a rerun with nothing
 * changed; time, peak memory of the process tree, what out/ holds, and what
 * each rerun wrote. Writes docs/export-bench.md and prints a summary.
 *
 *   npm run bench:export -- [--sizes 5000,20000,100000] [--runs 1] [--add-posts 10]
 *                           [--timeout-min 60] [--hugo-timeout-min 10] [--jekyll-timeout-min 10]
 *                           [--skip-hugo] [--skip-jekyll] [--full-removes out,.cache]
 *                           [--label "…"] [--out docs/export-bench.md]
 *                           [--json <file>] [--keep] [--portal <dir>] [--seed 42] [--site-url <url>]
 *   npm run bench:export -- --render <file.json> [--label "…"] [--out docs/export-bench.md]
 *
 * --render writes the report again from the figures a run saved with --json
 * (after a change to the report's wording, without measuring again).
 *
 * The command measured is the one a publisher runs, with the same
 * environment (CONTENT_DIR, SITE_URL, STATIC_EXPORT=1), so the bench works
 * whichever engine is behind it. It runs in a snapshot of the work tree
 * (workspace.ts), never in the engineer's own folder.
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { buildWithGenerator, generatorOutputDir, type Generator } from "./compare";
import { listCorpus } from "./corpus";
import { renderExportReport, renderExportSummary } from "./export-report";
import type { ExportBenchSettings, ExportSizeResult, GeneratorResult, PortalMode, PortalRun } from "./export-results";
import { exportEnv, reproduceCommand } from "./export-command";
import { diffTrees, summarizeTree, walkTree, type TreeEntry } from "./export-tree";
import { dirSize } from "./fs-size";
import { addPosts, generateCorpus } from "./generate-corpus";
import { machineInfo } from "./machine";
import { writeKeepingNotes } from "./markdown";
import type { MachineInfo } from "./results";
import { nextBuildPhases, nextBuildRan } from "./portal";
import { atExit, runMeasured } from "./proc";
import { fmtBytes, fmtMs } from "./stats";
import { extraneousPaths, listWorkTree, resetWorkTree, snapshotWorkTree } from "../scripts/work-tree";

const MINUTE = 60_000;
/** The export's defaults, which the bench relies on (it clears the variables that move them). */
const OUT_DIR = "out";
const CACHE_DIR = ".cache";

interface Cli {
  settings: ExportBenchSettings;
  out: string;
  json?: string;
  render?: string;
  keep: boolean;
  portalDir: string;
}

function parseCli(argv: string[]): Cli {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: "5000,20000,100000" },
      runs: { type: "string", default: "1" },
      "add-posts": { type: "string", default: "10" },
      "timeout-min": { type: "string", default: "60" },
      "hugo-timeout-min": { type: "string", default: "10" },
      "jekyll-timeout-min": { type: "string", default: "10" },
      "skip-hugo": { type: "boolean", default: false },
      "skip-jekyll": { type: "boolean", default: false },
      // What a "full export, code already built" starts without: the output and the content (and any export) cache.
      "full-removes": { type: "string", default: `${OUT_DIR},${CACHE_DIR}` },
      label: { type: "string" },
      out: { type: "string", default: "docs/export-bench.md" },
      json: { type: "string" },
      seed: { type: "string", default: "42" },
      "site-url": { type: "string", default: "https://news.example.com" },
      keep: { type: "boolean", default: false },
      portal: { type: "string", default: process.cwd() },
      render: { type: "string" },
    },
  });
  const int = (name: string, v: string) => {
    const x = Number(v.trim().replace(/_/g, ""));
    if (!Number.isInteger(x) || x <= 0) throw new Error(`--${name} must be a positive integer, not "${v}"`);
    return x;
  };
  const workTreePath = (name: string, v: string) => {
    const p = path.posix.normalize(v.trim().replace(/\/+$/, ""));
    if (!p || p === "." || p.startsWith("..") || path.isAbsolute(p) || p.split("/")[0] === "node_modules") throw new Error(`--${name}: "${v}" is not a path inside the work tree`);
    return p;
  };
  const minutes = (name: string, v: string) => {
    const x = Number(v);
    if (!(x > 0)) throw new Error(`--${name} must be a positive number of minutes, not "${v}"`);
    return x * MINUTE;
  };
  return {
    settings: {
      sizes: values.sizes.split(",").map((s) => int("sizes", s)),
      seed: int("seed", values.seed),
      runs: int("runs", values.runs),
      addPosts: int("add-posts", values["add-posts"]),
      portalTimeoutMs: minutes("timeout-min", values["timeout-min"]),
      hugoTimeoutMs: minutes("hugo-timeout-min", values["hugo-timeout-min"]),
      jekyllTimeoutMs: minutes("jekyll-timeout-min", values["jekyll-timeout-min"]),
      skipHugo: values["skip-hugo"],
      skipJekyll: values["skip-jekyll"],
      fullRemoves: values["full-removes"].split(",").map((p) => workTreePath("full-removes", p)),
      siteUrl: values["site-url"],
      label: values.label,
      command: reproduceCommand(argv),
    },
    out: path.resolve(values.out),
    json: values.json ? path.resolve(values.json) : undefined,
    render: values.render ? path.resolve(values.render) : undefined,
    keep: values.keep,
    portalDir: path.resolve(values.portal),
  };
}

/** Bytes and files of a file or a folder. */
function pathSize(p: string): { bytes: number; files: number } {
  const st = lstatSync(p);
  if (!st.isDirectory()) return { bytes: st.size, files: 1 };
  const { bytes, files } = dirSize(p);
  return { bytes, files };
}

const log = (line: string) => console.log(line);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface SizeContext {
  cli: Cli;
  posts: number;
  workDir: string;
  corpusDir: string;
  snapshotDir: string;
  pristine: Set<string>;
  result: ExportSizeResult;
}

async function runGenerator(ctx: SizeContext, generator: Generator): Promise<GeneratorResult> {
  const { settings } = ctx.cli;
  const skip = generator === "hugo" ? settings.skipHugo : settings.skipJekyll;
  if (skip) return { generator, runs: [], skipped: `skipped (--skip-${generator})` };
  const timeoutMs = generator === "hugo" ? settings.hugoTimeoutMs : settings.jekyllTimeoutMs;
  const files = listCorpus(ctx.corpusDir);
  const site = path.join(ctx.workDir, `${generator}-site`);
  const result: GeneratorResult = { generator, runs: [] };
  for (let k = 1; k <= settings.runs; k++) {
    rmSync(site, { recursive: true, force: true }); // a full build into an empty folder every time
    const build = await buildWithGenerator(generator, ctx.corpusDir, files, ctx.workDir, timeoutMs);
    if (build.skipped) return { generator, runs: [], skipped: build.skipped };
    const run = build.run!;
    result.runs.push({ run });
    log(`  ${generator} ${k}/${settings.runs}: ${run.ok ? fmtMs(run.wallMs) : run.timedOut ? `over ${fmtMs(timeoutMs)}` : `failed (exit ${run.exitCode})`}`);
    if (!run.ok) {
      if (!run.timedOut) ctx.result.errors.push(`${generator} failed (exit ${run.exitCode}):\n\n\`\`\`\n${run.tail}\n\`\`\``);
      break; // a run that hit its cap would hit it again
    }
    const out = generatorOutputDir(generator, ctx.workDir);
    if (existsSync(out)) {
      const tree = summarizeTree(walkTree(out));
      result.output = { bytes: tree.bytes, diskBytes: tree.diskBytes, files: tree.files, htmlFiles: tree.htmlFiles };
    }
  }
  rmSync(site, { recursive: true, force: true }); // 100,000 posts: a few GB per generator
  return result;
}

/** One `STATIC_EXPORT=1 npm run build` in the snapshot, measured; out/ read after it (and diffed against `before`). */
async function exportOnce(ctx: SizeContext, mode: PortalMode, k: number, before?: TreeEntry[]): Promise<PortalRun> {
  const { settings } = ctx.cli;
  const logFile = path.join(ctx.workDir, `portal-${mode}-${k}.log`);
  const run = await runMeasured("npm", ["run", "build"], { cwd: ctx.snapshotDir, env: exportEnv(ctx.corpusDir, settings.siteUrl), logFile, timeoutMs: settings.portalTimeoutMs });
  let logText = "";
  try {
    logText = readFileSync(logFile, "utf8");
  } catch {
    /* no log: the command did not start */
  }
  const result: PortalRun = { run, nextBuildRan: nextBuildRan(logText), phases: nextBuildPhases(logFile) };
  const outDir = path.join(ctx.snapshotDir, OUT_DIR);
  if (run.ok && existsSync(outDir)) {
    const after = walkTree(outDir);
    result.tree = summarizeTree(after);
    if (before) result.changes = diffTrees(before, after);
    if (!existsSync(path.join(outDir, "index.html"))) ctx.result.errors.push(`portal ${mode} run ${k}: the build passed but out/ has no index.html`);
  } else if (run.ok) {
    ctx.result.errors.push(`portal ${mode} run ${k}: the build passed but wrote no out/`);
  } else if (run.timedOut) {
    ctx.result.errors.push(`portal ${mode} run ${k}: cut off by its cap (${fmtMs(settings.portalTimeoutMs)})`);
  } else {
    ctx.result.errors.push(`portal ${mode} run ${k} failed (exit ${run.exitCode}):\n\n\`\`\`\n${run.tail}\n\`\`\``);
  }
  const written = result.changes ? `, wrote ${result.changes.pagesWritten} pages` : "";
  log(`  portal ${mode} ${k}/${settings.runs}: ${run.ok ? fmtMs(run.wallMs) : run.timedOut ? "timeout" : `failed (exit ${run.exitCode})`}, peak ${fmtBytes(run.peakRssBytes)}${result.nextBuildRan ? "" : ", no next build"}${written} (log: ${logFile})`);
  return result;
}

async function portalRuns(ctx: SizeContext, firstNewIndex: number): Promise<void> {
  const { settings } = ctx.cli;
  const { portal } = ctx.result;
  const outDir = path.join(ctx.snapshotDir, OUT_DIR);
  for (let k = 1; k <= settings.runs; k++) {
    const removed = resetWorkTree(ctx.snapshotDir, ctx.pristine);
    if (removed.length) log(`  cold: removed ${removed.join(", ")} from the snapshot`);
    portal.cold.push(await exportOnce(ctx, "cold", k));
    if (!portal.cold.at(-1)!.run.ok && !portal.cold.at(-1)!.run.timedOut) break; // a broken build: running it again says nothing new
  }
  for (let k = 1; k <= settings.runs; k++) {
    for (const rel of settings.fullRemoves) rmSync(path.join(ctx.snapshotDir, rel), { recursive: true, force: true });
    if (k === 1) ctx.result.keptForFull = extraneousPaths(ctx.snapshotDir, ctx.pristine).map((rel) => ({ path: rel, ...pathSize(path.join(ctx.snapshotDir, rel)) }));
    portal.full.push(await exportOnce(ctx, "full", k));
    if (!portal.full.at(-1)!.run.ok) break;
  }
  if (!portal.full.at(-1)?.run.ok || !existsSync(outDir)) {
    ctx.result.notes.push("no incremental runs: the full export did not finish");
    return;
  }
  let next = firstNewIndex;
  for (let k = 1; k <= settings.runs; k++) {
    const added = addPosts(ctx.corpusDir, { firstIndex: next, count: settings.addPosts, seed: settings.seed });
    next = added.nextIndex;
    const incremental = await exportOnce(ctx, "incremental", k, walkTree(outDir));
    incremental.addedPosts = added.files.length;
    portal.incremental.push(incremental);
    if (!incremental.run.ok || !existsSync(outDir)) break;
    portal.unchanged.push(await exportOnce(ctx, "unchanged", k, walkTree(outDir)));
    if (!portal.unchanged.at(-1)!.run.ok) break;
  }
}

async function benchSize(cli: Cli, posts: number, tmpRoot: string, snapshotDir: string, pristine: Set<string>): Promise<ExportSizeResult> {
  const workDir = path.join(tmpRoot, `size-${posts}`);
  const corpusDir = path.join(workDir, "corpus");
  mkdirSync(workDir, { recursive: true });
  log(`\n== ${posts} posts (work dir ${workDir})`);
  const { broken } = generateCorpus(corpusDir, { count: posts, seed: cli.settings.seed });
  const files = listCorpus(corpusDir);
  const result: ExportSizeResult = {
    posts,
    broken,
    validPosts: files.filter((f) => f.valid).length,
    corpusBytes: dirSize(corpusDir).bytes,
    hugo: { generator: "hugo", runs: [] },
    jekyll: { generator: "jekyll", runs: [] },
    portal: { cold: [], full: [], incremental: [], unchanged: [] },
    errors: [],
    notes: [],
  };
  const ctx: SizeContext = { cli, posts, workDir, corpusDir, snapshotDir, pristine, result };
  // The generators first, on the corpus as generated: the portal's incremental runs add posts to it.
  for (const generator of ["hugo", "jekyll"] as const) {
    try {
      result[generator] = await runGenerator(ctx, generator);
    } catch (error) {
      result.errors.push(`${generator}: ${message(error)}`);
    }
  }
  try {
    await portalRuns(ctx, posts);
  } catch (error) {
    result.errors.push(`portal: ${message(error)}`);
  }
  if (!cli.keep) rmSync(workDir, { recursive: true, force: true }); // 100,000 posts are gigabytes of corpus and output
  return result;
}

interface SavedRun {
  machine: MachineInfo;
  settings: ExportBenchSettings;
  results: ExportSizeResult[];
}

function writeReport(out: string, { machine, settings, results }: SavedRun): void {
  writeKeepingNotes(out, renderExportReport(machine, settings, results));
}

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  if (cli.render) {
    const saved = JSON.parse(readFileSync(cli.render, "utf8")) as SavedRun;
    saved.settings.fullRemoves ??= [OUT_DIR, CACHE_DIR]; // figures saved before the option existed
    if (cli.settings.label !== undefined) saved.settings.label = cli.settings.label || undefined;
    writeReport(cli.out, saved);
    log(`${renderExportSummary(saved.results)}\n\nWrote ${path.relative(process.cwd(), cli.out)} from ${path.relative(process.cwd(), cli.render)}`);
    return 0;
  }
  const tmpRoot = mkdtempSync(path.join(os.tmpdir(), "finews-export-bench-"));
  // Also on Ctrl-C or a crash: corpora and exports of 100,000 posts are gigabytes.
  if (!cli.keep) atExit(() => rmSync(tmpRoot, { recursive: true, force: true }));
  const machine = machineInfo(cli.portalDir);
  log(`Export bench of ${cli.portalDir} (${machine.codeVersion}) at ${cli.settings.sizes.join(", ")} posts; temp dir ${tmpRoot}`);
  const snapshotDir = path.join(tmpRoot, "portal-snapshot");
  snapshotWorkTree(cli.portalDir, snapshotDir);
  const pristine = listWorkTree(snapshotDir);
  const results: ExportSizeResult[] = [];
  for (const posts of cli.settings.sizes) results.push(await benchSize(cli, posts, tmpRoot, snapshotDir, pristine));
  if (cli.keep) log(`kept ${tmpRoot}`);
  writeReport(cli.out, { machine, settings: cli.settings, results });
  if (cli.json) writeFileSync(cli.json, `${JSON.stringify({ machine, settings: cli.settings, results }, null, 2)}\n`);
  log(`\n${renderExportSummary(results)}\n\nWrote ${path.relative(process.cwd(), cli.out)}${cli.json ? ` and ${path.relative(process.cwd(), cli.json)}` : ""}`);
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

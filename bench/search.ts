/**
 * `npm run bench:search`: Pagefind against the own index (lib/search) on the
 * same generated corpus: index build time, size on disk, bytes a browser
 * downloads for a first and a second query, query latency in Chromium, and
 * recall against substring ground truth. Writes docs/search-benchmark.md
 * (and .json beside it, so sizes run separately add up).
 *
 *   npm run bench:search -- [--sizes 1000,10000,50000] [--engines pagefind,own]
 *                           [--seed 42] [--out docs/search-benchmark.md] [--keep]
 *
 * Corpora are cached in $TMPDIR/finews-search-bench (generating 50,000 posts
 * takes a while; a changed generator makes new ones). Index folders live in a
 * temp folder removed at the end unless --keep.
 */
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadContent } from "../lib/content/load-content";
import { searchRecords } from "../lib/search/records";
import type { SearchRecord } from "../lib/search/types";
import { SYSTEM_CHROMIUM } from "../scripts/system-chromium";
import { dirSize } from "./fs-size";
import { generateCorpus } from "./generate-corpus";
import { writeKeepingNotes } from "./markdown";
import { atExit } from "./proc";
import { measureInBrowser } from "./search-browser";
import { ENGINES, type EngineAdapter, type EngineName } from "./search-engines";
import { accuracy, groundTruth, QUERIES, searchableText, TYPED, type Truth } from "./search-queries";
import { renderSearchReport, type EngineResult, type FilesSize, type LatencyFigures, type SearchBenchResults, type SizeRun } from "./search-report";
import { wireBody, serveStatic } from "./search-serve";
import { fmtBytes, fmtMs, percentile } from "./stats";
import { codeVersion } from "./workspace";

const REPO = path.resolve(__dirname, "..");
const log = (line: string) => console.log(line);
const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

interface Cli {
  sizes: number[];
  engines: EngineAdapter[];
  seed: number;
  out: string;
  keep: boolean;
  renderOnly: boolean;
}

function parseCli(argv: string[]): Cli {
  const { values } = parseArgs({
    args: argv,
    options: {
      sizes: { type: "string", default: "1000,10000" },
      engines: { type: "string", default: "pagefind,own" },
      seed: { type: "string", default: "42" },
      out: { type: "string", default: "docs/search-benchmark.md" },
      keep: { type: "boolean", default: false },
      // Re-renders the report from the JSON beside it, measuring nothing (after a change to the report's layout).
      "render-only": { type: "boolean", default: false },
    },
  });
  const sizes = values.sizes.split(",").map((s) => Number(s.trim().replace(/_/g, "")));
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--sizes must be positive integers, not "${values.sizes}"`);
  const engines = values.engines.split(",").map((name) => {
    const engine = ENGINES[name.trim() as EngineName];
    if (!engine) throw new Error(`unknown engine "${name}" (known: ${Object.keys(ENGINES).join(", ")})`);
    return engine;
  });
  return { sizes, engines, seed: Number(values.seed), out: path.resolve(REPO, values.out), keep: values.keep, renderOnly: values["render-only"] };
}

/** A corpus per size and seed, kept between runs; regenerated when the generator changes. */
function cachedCorpus(posts: number, seed: number): string {
  const generator = createHash("sha1").update(readFileSync(path.join(__dirname, "generate-corpus.ts"))).digest("hex").slice(0, 10);
  const dir = path.join(os.tmpdir(), "finews-search-bench", `corpus-${posts}-seed${seed}-${generator}`);
  const done = path.join(dir, ".complete");
  if (!existsSync(done)) {
    log(`  generating ${posts} posts into ${dir}…`);
    generateCorpus(dir, { count: posts, seed });
    writeFileSync(done, "");
  }
  return dir;
}

/** Every file under `dir` with its path relative to it. */
function listFiles(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(dir, rel));
    else out.push(rel);
  }
  return out;
}

function filesSize(dir: string, files: string[]): FilesSize {
  let bytes = 0;
  let wireBytes = 0;
  for (const f of files) {
    const raw = readFileSync(path.join(dir, f));
    bytes += raw.length;
    wireBytes += wireBody(raw).body.length;
  }
  return { files: files.length, bytes, wireBytes };
}

function latency(values: number[]): LatencyFigures {
  return { n: values.length, medianMs: percentile(values, 0.5), p95Ms: percentile(values, 0.95), maxMs: Math.max(...values) };
}

const harnessPage = (engine: EngineAdapter) =>
  // An empty icon: otherwise Chromium asks for /favicon.ico and logs the 404.
  `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><link rel="icon" href="data:,"><title>search bench: ${engine.name}</title><script type="module">${engine.harness}</script></html>`;

async function benchEngine(engine: EngineAdapter, records: SearchRecord[], truth: Truth[], workDir: string): Promise<EngineResult> {
  const result: EngineResult = { engine: engine.name, label: engine.label, loadAvg: os.loadavg()[0], problems: [] };
  const siteDir = path.join(workDir, `site-${engine.name}`);
  const outDir = path.join(siteDir, engine.dir);
  rmSync(siteDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  try {
    await engine.prepare?.(outDir, REPO);
    const t0 = performance.now();
    await engine.build(records, outDir);
    result.buildMs = performance.now() - t0;
    log(`  ${engine.name}: index built in ${fmtMs(result.buildMs)}`);

    const files = listFiles(outDir);
    result.disk = { ...filesSize(outDir, files), needed: filesSize(outDir, files.filter((f) => !engine.unneeded?.(f))) };
    log(`  ${engine.name}: ${fmtBytes(result.disk.bytes)} in ${result.disk.files} files (search loads from ${fmtBytes(result.disk.needed.bytes)})`);

    const page = harnessPage(engine);
    const server = await serveStatic(siteDir, { "/": page, "/index.html": page });
    try {
      const nodeAllIds = engine.nodeAllIds?.(outDir, records);
      const m = await measureInBrowser(server, engine, QUERIES.map((q) => q.q), TYPED, nodeAllIds ? [] : QUERIES.map((q) => q.q));
      if (nodeAllIds) for (const q of QUERIES) m.allIds.push(await nodeAllIds(q.q));
      result.first = m.first;
      result.second = m.second;
      result.latency = latency(m.afterFirst.map((c) => c.ms));
      result.typed = latency(m.typed.map((c) => c.ms));
      result.slowest = [...m.afterFirst].sort((a, b) => b.ms - a.ms).slice(0, 5);
      result.sessionBytes = m.sessionBytes;
      result.problems.push(...m.problems);
      const toRecordIds = engine.recordIds(outDir, records);
      result.accuracy = QUERIES.map((q, i) => accuracy(q, truth[i], toRecordIds(m.allIds[i])));
      log(`  ${engine.name}: first query ${fmtBytes(m.first.bytes)} (${fmtMs(m.first.ms)}), second ${fmtBytes(m.second.bytes)}; latency median ${fmtMs(result.latency.medianMs)}, p95 ${fmtMs(result.latency.p95Ms)}`);
    } finally {
      await server.close();
    }
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
    log(`  ${engine.name}: FAILED: ${message(error)}`);
  }
  return result;
}

async function benchSize(cli: Cli, posts: number, workDir: string): Promise<SizeRun> {
  log(`\n== ${posts} posts`);
  const corpusDir = cachedCorpus(posts, cli.seed);
  let t0 = performance.now();
  const content = loadContent(corpusDir);
  const loadMs = performance.now() - t0;
  t0 = performance.now();
  const { records, unreadable } = searchRecords(corpusDir, content.index);
  const recordsMs = performance.now() - t0;
  if (unreadable.length) throw new Error(`${unreadable.length} articles could not be read again, e.g. ${unreadable[0]}`);
  log(`  ${records.length} records: load ${fmtMs(loadMs)}, records ${fmtMs(recordsMs)}`);

  const texts = records.map((r) => ({ id: r.id, text: searchableText(r) }));
  const truth = QUERIES.map((q) => groundTruth(texts, q.q));
  const run: SizeRun = {
    posts,
    published: records.length,
    corpusBytes: dirSize(corpusDir).bytes,
    loadMs,
    recordsMs,
    recordChars: texts.reduce((s, t) => s + t.text.length, 0),
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    code: codeVersion(REPO),
    engines: [],
  };
  for (const engine of cli.engines) run.engines.push(await benchEngine(engine, records, truth, workDir));
  return run;
}

function chromiumVersion(): string {
  try {
    return SYSTEM_CHROMIUM ? execFileSync(SYSTEM_CHROMIUM, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim() : "not found";
  } catch {
    return "unknown";
  }
}

/** Earlier results, so this run's sizes and engines replace theirs and the rest stay. */
function merge(previous: SearchBenchResults | undefined, current: SearchBenchResults): SearchBenchResults {
  if (!previous || previous.seed !== current.seed) return current;
  const sizes = new Map(previous.sizes.map((s) => [s.posts, s]));
  for (const run of current.sizes) {
    const old = sizes.get(run.posts);
    const measured = new Set(run.engines.map((e) => e.engine));
    // Engines not measured this time keep their figures (with the older date and commit, noted in problems).
    const kept = (old?.engines ?? []).filter((e) => !measured.has(e.engine)).map((e) => ({ ...e, problems: [...e.problems.filter((p) => !p.startsWith("measured ")), `measured ${old!.date} at ${old!.code}`] }));
    sizes.set(run.posts, { ...run, engines: [...run.engines, ...kept] });
  }
  return { ...current, sizes: [...sizes.values()] };
}

async function main(): Promise<number> {
  const cli = parseCli(process.argv.slice(2));
  const jsonFile = cli.out.replace(/\.md$/, ".json");
  if (cli.renderOnly) {
    const results = JSON.parse(readFileSync(jsonFile, "utf8")) as SearchBenchResults;
    writeKeepingNotes(cli.out, renderSearchReport(results, results.command ?? "npm run bench:search"));
    log(`Rendered ${path.relative(REPO, cli.out)} from ${path.relative(REPO, jsonFile)}`);
    return 0;
  }
  const workDir = mkdtempSync(path.join(os.tmpdir(), "finews-search-bench-run-"));
  if (!cli.keep) atExit(() => rmSync(workDir, { recursive: true, force: true }));
  log(`Search benchmark at ${cli.sizes.join(", ")} posts, engines ${cli.engines.map((e) => e.name).join(", ")}; work dir ${workDir}`);
  const current: SearchBenchResults = {
    machine: {
      cpu: `${os.cpus()[0]?.model ?? "unknown"} × ${os.cpus().length}`,
      memory: fmtBytes(os.totalmem()),
      os: `${os.type()} ${os.release()} (${os.arch()})`,
      node: process.version,
      chromium: chromiumVersion(),
    },
    seed: cli.seed,
    sizes: [],
  };
  for (const posts of cli.sizes) current.sizes.push(await benchSize(cli, posts, workDir));

  const previous = existsSync(jsonFile) && lstatSync(jsonFile).isFile() ? (JSON.parse(readFileSync(jsonFile, "utf8")) as SearchBenchResults) : undefined;
  const command = `npm run bench:search -- --sizes ${cli.sizes.join(",")} --engines ${cli.engines.map((e) => e.name).join(",")}`;
  const results = merge(previous, { ...current, command });
  mkdirSync(path.dirname(cli.out), { recursive: true });
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 1)}\n`);
  writeKeepingNotes(cli.out, renderSearchReport(results, command));
  log(`\nWrote ${path.relative(REPO, cli.out)} and ${path.relative(REPO, jsonFile)}${cli.keep ? `; kept ${workDir}` : ""}`);
  return current.sizes.some((s) => s.engines.some((e) => e.error)) ? 1 : 0;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

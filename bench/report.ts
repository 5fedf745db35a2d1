/**
 * docs/benchmarks.md and the stdout summary, from the results of one run.
 * The `## Notes` section is the engineer's: the run writes the report with
 * writeKeepingNotes (markdown.ts), which keeps whatever it already says there.
 */
import type { GeneratorBuild } from "./compare";
import type { DirSize } from "./fs-size";
import { closingSections, machineRows, markdownTable } from "./markdown";
import type { MeasuredRun } from "./proc";
import type { BenchSettings, MachineInfo, SizeResult } from "./results";
import { fmtBytes, fmtInt, fmtMs, ratio } from "./stats";

const NOTES_PLACEHOLDER = "_For the engineer: what these numbers mean for the portal, what changed since the last run, what to look at next._";

const n = (posts: number) => fmtInt(posts);

/** "12.3 s" for a finished run, "did not finish in 10 min", or "failed (exit 1)". */
function runTime(run: MeasuredRun | undefined): string {
  if (!run) return "–";
  if (run.timedOut) return `did not finish in ${fmtMs(run.wallMs)}`;
  if (!run.ok) return `failed (exit ${run.exitCode}) after ${fmtMs(run.wallMs)}`;
  return fmtMs(run.wallMs);
}

const okMs = (run: MeasuredRun | undefined) => (run?.ok ? run.wallMs : undefined);

/** A ratio against the portal; a run cut off by its timeout still gives a lower bound. */
function ratioTo(run: MeasuredRun | undefined, portalMs: number | undefined): string {
  if (run?.timedOut && portalMs) return `> ${ratio(run.wallMs, portalMs)}`;
  return ratio(okMs(run), portalMs);
}

function machineSection(m: MachineInfo, s: BenchSettings): string {
  return markdownTable(
    ["", ""],
    [
      ...machineRows(m),
      ["Jekyll / Hugo", `${m.jekyll ?? "not found"} / ${m.hugo ?? "not found"}`],
      ["Code measured", m.codeVersion],
      ["Run", `\`npm run bench -- --sizes ${s.sizes.join(",")}${s.compare ? "" : " --skip-compare"}\`, seed ${s.seed}`],
    ],
  );
}

function methodSection(s: BenchSettings): string {
  return `Each size gets a fresh corpus from \`bench/generate-corpus.ts\` (deterministic, one broken file per 1,000) in a temp folder outside the repo.

- **Build**: \`npm run build\` with \`CONTENT_DIR=<corpus>\`, \`NEXT_DIST_DIR=.next-bench\` (removed first: a cold build every time), \`CONTENT_CACHE_DIR\` set to a fresh temp folder per corpus (the build parses cold, as a first build does; the server after it reuses that cache) and \`NEXT_TELEMETRY_DISABLED=1\`. Wall time from spawn to exit. **Peak memory** is the largest sum of RSS over the whole process tree (npm, tsx, next and its workers: every descendant by parent pid, plus anything left in the process group), sampled from /proc every 100 ms; pages shared between processes count once per process, as \`ps\` shows them, and a spike shorter than 100 ms can be missed. The "of which" columns are Next's own figures from its build log (the rest is npm/tsx start-up, reading the posts, Next's config, tracing and the post report). The 1-minute load average at build start is shown because anything else running on this 2-core machine slows every figure.
- **Every article answers 200**: after the build, \`npm start -- -p <port> -H 127.0.0.1\` with the same environment; once \`/\` answers 200, the article URLs are read from \`/sitemap.xml\` (plus any expected article the sitemap left out, counted as "missing from sitemap"; expected are the clean posts and the one broken kind the README says the portal repairs: empty title and a date of only \`+0800\`) and each is requested once, ${s.concurrency} at a time, with \`accept-encoding: gzip\` (no new request after ${fmtMs(s.crawlTimeoutMs)}). "Build start → all 200" runs from the spawn of the build to the last answer and is given only when every article answered 200. Before the crawl, on the idle server: the newest (prerendered) article, then one old article that was not prerendered (the server's first on-demand render, which also loads the page's code), then the oldest such article: one on-demand render on a warm, idle server. The crawl's latencies leave those three out.
- **First-request latency**: each article's latency in the crawl above (its first request; queueing behind the other ${s.concurrency - 1} requests in flight included), split by whether \`prerender-manifest.json\` lists the page as prerendered at build. The \`x-nextjs-cache\` header values seen are counted as a cross-check.
- **Output size**: the dist dir without \`cache/\`: sum of file sizes (and disk usage as \`du\` counts it), right after the build and again once the server has stopped (pages rendered on request are cached on disk in the dist dir, under \`server/\`).
- **Page weight**: the page's HTML fetched with \`accept-encoding: gzip\`, then every \`<link rel=stylesheet href>\` and \`<script src>\` in it, once each; gzip sizes as sent (or zlib's, level 6, when the server did not compress). Inline scripts (the RSC payload) are part of the HTML figure. Pages: \`/\`, \`/category/emnews/\`, the newest article.
- **Throughput**: autocannon in the runner's process against 127.0.0.1 (so the load generator shares the 2 cores with the server: these are lower bounds), ${s.connections} connections, ${s.durationSec} s after a discarded 2 s warm-up, \`accept-encoding: gzip\`, after the crawl: (a) the newest article (prerendered), (b) the old article timed cold above (now rendered and cached: steady state). Requests/s is autocannon's per-second average; latency percentiles are its.
- **Comparison** (unless \`--skip-compare\`): the valid posts (the broken ones are known by file name) copied into temp copies of \`bench/sites/jekyll\` (\`_posts/\`) and \`bench/sites/hugo\` (\`content/posts/\`), built with \`jekyll build\` and \`hugo\` under the same tree poller, each capped at ${fmtMs(s.compareTimeoutMs)}. Those sites are bare (a list and a post layout, no category pages for Jekyll): they show each generator's floor, not a like-for-like portal. The portal's static export is \`STATIC_EXPORT=1 NEXT_DIST_DIR=.next-bench-export npm run build\`, run in a snapshot of the work tree in a temp folder, so the work tree's own \`out/\`, \`.next\` and \`.cache\` stay as they are; \`npm run bench:export\` measures it in detail.`;
}

function corpusTable(results: SizeResult[]): string {
  return markdownTable(
    ["posts", "valid", "broken", "corpus size"],
    results.map((r) => [n(r.posts), n(r.validPosts), n(r.broken), fmtBytes(r.corpusBytes)]),
  );
}

function buildTable(results: SizeResult[]): string {
  return markdownTable(
    ["posts", "build time", "of which compile", "of which static pages", "peak memory (tree)", "articles prerendered", "load avg at start"],
    results.map((r) => {
      const p = r.build?.phases;
      const pages = p?.staticPagesMs === undefined ? "–" : `${fmtMs(p.staticPagesMs)} (${fmtInt(p.staticPages)} pages, ${p.workers} worker${p.workers === 1 ? "" : "s"})`;
      return [n(r.posts), runTime(r.build?.run), fmtMs(p?.compileMs), pages, fmtBytes(r.build?.run.peakRssBytes), fmtInt(r.build?.prerenderedArticles), r.build ? r.build.loadAvgAtStart.toFixed(2) : "–"];
    }),
  );
}

function allOkTable(results: SizeResult[]): string {
  return markdownTable(
    ["posts", "build", "server start", "crawl", "build start → all 200", "build start → last answer", "articles expected / in sitemap", "requested", "non-200", "missing from sitemap", "x-nextjs-cache seen"],
    results.map((r) => {
      const s = r.serve;
      if (!s) return [n(r.posts), runTime(r.build?.run), "–", "–", "–", "–", "–", "–", "–", "–", "–"];
      const headers = Object.entries(s.cacheHeaders).map(([k, v]) => `${k}: ${fmtInt(v)}`).join(", ");
      const requested = s.notRequested > 0 ? `${fmtInt(s.requested)} (${fmtInt(s.notRequested)} not reached)` : fmtInt(s.requested);
      return [n(r.posts), runTime(r.build?.run), fmtMs(s.serverStartMs), fmtMs(s.crawlMs), s.buildStartToAllOkMs === undefined ? "never (see non-200)" : fmtMs(s.buildStartToAllOkMs), fmtMs(s.buildStartToLastAnswerMs), `${fmtInt(s.expectedArticles)} / ${fmtInt(s.sitemapArticles)}`, requested, fmtInt(s.non200), fmtInt(s.missingFromSitemap), headers];
    }),
  );
}

function latencyTable(results: SizeResult[]): string {
  const rows = results.filter((r) => r.serve).map((r) => {
    const s = r.serve!;
    const cold = s.coldHit ? `${fmtMs(s.coldHit.ms)} (${s.coldHit.status}, ${s.coldHit.prerendered ? "prerendered" : "not prerendered"}, cache: ${s.coldHit.cache || "none"})` : "–";
    return [n(r.posts), fmtInt(s.prerenderedLatency.n), fmtMs(s.prerenderedLatency.medianMs), fmtMs(s.prerenderedLatency.p99Ms), fmtInt(s.onDemandLatency.n), fmtMs(s.onDemandLatency.medianMs), fmtMs(s.onDemandLatency.p99Ms), fmtMs(s.coldHit?.processFirstRenderMs), cold];
  });
  return markdownTable(["posts", "prerendered: n", "median", "p99", "rendered on request: n", "median", "p99", "server's first on-demand render", "one old article alone, cold"], rows);
}

function outputTable(results: SizeResult[]): string {
  return markdownTable(
    ["posts", "after the build", "disk usage", "files", "after serving every article", "disk usage", "files"],
    results.map((r) => {
      const after = r.serve?.distAfterServing;
      return [n(r.posts), fmtBytes(r.build?.output?.bytes), fmtBytes(r.build?.output?.diskBytes), fmtInt(r.build?.output?.files), fmtBytes(after?.bytes), fmtBytes(after?.diskBytes), fmtInt(after?.files)];
    }),
  );
}

function weightTable(results: SizeResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    for (const w of r.serve?.weights ?? []) {
      const page = w.path.startsWith("/articles/") ? "article (newest)" : w.path;
      const note = w.status !== 200 ? ` (HTTP ${w.status})` : w.serverGzip ? "" : " *";
      rows.push([n(r.posts), `${page}${note}`, fmtBytes(w.htmlGzip), `${fmtBytes(w.cssGzip)} (${w.cssFiles})`, `${fmtBytes(w.jsGzip)} (${w.jsFiles})`, fmtBytes(w.htmlGzip + w.cssGzip + w.jsGzip)]);
    }
  }
  return `${markdownTable(["posts", "page", "HTML", "CSS (files)", "JS (files)", "total"], rows)}\n\nAll sizes gzipped. * some files were not gzipped by the server; their size is zlib's gzip of them.`;
}

function throughputTable(results: SizeResult[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    const s = r.serve;
    if (!s) continue;
    const row = (label: string, t: ServeThroughput | undefined) =>
      t && rows.push([n(r.posts), label, fmtInt(t.requestsPerSec), fmtMs(t.latencyP50Ms), fmtMs(t.latencyP99Ms), fmtInt(t.requests), `${fmtInt(t.non2xx)} / ${fmtInt(t.errors)}`]);
    row("newest article (prerendered)", s.throughputPrerendered);
    row(`old article (${s.throughputOld?.prerendered ? "prerendered" : "rendered on first request"}, then cached)`, s.throughputOld);
  }
  const memory = results.filter((r) => r.serve?.serverPeakRssBytes).map((r) => `${n(r.posts)} posts: ${fmtBytes(r.serve!.serverPeakRssBytes)}`);
  return `${markdownTable(["posts", "page", "requests/s", "p50", "p99", "requests", "non-2xx / errors"], rows)}${memory.length ? `\n\nPeak memory of the \`npm start\` tree over the crawl and the load tests: ${memory.join("; ")}.` : ""}`;
}
type ServeThroughput = NonNullable<SizeResult["serve"]>["throughputPrerendered"];

const gen = (r: SizeResult, g: GeneratorBuild["generator"]) => r.generators.find((x) => x.generator === g);

function genCell(build: GeneratorBuild | undefined): string {
  if (!build) return "–";
  if (build.skipped) return build.skipped;
  return runTime(build.run);
}

function compareSection(results: SizeResult[], settings: BenchSettings): string {
  if (!settings.compare) return "Not run (`--skip-compare`).";
  const times = markdownTable(
    ["posts", "portal build", "portal static export", "Jekyll", "Hugo", "export ÷ portal", "Jekyll ÷ portal", "Hugo ÷ portal"],
    results.map((r) => {
      const portal = okMs(r.build?.run);
      return [n(r.posts), runTime(r.build?.run), runTime(r.staticExport?.run), genCell(gen(r, "jekyll")), genCell(gen(r, "hugo")), ratioTo(r.staticExport?.run, portal), ratioTo(gen(r, "jekyll")?.run, portal), ratioTo(gen(r, "hugo")?.run, portal)];
    }),
  );
  const memory = markdownTable(
    ["posts", "portal build", "portal static export", "Jekyll", "Hugo"],
    results.map((r) => [n(r.posts), fmtBytes(r.build?.run.peakRssBytes), fmtBytes(r.staticExport?.run.peakRssBytes), fmtBytes(gen(r, "jekyll")?.run?.peakRssBytes), fmtBytes(gen(r, "hugo")?.run?.peakRssBytes)]),
  );
  const size = (d: DirSize | undefined) => (d ? `${fmtBytes(d.bytes)} (${fmtInt(d.files)} files)` : "–");
  const output = markdownTable(
    ["posts", "portal dist (no cache/)", "portal static export", "Jekyll _site", "Hugo public"],
    results.map((r) => [n(r.posts), size(r.build?.output), size(r.staticExport?.output), size(gen(r, "jekyll")?.output), size(gen(r, "hugo")?.output)]),
  );
  const failures: string[] = [];
  for (const r of results) {
    const failed: [string, MeasuredRun | undefined][] = [["portal static export", r.staticExport?.run], ["Jekyll", gen(r, "jekyll")?.run], ["Hugo", gen(r, "hugo")?.run]];
    for (const [label, run] of failed) {
      if (run && !run.ok && !run.timedOut) failures.push(`**${label}, ${n(r.posts)} posts** failed (exit ${run.exitCode}):\n\n\`\`\`\n${run.tail}\n\`\`\``);
    }
    if (r.staticExport?.wroteDotNext) failures.push(`**portal static export, ${n(r.posts)} posts**: besides \`.next-bench-export\`, the build wrote \`.next\` (Next puts a custom-distDir export's build artifacts there): run in place, it would replace the dev build.`);
    if (r.staticExport?.run.ok && !r.staticExport.hasIndexHtml) failures.push(`**portal static export, ${n(r.posts)} posts**: the build passed but wrote no \`index.html\` in \`.next-bench-export\`.`);
  }
  return `Build time (ratios > 1 mean slower than the portal's server build):\n\n${times}\n\nPeak memory (process tree):\n\n${memory}\n\nOutput size:\n\n${output}${failures.length ? `\n\n${failures.join("\n\n")}` : ""}`;
}

function problemsSection(results: SizeResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const e of r.errors) lines.push(`- ${n(r.posts)} posts: ${e}`);
    for (const note of r.notes) lines.push(`- ${n(r.posts)} posts: ${note}`);
    if (r.serve?.non200Examples.length) lines.push(`- ${n(r.posts)} posts: non-200 articles, e.g. ${r.serve.non200Examples.join("; ")}`);
    const buildRun = r.build?.run;
    if (buildRun && !buildRun.ok) lines.push(`- ${n(r.posts)} posts: portal build ${runTime(buildRun)}:\n\n  \`\`\`\n${buildRun.tail.replace(/^/gm, "  ")}\n  \`\`\``);
  }
  return lines.length ? lines.join("\n") : "None.";
}

export function renderReport(machine: MachineInfo, settings: BenchSettings, results: SizeResult[]): string {
  return `# Benchmarks

Generated by \`npm run bench\` (bench/run.ts) on ${machine.date}. Regenerate rather than edit, except for **Notes** at the end, which a new run keeps.

## Machine

${machineSection(machine, settings)}

## Method

${methodSection(settings)}

## Corpus

${corpusTable(results)}

## Portal build: time and peak memory

${buildTable(results)}

## Time from starting the build until every article answers 200

${allOkTable(results)}

## First-request latency of article pages

${latencyTable(results)}

## Build output size

${outputTable(results)}

## What a reader downloads

${weightTable(results)}

## Server throughput

${throughputTable(results)}

## Portal vs Jekyll vs Hugo

${compareSection(results, settings)}

${closingSections("Problems seen during the run", problemsSection(results), NOTES_PLACEHOLDER)}`;
}

/** A few lines per size for the terminal. */
export function renderSummary(results: SizeResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${n(r.posts)} posts (${n(r.validPosts)} valid):`);
    lines.push(`  build ${runTime(r.build?.run)}, peak ${fmtBytes(r.build?.run.peakRssBytes)}, dist ${fmtBytes(r.build?.output?.bytes)}`);
    const s = r.serve;
    if (s) {
      lines.push(`  build start → all articles 200: ${s.buildStartToAllOkMs === undefined ? `never (${s.non200} non-200)` : fmtMs(s.buildStartToAllOkMs)}; crawl ${fmtMs(s.crawlMs)}`);
      lines.push(`  first request: prerendered median ${fmtMs(s.prerenderedLatency.medianMs)} p99 ${fmtMs(s.prerenderedLatency.p99Ms)}; on request median ${fmtMs(s.onDemandLatency.medianMs)} p99 ${fmtMs(s.onDemandLatency.p99Ms)}`);
      for (const w of s.weights) lines.push(`  ${w.path}: HTML ${fmtBytes(w.htmlGzip)} + CSS ${fmtBytes(w.cssGzip)} + JS ${fmtBytes(w.jsGzip)} gz`);
      if (s.throughputPrerendered) lines.push(`  newest article: ${fmtInt(s.throughputPrerendered.requestsPerSec)} req/s, p99 ${fmtMs(s.throughputPrerendered.latencyP99Ms)}`);
      if (s.throughputOld) lines.push(`  old article: ${fmtInt(s.throughputOld.requestsPerSec)} req/s, p99 ${fmtMs(s.throughputOld.latencyP99Ms)}`);
    }
    if (r.staticExport) lines.push(`  static export: ${runTime(r.staticExport.run)} (${ratio(okMs(r.staticExport.run), okMs(r.build?.run))} of the build)`);
    for (const g of r.generators) lines.push(`  ${g.generator}: ${genCell(g)}${g.run?.ok ? ` (${ratio(g.run.wallMs, okMs(r.build?.run))} of the portal build), peak ${fmtBytes(g.run.peakRssBytes)}` : ""}`);
    for (const e of r.errors) lines.push(`  error: ${e}`);
  }
  return lines.join("\n");
}

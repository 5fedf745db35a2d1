/**
 * docs/export-bench.md and the terminal summary of `npm run bench:export`,
 * from the results of one run. Pure: the runner writes it with
 * writeKeepingNotes (markdown.ts), which keeps the notes an earlier report had.
 */
import type { ExportTree } from "./export-tree";
import type { ExportBenchSettings, ExportSizeResult, GeneratorResult, GeneratorTree, PortalMode, PortalRun } from "./export-results";
import { closingSections, machineRows, markdownTable } from "./markdown";
import type { MeasuredRun } from "./proc";
import type { MachineInfo } from "./results";
import { fmtBytes, fmtInt, fmtMs, percentile } from "./stats";

export const NOTES_PLACEHOLDER = "_For the engineer: what these figures mean, what changed since the last run, what to look at next._";

/** The issue's targets (issue 13). Decimal units, as the issue writes them. */
export const TARGETS = {
  posts: 20_000,
  hugoRatio: 2,
  peakBytes: 2e9,
  incrementalMs: 10_000,
  outBytes: 400e6,
  /** "Linear": the last size's marginal cost per page at most this much above the first's. */
  linearSlack: 1.25,
} as const;

const n = (x: number | undefined) => fmtInt(x);

/** Several runs of one measurement, read together. */
export interface RunSummary {
  n: number;
  /** Median wall time when every run finished; undefined otherwise. */
  ms?: number;
  minMs?: number;
  maxMs?: number;
  /** When a run hit its cap: the cap, a lower bound of its time. */
  overMs?: number;
  failed?: MeasuredRun;
  /** The highest peak of the runs (the worst case, for a memory target). */
  peakBytes?: number;
}

export function summarizeRuns(runs: MeasuredRun[]): RunSummary {
  const s: RunSummary = { n: runs.length };
  if (runs.length === 0) return s;
  s.peakBytes = Math.max(...runs.map((r) => r.peakRssBytes));
  const timedOut = runs.find((r) => r.timedOut);
  if (timedOut) s.overMs = timedOut.wallMs;
  const failed = runs.find((r) => !r.ok && !r.timedOut);
  if (failed) s.failed = failed;
  if (!timedOut && !failed) {
    const times = runs.map((r) => r.wallMs);
    s.ms = percentile(times, 0.5);
    s.minMs = Math.min(...times);
    s.maxMs = Math.max(...times);
  }
  return s;
}

/** "over 10 min" for a run its cap cut off: the cap in whole minutes when it is one. */
function over(ms: number): string {
  const min = ms / 60_000;
  return min >= 1 && Math.abs(min - Math.round(min)) < 0.05 ? `over ${Math.round(min)} min` : `over ${fmtMs(ms)}`;
}

export function timeCell(s: RunSummary): string {
  if (s.n === 0) return "–";
  if (s.overMs !== undefined) return `${over(s.overMs)} (timeout)`;
  if (s.failed) return `failed (exit ${s.failed.exitCode}) after ${fmtMs(s.failed.wallMs)}`;
  if (s.n === 1) return fmtMs(s.ms);
  return `${fmtMs(s.ms)} (median of ${s.n}: ${fmtMs(s.minMs)}–${fmtMs(s.maxMs)})`;
}

const fmtRatio = (x: number) => `${x.toFixed(x < 10 ? 2 : 1)}×`;

/** a ÷ b as "1.85×"; a lower or upper bound when one side hit its cap; "–" otherwise. */
export function ratioCell(a: RunSummary, b: RunSummary): string {
  if (a.ms !== undefined && b.ms !== undefined && b.ms > 0) return fmtRatio(a.ms / b.ms);
  if (a.overMs !== undefined && b.ms !== undefined && b.ms > 0) return `> ${fmtRatio(a.overMs / b.ms)}`;
  if (a.ms !== undefined && b.overMs !== undefined && b.overMs > 0) return `< ${fmtRatio(a.ms / b.overMs)}`;
  return "–";
}

const portalRuns = (r: ExportSizeResult, mode: PortalMode) => r.portal[mode];
const portalSummary = (r: ExportSizeResult, mode: PortalMode) => summarizeRuns(portalRuns(r, mode).map((p) => p.run));
const genSummary = (g: GeneratorResult) => summarizeRuns(g.runs.map((x) => x.run));

/** out/ of the last successful full export (else cold). */
export function exportTree(r: ExportSizeResult): ExportTree | undefined {
  for (const mode of ["full", "cold"] as const) {
    const last = [...r.portal[mode]].reverse().find((p) => p.tree);
    if (last?.tree) return last.tree;
  }
  return undefined;
}

const LABELS: Record<PortalMode, string> = {
  cold: "Portal cold (no out/, .cache/ or Next build)",
  full: "Portal full export, code already built",
  incremental: "Portal after adding posts (incremental)",
  unchanged: "Portal rerun, nothing changed",
};

function written(runs: PortalRun[]): string {
  const c = runs.at(-1)?.changes;
  if (!c) return "–";
  return `${n(c.pagesWritten)} pages (${n(c.added)} files added, ${n(c.rewritten)} rewritten, ${n(c.removed)} removed, ${n(c.unchanged)} untouched)`;
}

/** Whether `next build` ran, with its own phase times (from its log) in the last run. */
function nextBuild(runs: PortalRun[]): string {
  if (runs.length === 0) return "–";
  const ran = runs.filter((p) => p.nextBuildRan).length;
  const answer = ran === 0 ? "no" : ran === runs.length ? "yes" : `${ran} of ${runs.length}`;
  const phases = runs.at(-1)?.phases;
  const parts = [phases?.compileMs !== undefined ? `compile ${fmtMs(phases.compileMs)}` : "", phases?.staticPagesMs !== undefined ? `${n(phases.staticPages)} static pages ${fmtMs(phases.staticPagesMs)}` : ""].filter(Boolean);
  return parts.length && ran > 0 ? `${answer} (${parts.join(", ")})` : answer;
}

/** CPU time per wall second: cores busy on average. The tree's for the median run; everything else's, the most any run saw. */
function cores(runs: MeasuredRun[]): [string, string] {
  const fmt = (x: number | undefined) => (x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(2));
  const done = runs.filter((r) => r.ok && r.wallMs > 0);
  if (done.length === 0) return ["–", "–"];
  const median = [...done].sort((a, b) => a.wallMs - b.wallMs)[Math.ceil(done.length / 2) - 1];
  const others = done.map((r) => (r.otherCpuMs === undefined ? undefined : r.otherCpuMs / r.wallMs)).filter((x): x is number => x !== undefined);
  return [fmt(median.cpuMs === undefined ? undefined : median.cpuMs / median.wallMs), fmt(others.length ? Math.max(...others) : undefined)];
}

/** Pages per second and ms per page, from a median time and a page count. */
function perPage(ms: number | undefined, pages: number | undefined): [string, string] {
  if (ms === undefined || !pages) return ["–", "–"];
  return [n(pages / (ms / 1000)), (ms / pages).toFixed(2)];
}

function runsTable(r: ExportSizeResult): string {
  const hugo = genSummary(r.hugo);
  const rows: string[][] = [];
  const gen = (label: string, g: GeneratorResult) => {
    const s = genSummary(g);
    if (g.skipped) return rows.push([label, g.skipped, "–", "–", "–", "–", "–", "–", "–", "–", "–"]);
    const [pps, mpp] = perPage(s.ms, g.output?.htmlFiles);
    rows.push([label, timeCell(s), ratioCell(s, hugo), fmtBytes(s.peakBytes), n(g.output?.htmlFiles), pps, mpp, ...cores(g.runs.map((x) => x.run)), "–", "–"]);
  };
  gen("Hugo full build", r.hugo);
  gen("Jekyll full build", r.jekyll);
  for (const mode of ["cold", "full", "incremental", "unchanged"] as const) {
    const runs = portalRuns(r, mode);
    const s = portalSummary(r, mode);
    let label = LABELS[mode];
    if (mode === "incremental") label = `Portal after adding ${n(runs[0]?.addedPosts ?? 0)} posts (incremental)`;
    const pages = runs.at(-1)?.tree?.htmlFiles;
    // Pages per second means something only when every page was written.
    const [pps, mpp] = mode === "cold" || mode === "full" ? perPage(s.ms, pages) : ["–", "–"];
    rows.push([label, timeCell(s), ratioCell(s, hugo), fmtBytes(s.peakBytes), n(pages), pps, mpp, ...cores(runs.map((p) => p.run)), nextBuild(runs), written(runs)]);
  }
  return markdownTable(["run", "time", "÷ Hugo", "peak memory (tree)", "pages (.html)", "pages/s", "ms per page", "cores used", "other work meanwhile (cores)", "next build ran", "written by the run"], rows);
}

function outputTable(r: ExportSizeResult): string {
  const articles = (t: { bytes: number; files: number }, perArticle: number | undefined) =>
    perArticle ? [fmtBytes(t.bytes / perArticle), (t.files / perArticle).toFixed(2)] : ["–", "–"];
  const rows: string[][] = [];
  const tree = exportTree(r);
  if (tree) rows.push(["Portal out/", fmtBytes(tree.bytes), fmtBytes(tree.diskBytes), n(tree.files), n(tree.htmlFiles), ...articles(tree, tree.articlePages)]);
  else rows.push(["Portal out/", "–", "–", "–", "–", "–", "–"]);
  const gen = (label: string, o: GeneratorTree | undefined) =>
    rows.push(o ? [label, fmtBytes(o.bytes), fmtBytes(o.diskBytes), n(o.files), n(o.htmlFiles), ...articles(o, r.validPosts)] : [label, "–", "–", "–", "–", "–", "–"]);
  gen("Hugo public/", r.hugo.output);
  gen("Jekyll _site/", r.jekyll.output);
  return markdownTable(["output", "bytes", "disk usage", "files", "pages (.html)", "bytes per article", "files per article"], rows);
}

function outputDetails(tree: ExportTree | undefined): string {
  if (!tree) return "";
  const parts = tree.topLevel.slice(0, 6).map((t) => `${t.name === "(files at the root)" ? t.name : `${t.name}/`} ${fmtBytes(t.bytes)} (${n(t.files)} files)`);
  const f = tree.foldersBesideHtml;
  const lines = [
    `- Article pages: ${n(tree.articlePages)}, ${fmtBytes(tree.articlePages ? tree.articles.bytes / tree.articlePages : undefined)} each on average (per-article figures above divide the whole out/, search index included, by this count).`,
    `- Search index (\`out/search-index/\`): ${fmtBytes(tree.searchIndex.bytes)} in ${n(tree.searchIndex.files)} files.`,
    `- Largest parts: ${parts.join("; ")}.`,
    `- React payloads (\`X.txt\` beside \`X.html\`): ${n(tree.payloadsBesideHtml)}; segment payloads (\`__next.*.txt\`): ${n(tree.segmentFiles)}.`,
    `- Folders beside a page (\`X/\` beside \`X.html\`): ${n(f.articles)} under \`articles/\`, ${n(f.other)} elsewhere${f.examples.length ? ` (e.g. ${f.examples.map((e) => `\`${e}\``).join(", ")})` : ""}. A listing's folder holds its later pages and feeds by design; an article should have none.`,
  ];
  return lines.join("\n");
}

/** What "code already built" meant in this run: what was removed before the full export, what stayed. */
function keptLine(r: ExportSizeResult, s: ExportBenchSettings): string {
  const removed = new Intl.ListFormat("en").format(s.fullRemoves.map((p) => `\`${p}\``));
  if (!r.keptForFull) return "";
  const kept = r.keptForFull.map((k) => `\`${k.path}\` ${fmtBytes(k.bytes)} (${n(k.files)} file${k.files === 1 ? "" : "s"})`);
  return `Before each full export, ${removed} ${s.fullRemoves.length === 1 ? "was" : "were"} removed; kept from the earlier runs: ${kept.length ? kept.join(", ") : "nothing"}.`;
}

function sizeSection(r: ExportSizeResult, s: ExportBenchSettings): string {
  const tree = exportTree(r);
  const kept = keptLine(r, s);
  return `### ${n(r.posts)} posts

${n(r.validPosts)} valid, ${n(r.broken)} broken; corpus ${fmtBytes(r.corpusBytes)}.

${runsTable(r)}
${kept ? `\n${kept}\n` : ""}
${outputTable(r)}

${outputDetails(tree)}`.trimEnd();
}

type Verdict = { text: string; met?: boolean };
const verdict = (met: boolean | undefined, text: string): Verdict => ({ met, text: met === undefined ? text : `${text}: ${met ? "met" : "not met"}` });

export function checkFullVsHugo(r: ExportSizeResult, mode: "full" | "cold"): Verdict {
  const portal = portalSummary(r, mode);
  const hugo = genSummary(r.hugo);
  if (portal.ms === undefined || hugo.ms === undefined) {
    if (portal.overMs !== undefined && hugo.ms !== undefined) return verdict(portal.overMs / hugo.ms <= TARGETS.hugoRatio ? undefined : false, `> ${fmtRatio(portal.overMs / hugo.ms)}`);
    return { text: "not measured" };
  }
  const x = portal.ms / hugo.ms;
  return verdict(x <= TARGETS.hugoRatio, `${fmtRatio(x)}${x < 1 ? " (stretch met: faster than Hugo)" : ""}`);
}

export function checkPeakMemory(r: ExportSizeResult): Verdict {
  const peaks = (["cold", "full", "incremental", "unchanged"] as const).map((m) => portalSummary(r, m).peakBytes).filter((x): x is number => x !== undefined);
  if (peaks.length === 0) return { text: "not measured" };
  const peak = Math.max(...peaks);
  return verdict(peak < TARGETS.peakBytes, `${fmtBytes(peak)}`);
}

export function checkIncremental(r: ExportSizeResult): Verdict {
  const s = portalSummary(r, "incremental");
  if (s.ms !== undefined) return verdict(s.ms <= TARGETS.incrementalMs, fmtMs(s.ms));
  if (s.overMs !== undefined) return verdict(false, over(s.overMs));
  if (s.failed) return verdict(false, "failed");
  return { text: "not measured" };
}

export function checkOutSize(r: ExportSizeResult): Verdict {
  const tree = exportTree(r);
  if (!tree) return { text: "not measured" };
  return verdict(tree.bytes < TARGETS.outBytes, fmtBytes(tree.bytes));
}

export interface Linearity {
  rows: { posts: number; pages: number; ms: number; msPerPage: number; marginalMsPerPage?: number }[];
  verdict: Verdict;
}

/**
 * Whether a cost grows linearly with pages: the marginal cost per page
 * between consecutive sizes (which the fixed start-up cost does not blur),
 * the last against the first. With two sizes, the cost per page of the
 * larger against the smaller. Sizes without a finished run are left out.
 */
export function linearity(points: { posts: number; pages: number; ms: number }[]): Linearity {
  const sorted = [...points].sort((a, b) => a.pages - b.pages);
  const rows: Linearity["rows"] = sorted.map((p, i) => {
    const prev = sorted[i - 1];
    const marginal = prev && p.pages > prev.pages ? (p.ms - prev.ms) / (p.pages - prev.pages) : undefined;
    return { ...p, msPerPage: p.ms / p.pages, marginalMsPerPage: marginal };
  });
  const margins = rows.map((r) => r.marginalMsPerPage).filter((x): x is number => x !== undefined);
  let v: Verdict;
  if (rows.length < 2) v = { text: "needs two sizes or more" };
  else if (margins.length >= 2) {
    const [first, last] = [margins[0], margins[margins.length - 1]];
    v = verdict(last <= first * TARGETS.linearSlack, `marginal ${first.toFixed(2)} → ${last.toFixed(2)} ms per page`);
  } else {
    const [a, b] = [rows[0].msPerPage, rows[rows.length - 1].msPerPage];
    v = verdict(b <= a * TARGETS.linearSlack, `${a.toFixed(2)} → ${b.toFixed(2)} ms per page`);
  }
  return { rows, verdict: v };
}

function points(results: ExportSizeResult[], ms: (r: ExportSizeResult) => number | undefined, pages: (r: ExportSizeResult) => number | undefined) {
  const out: { posts: number; pages: number; ms: number }[] = [];
  for (const r of results) {
    const [m, p] = [ms(r), pages(r)];
    if (m !== undefined && p) out.push({ posts: r.posts, pages: p, ms: m });
  }
  return out;
}

export const portalLinearity = (results: ExportSizeResult[], mode: "full" | "cold" = "full") =>
  linearity(points(results, (r) => portalSummary(r, mode).ms, (r) => [...r.portal[mode]].reverse().find((p) => p.tree)?.tree?.htmlFiles));
export const hugoLinearity = (results: ExportSizeResult[]) => linearity(points(results, (r) => genSummary(r.hugo).ms, (r) => r.hugo.output?.htmlFiles));

function linearitySection(results: ExportSizeResult[]): string {
  const portal = portalLinearity(results);
  const hugo = hugoLinearity(results);
  const bySize = new Map<number, string[]>();
  const fmt = (x: number | undefined) => (x === undefined ? "–" : x.toFixed(2));
  for (const r of results) bySize.set(r.posts, [n(r.posts), "–", "–", "–", "–", "–", "–"]);
  for (const row of portal.rows) {
    const cells = bySize.get(row.posts)!;
    cells.splice(1, 3, n(row.pages), fmt(row.msPerPage), fmt(row.marginalMsPerPage));
  }
  for (const row of hugo.rows) {
    const cells = bySize.get(row.posts)!;
    cells.splice(4, 3, n(row.pages), fmt(row.msPerPage), fmt(row.marginalMsPerPage));
  }
  return `${markdownTable(["posts", "portal pages", "portal ms per page (full export)", "marginal ms per page since the size before", "Hugo pages", "Hugo ms per page", "Hugo marginal ms per page"], [...bySize.values()])}

The marginal cost per page between two sizes, (time₂ − time₁) ÷ (pages₂ − pages₁), leaves out what every run pays once (npm, tsx and Next start-up, reading the config): if the cost is linear in pages it stays flat as the archive grows. Portal: ${portal.verdict.text}. Hugo: ${hugo.verdict.text}. (Counted as linear when the last marginal figure is at most ${TARGETS.linearSlack}× the first, or, with two sizes, the larger size's ms per page at most ${TARGETS.linearSlack}× the smaller's; on this shared machine a difference of 10–20 % is within the noise.)`;
}

function targetsSection(results: ExportSizeResult[]): string {
  const head = ["target (issue 13)", ...results.map((r) => (r.posts === TARGETS.posts ? `${n(r.posts)} posts (the target size)` : `${n(r.posts)} posts`))];
  const row = (label: string, check: (r: ExportSizeResult) => Verdict) => [label, ...results.map((r) => check(r).text)];
  const linear = portalLinearity(results);
  const has100k = results.find((r) => r.posts === 100_000);
  const hundredK = has100k ? (portalSummary(has100k, "full").ms !== undefined ? "reported" : "run, but the full export did not finish") : "not in this run";
  const rows = [
    row(`Full export (code already built) within ${TARGETS.hugoRatio}× Hugo's full build (stretch: faster than Hugo)`, (r) => checkFullVsHugo(r, "full")),
    row(`The same, cold (Next build included)`, (r) => checkFullVsHugo(r, "cold")),
    row(`Peak memory under 2 GB (highest of every portal run at that size)`, checkPeakMemory),
    row(`Export after adding ${results[0] ? n(results[0].portal.incremental[0]?.addedPosts ?? 10) : 10} posts within 10 s`, checkIncremental),
    row(`Whole out/, search index included, under 400 MB (sum of file sizes)`, checkOutSize),
  ];
  return `${markdownTable(head, rows)}

- Cost linear in the number of pages (across sizes, see below): ${linear.verdict.text}.
- 100,000 posts reported: ${hundredK}.

2 GB is 2.0 × 10⁹ bytes (${fmtBytes(TARGETS.peakBytes)}), 400 MB is 4.0 × 10⁸ bytes (${fmtBytes(TARGETS.outBytes)}). The issue sets these targets at ${n(TARGETS.posts)} posts; other sizes show the trend.`;
}

function machineSection(m: MachineInfo, s: ExportBenchSettings, results: ExportSizeResult[]): string {
  return markdownTable(
    ["", ""],
    [
      ...machineRows(m),
      ["Hugo", m.hugo ?? "not found"],
      ["Jekyll", m.jekyll ?? "not found"],
      ["Code measured", m.codeVersion],
      ["Run", `\`${s.command}\`: sizes ${s.sizes.map(n).join(", ")}, seed ${s.seed}, ${s.runs} run${s.runs === 1 ? "" : "s"} of each measurement, +${s.addPosts} posts per incremental run`],
      ["Caps", `portal runs ${fmtMs(s.portalTimeoutMs)}, Hugo ${fmtMs(s.hugoTimeoutMs)}, Jekyll ${fmtMs(s.jekyllTimeoutMs)}`],
      ["Sizes measured", results.map((r) => n(r.posts)).join(", ") || "none"],
    ],
  );
}

function methodSection(s: ExportBenchSettings): string {
  return `For each size, one corpus from \`bench/generate-corpus.ts\` (deterministic, seed ${s.seed}, one broken file per 1,000) in a temp folder, and on it, in this order:

- **Hugo** and **Jekyll**: the valid posts copied into fresh copies of the bare sites in \`bench/sites/\` (a list and a post layout: each generator's floor, not a like-for-like portal), \`hugo\` and \`jekyll build\`, each from an empty output folder, Hugo capped at ${fmtMs(s.hugoTimeoutMs)} and Jekyll at ${fmtMs(s.jekyllTimeoutMs)}; a run cut off by its cap is reported as "over N min", and the ratio as a bound.
- **Portal**: \`STATIC_EXPORT=1 CONTENT_DIR=<corpus> SITE_URL=${s.siteUrl} npm run build\`, nothing else set (the runner's own \`NEXT_DIST_DIR\`, \`EXPORT_DIR\` and \`CONTENT_CACHE_DIR\` are cleared, so out/ and .cache/ are the defaults), in a snapshot of the work tree in a temp folder (tracked and untracked files, node_modules hard-linked), so the engineer's own \`out/\`, \`.next\` and \`.cache\` are never touched. Each run is capped at ${fmtMs(s.portalTimeoutMs)}.
  - *cold*: the snapshot as taken: everything a build wrote since (out/, .cache/, the Next build folder, public/js/…) removed;
  - *full, code already built*: ${new Intl.ListFormat("en").format(s.fullRemoves.map((p) => `\`${p}\``))} removed (\`--full-removes\`), everything else (the Next build folder with its cache) kept; each size lists what was kept. An engine that skips \`next build\` when the code did not change pays only for the pages here; one that runs \`next build\` every time still gains from Next's build cache;
  - *incremental*: ${s.addPosts} new posts added to the corpus (written the way the generator writes posts, newer than all of them), then the same command on the previous out/ and .cache/;
  - *nothing changed*: the same command again at once.
  "next build ran" is read from each run's log (\`Creating an optimized production build\` / \`Compiled successfully\`), with Next's own compile and static-generation times of the last run when it prints them. "Written by the run" compares out/ before and after (size, mtime, inode of each file): pages a run wrote, files it added, rewrote, removed or left alone. An engine that writes everything again shows every page written.
- **Time** is wall time from spawn to exit. **Peak memory** is the largest sum of RSS over the command's whole process tree (npm, tsx, next, workers; every descendant by parent pid plus anything left in its process group), sampled from /proc every 100 ms: memory shared between processes counts once per process, and a spike shorter than 100 ms can be missed. ${s.runs > 1 ? `Each measurement ran ${s.runs} times: times are medians (nearest rank, with the range), peak memory the highest of the runs; incremental runs each added ${s.addPosts} more posts.` : "Each measurement ran once: on a shared machine a single figure can be off by 10–20 %."} **Cores used** is the tree's CPU time (user + system, summed over its processes as the samples saw them) per second of wall time; **other work meanwhile** is the machine's busy CPU time from /proc/stat during the run less the tree's, per second (the highest of the runs): anything else running on the machine slows every figure, and shows there (it also holds the kernel's work on the tree's behalf, such as writing files back to disk, and the CPU time of tree processes after their last sample).
- **Pages** are the \`.html\` files of the output; pages/s and ms per page divide them by the time (full builds only). **Bytes and files per article** divide the whole output (for the portal: out/ with the search index, feeds, listings) by the article pages (portal) or the valid posts (Hugo, Jekyll).`;
}

function problemsSection(results: ExportSizeResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    for (const e of r.errors) lines.push(`- ${n(r.posts)} posts: ${e}`);
    for (const note of r.notes) lines.push(`- ${n(r.posts)} posts: ${note}`);
  }
  return lines.length ? lines.join("\n") : "None.";
}

export function renderExportReport(machine: MachineInfo, settings: ExportBenchSettings, results: ExportSizeResult[]): string {
  const banner = settings.label ? `> **${settings.label}**\n\n` : "";
  return `# Static export benchmark

${banner}Generated by \`npm run bench:export\` (bench/export-bench.ts) on ${machine.date}. Regenerate rather than edit, except for **Notes** at the end, which a new run keeps.

## Targets

${targetsSection(results)}

## Results per size

${results.map((r) => sizeSection(r, settings)).join("\n\n")}

## Cost per page as the archive grows

${linearitySection(results)}

## Machine

${machineSection(machine, settings, results)}

## Method

${methodSection(settings)}

## How to reproduce

\`\`\`sh
apt-get install -y hugo jekyll          # Debian bookworm: hugo 0.111, jekyll 4.3 (bench only)
${settings.command}
npm run bench:export -- --sizes 5000,20000,100000 --runs 3   # the issue's sizes, medians of 3
\`\`\`

Corpora, sites and logs live in a temp folder, removed at the end (\`--keep\` keeps it). Every process started is killed, tree and all, also on errors and Ctrl-C.

${closingSections("Problems seen during the run", problemsSection(results), NOTES_PLACEHOLDER)}`;
}

/** A few lines per size for the terminal. */
export function renderExportSummary(results: ExportSizeResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    const hugo = genSummary(r.hugo);
    lines.push(`${n(r.posts)} posts:`);
    lines.push(`  hugo ${r.hugo.skipped ?? timeCell(hugo)}, jekyll ${r.jekyll.skipped ?? timeCell(genSummary(r.jekyll))}`);
    for (const mode of ["cold", "full", "incremental", "unchanged"] as const) {
      const s = portalSummary(r, mode);
      if (s.n === 0) continue;
      lines.push(`  portal ${mode}: ${timeCell(s)} (${ratioCell(s, hugo)} Hugo), peak ${fmtBytes(s.peakBytes)}${mode === "incremental" || mode === "unchanged" ? `, wrote ${written(r.portal[mode])}` : ""}`);
    }
    const tree = exportTree(r);
    if (tree) lines.push(`  out/: ${fmtBytes(tree.bytes)} in ${n(tree.files)} files, ${tree.articlePages ? fmtBytes(tree.bytes / tree.articlePages) : "–"} per article; search index ${fmtBytes(tree.searchIndex.bytes)}`);
    for (const e of r.errors) lines.push(`  error: ${e}`);
  }
  return lines.join("\n");
}

/**
 * docs/search-benchmark.md from the search benchmark's results. Results are
 * also kept as JSON beside it, so a run of one size (50,000 takes a while)
 * adds to the earlier sizes instead of erasing them; each row says when and
 * at which commit it was measured. The `## Notes` section is the engineer's:
 * the run writes the report with writeKeepingNotes (markdown.ts), which keeps
 * whatever it already says there.
 */
import type { EngineName } from "./search-engines";
import type { QueryCost } from "./search-browser";
import { closingSections, markdownTable } from "./markdown";
import { pooledRecall, QUERIES, type QueryAccuracy, type QueryKind } from "./search-queries";
import { fmtBytes, fmtInt, fmtMs } from "./stats";

export interface FilesSize {
  files: number;
  bytes: number;
  /** What serving every file once would cost (gzip where it saves 10%, as search-serve.ts sends). */
  wireBytes: number;
}

export interface LatencyFigures {
  n: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

export interface EngineResult {
  engine: EngineName;
  label: string;
  /** 1-minute load average before the build: other work on this shared 2-core machine skews every figure. */
  loadAvg: number;
  buildMs?: number;
  disk?: FilesSize & { needed: FilesSize };
  first?: QueryCost;
  second?: QueryCost;
  /** Every query after the first (list and typed prefixes). */
  latency?: LatencyFigures;
  /** The typed prefixes alone (新, 新能, 新能源…). */
  typed?: LatencyFigures;
  /** The five slowest queries after the first, with what they fetched. */
  slowest?: QueryCost[];
  sessionBytes?: number;
  accuracy?: QueryAccuracy[];
  problems: string[];
  error?: string;
}

export interface SizeRun {
  /** Posts generated (one in 1,000 is broken on purpose) and articles published from them. */
  posts: number;
  published: number;
  corpusBytes: number;
  /** loadContent: read and parse every post, build the content index. */
  loadMs: number;
  /** searchRecords: read every published article again and make its plain-text record. */
  recordsMs: number;
  /** Characters of title + summary + body over all records. */
  recordChars: number;
  date: string;
  code: string;
  engines: EngineResult[];
}

export interface MachineInfo {
  cpu: string;
  memory: string;
  os: string;
  node: string;
  chromium: string;
}

export interface SearchBenchResults {
  machine: MachineInfo;
  seed: number;
  /** The last run's command line. */
  command?: string;
  sizes: SizeRun[];
}

const NOTES_PLACEHOLDER = "_For the engineer: what these numbers mean, which engine, what to look at next. A new run keeps this section._";

// Rounded down, so 99.96% reads 99.9%, never 100% unless nothing was missed.
const pct = (x: number) => (x === 1 ? "100%" : `${(Math.floor(x * 1000) / 10).toFixed(1)}%`);
const size = (s: FilesSize | undefined) => (s ? `${fmtBytes(s.bytes)} (${fmtBytes(s.wireBytes)} gz), ${fmtInt(s.files)} files` : "–");
const query = (c: QueryCost | undefined) => (c ? `${fmtBytes(c.bytes)} in ${c.requests} requests, ${fmtMs(c.ms)}` : "–");
const lat = (l: LatencyFigures | undefined) => (l ? `${fmtMs(l.medianMs)} / ${fmtMs(l.p95Ms)} (n ${l.n}, max ${fmtMs(l.maxMs)})` : "–");

function recallCell(rows: QueryAccuracy[] | undefined, kind: QueryKind): string {
  if (!rows) return "–";
  const mine = rows.filter((r) => r.kind === kind);
  const p = pooledRecall(mine);
  // Han text has no word boundaries to speak of: the word-start figure is for Latin and mixed queries.
  const wordStart = kind === "han" ? "" : `, at a word start ${pct(p.wordStartRecall)}`;
  return `${pct(p.recall)}${wordStart} (precision ${pct(p.precision)}; ${p.perfect}/${p.queries} queries exact)`;
}

function sizeSection(run: SizeRun): string {
  const head = `### ${fmtInt(run.posts)} posts (${fmtInt(run.published)} published)

Measured ${run.date} at ${run.code}. Corpus ${fmtBytes(run.corpusBytes)}; content engine load ${fmtMs(run.loadMs)}; search records ${fmtMs(run.recordsMs)} (${fmtInt(run.recordChars)} characters of text).`;
  const rows = run.engines.map((e) => [
    e.label + (e.error ? ` — **failed**: ${e.error.split("\n")[0]}` : ""),
    fmtMs(e.buildMs),
    size(e.disk),
    size(e.disk?.needed),
    query(e.first),
    query(e.second),
    lat(e.latency),
    lat(e.typed),
    recallCell(e.accuracy, "han"),
    recallCell(e.accuracy, "mixed"),
    recallCell(e.accuracy, "latin"),
    e.loadAvg.toFixed(2),
  ]);
  const figures = markdownTable(
    ["engine", "index build", "on disk (all files)", "on disk (what search loads)", "first query: downloaded", "second query: downloaded", "latency after the first: median / p95", "typing prefixes: median / p95", "recall Han", "recall mixed", "recall Latin", "load avg"],
    rows,
  );
  return `${head}\n\n${figures}\n\n${detailsSection(run)}\n\n${missesSection(run)}`;
}

const kinds = (c: QueryCost) =>
  Object.entries(c.byKind ?? {})
    .sort((a, b) => b[1] - a[1])
    .map(([kind, bytes]) => `${kind} ${fmtBytes(bytes)}`)
    .join(", ");

/** Per engine: what the first query's bytes were spent on, and the slowest queries (the p95 is made of these). */
function detailsSection(run: SizeRun): string {
  const lines: string[] = [];
  for (const e of run.engines) {
    if (!e.first) continue;
    lines.push(`- **${e.label}**: first query ${kinds(e.first)}; second ${e.second ? kinds(e.second) : "–"}.`);
    const slow = (e.slowest ?? []).map((c) => `\`${c.q}\` ${fmtMs(c.ms)} (${fmtBytes(c.bytes)} in ${c.requests} requests, ${fmtInt(c.total)} hits)`);
    if (slow.length) lines.push(`  Slowest after the first: ${slow.join("; ")}.`);
  }
  return lines.join("\n");
}

function accuracyCell(a: QueryAccuracy): string {
  const wordStart = a.kind === "han" ? "" : `, at a word start ${pct(a.expectedAtWordStart ? a.foundAtWordStart / a.expectedAtWordStart : 1)}`;
  return `${fmtInt(a.found)} of ${fmtInt(a.returned)} returned (recall ${pct(a.recall)}${wordStart}, precision ${pct(a.precision)})`;
}

/** Per query, where any engine was not exact: what it found of what it should. */
function missesSection(run: SizeRun): string {
  const engines = run.engines.filter((e) => e.accuracy);
  if (engines.length === 0) return "";
  const queries = engines[0].accuracy!.map((a) => a.q);
  const rows: string[][] = [];
  for (const q of queries) {
    const per = engines.map((e) => e.accuracy!.find((a) => a.q === q));
    if (per.every((a) => !a || (a.recall === 1 && a.precision === 1))) continue;
    rows.push([`\`${q}\``, fmtInt(per.find(Boolean)?.expected), ...per.map((a) => (a ? accuracyCell(a) : "–"))]);
  }
  if (rows.length === 0) return "Every engine returned exactly the expected articles for every query.";
  return `Queries where an engine was not exact (the others were):\n\n${markdownTable(["query", "expected", ...engines.map((e) => e.label)], rows)}`;
}

function problemsSection(results: SearchBenchResults): string {
  const lines: string[] = [];
  for (const run of results.sizes) {
    for (const e of run.engines) {
      if (e.error) lines.push(`- ${fmtInt(run.posts)} posts, ${e.label}: ${e.error}`);
      for (const p of [...new Set(e.problems)].slice(0, 10)) lines.push(`- ${fmtInt(run.posts)} posts, ${e.label}: ${p}`);
    }
  }
  return lines.length ? lines.join("\n") : "None.";
}

/** The query list by kind, with why a query is there when it is not obvious. */
function queryList(): string {
  const kinds: [QueryKind, string][] = [["han", "Han"], ["mixed", "Mixed"], ["latin", "Latin"]];
  return kinds
    .map(([kind, label]) => `- **${label}**: ${QUERIES.filter((q) => q.kind === kind).map((q) => `\`${q.q}\`${q.note ? ` (${q.note})` : ""}`).join(", ")}.`)
    .join("\n");
}

export function renderSearchReport(results: SearchBenchResults, command: string): string {
  const m = results.machine;
  const machine = markdownTable(["", ""], [["CPU", m.cpu], ["Memory", m.memory], ["OS", m.os], ["Node.js", m.node], ["Chromium", m.chromium], ["Corpus seed", String(results.seed)]]);
  const sizes = [...results.sizes].sort((a, b) => a.posts - b.posts);
  return `# Search benchmark: Pagefind vs an index of our own

Generated by \`npm run bench:search\` (bench/search.ts). Regenerate rather than edit, except for **Notes** at the end, which a new run keeps. Last run: \`${command}\`; each size's section says when and at which commit it was measured.

Targets (the issue): at 10,000 articles the first query downloads under 300 KB, and after it p95 latency is under 50 ms; Han queries of two or more characters find every article containing them, and so do mixed (HFO-1234yf, ET7, 00388.HK) and Latin ones.

## Machine

${machine}

The machine is a shared 2-core VM; other work (a Next.js build, tests) may run at the same time. The load average before each engine's build is in its row: above ~1, timings are inflated. Quote medians rather than single figures.

## Method

- **Corpus**: \`generate-corpus.ts\` (deterministic; one broken file per 1,000), loaded through the content engine (\`loadContent\`), then \`searchRecords\` (lib/search/records.ts): title, summary and body as plain text of each published article. Both engines index these same records.
- **Index build**: wall time of the engine's build from the records to files on disk. Pagefind: \`createIndex\`, one \`addCustomRecord\` per article (language \`zh\`, meta title/source/date, filter source, sort date), \`writeFiles\`, through its Node API (a Rust binary behind it). Own engine: \`buildSearchIndex(records)\` (lib/search/build.ts), then writing its files.
- **On disk**: every file written, sum of sizes, and "gz": what sending each once costs (gzipped when that saves ≥10%). "What search loads" leaves out Pagefind's prebuilt UI bundles (\`pagefind-ui.js\`, \`-component-ui\`, \`-modular-ui\`, \`-highlight\`, their CSS), which a page with its own results list never fetches; the own engine's figure includes its client bundle (esbuild, minified ESM).
- **Downloaded**: a local static server (gzip as above, \`cache-control: max-age=3600\` and ETags) counts the body bytes it sends (headers not counted), including requests from Web Workers. Chromium (Debian's, headless, one tab, HTTP cache on) opens a harness page; the engine's code loads on the first query, not with the page. "First query" is \`新能源汽车\`: everything fetched for it (engine JS/wasm, index, top-10 data). "Second query" is \`央行\`, right after, with the first query's files cached.
- **Latency**: \`performance.now()\` inside the page around one query, including the data a results page shows for its top 10 (Pagefind: \`search()\` then \`data()\` of the first 10; own: \`search({ q, limit: 10 })\`, whose hits carry title and snippet). Each query runs once, in order, as a reader would; "after the first" is every query but the first: the queries below, then the typing prefixes (\`新\`, \`新能\`, \`新能源\`, \`新能源汽车\`; \`融\`…\`融资余额\`; \`国\`…\`国家统计局\`; \`H\`…\`HFO-1234yf\`), which are also shown alone.
- **Recall and precision**: the right answer for a query is every record whose title, summary or body contains it (NFKC, case-insensitive; for \`央行 逆回购\`, both words). Each engine is asked for all its hits: Pagefind, every result of \`search()\` in the browser (ids only; URLs read from its fragment files in Node); own, its client in Node over the same files, its date range halved until each window's hits fit in one page of 100 (paging with \`offset\` re-walks earlier hits: quadratic). Recall = right hits returned / right hits; precision = right hits returned / hits returned; pooled over the queries of a kind, so frequent words weigh more. "Exact" counts queries with recall and precision both 100%. For Latin and mixed queries, "at a word start" is the recall over the articles where the query also starts a Latin word (not right after a Latin letter or digit): the generator glues Latin tokens together (\`PMIGDP\`, \`IPOHFO-1234yf\`, \`ETFA股\`), which real copy rarely does, and a word index finds \`GDP\` only at the start of a word. The gap between the two figures is that artefact; a miss at a word start is a real one.

## Queries

${queryList()}

## Results

${sizes.map(sizeSection).join("\n\n")}

${closingSections("Problems seen during the runs", problemsSection(results), NOTES_PLACEHOLDER)}`;
}

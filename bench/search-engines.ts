/**
 * The two search engines under test, behind one adapter each, so the
 * benchmark runs them the same way: build an index from the same records
 * into a folder, serve that folder, and let a harness page in Chromium call
 * `window.bench.query(q)` (what a results page needs: the top 10 with their
 * titles and links) and `window.bench.allIds(q)` (every hit, for recall;
 * or `nodeAllIds`, the same client in Node, when listing every hit costs a
 * request per hit).
 *
 * Both harnesses load the engine's code on the first query, not with the
 * page, as a site would (search is one box on every page; most readers
 * never use it), so the first query's bytes include the engine itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { buildSearchIndex } from "../lib/search/build";
import { createSearchClient } from "../lib/search/client";
import type { SearchRecord } from "../lib/search/types";
import { writeSearchIndex } from "../lib/search/write";

export type EngineName = "pagefind" | "own";

export interface EngineAdapter {
  name: EngineName;
  label: string;
  /** The folder under the served root that holds the index (and the engine's code). */
  dir: string;
  /** Writes the index into `outDir`; this is the step timed as "index build". */
  build(records: SearchRecord[], outDir: string): Promise<void>;
  /** Anything the browser needs besides the index (the client bundle); not timed. */
  prepare?(outDir: string, repoDir: string): Promise<void>;
  /** Files written that a custom results page never loads (Pagefind's own UI), left out of "needed" sizes. */
  unneeded?(relativePath: string): boolean;
  /** Script of the harness page: defines `window.bench`. */
  harness: string;
  /** Every hit of a query, computed in Node instead of the browser (`window.bench.allIds`). */
  nodeAllIds?(outDir: string, records: SearchRecord[]): (q: string) => Promise<string[]>;
  /** The ids `allIds` returned → record ids (Pagefind returns its own page hashes). */
  recordIds(outDir: string, records: SearchRecord[]): (ids: string[]) => string[];
}

/** What `window.bench.query` resolves to. */
export interface BrowserQueryResult {
  ms: number;
  total: number;
  /** URLs of the first 10 hits, as a results page would link them. */
  top: string[];
}

/**
 * The text Pagefind indexes for a record: title, summary and body. A summary
 * made from the body's first sentences is left out (it is in the body
 * already; Pagefind stores the content in its fragments, so a copy would
 * cost bytes and weigh those words twice); a lede, which left the body, stays.
 */
export function indexedText(record: SearchRecord): string {
  const summary = record.summary.replace(/…$/, "");
  const parts = [record.title, record.body.startsWith(summary) ? "" : record.summary, record.body];
  return parts.filter(Boolean).join("\n");
}

const pagefind: EngineAdapter = {
  name: "pagefind",
  label: "Pagefind 1.6.0",
  dir: "pagefind",
  async build(records, outDir) {
    // ESM only; tsx runs this file as CommonJS, so it is imported, not required.
    const api = await import("pagefind");
    try {
      const { index, errors } = await api.createIndex({});
      if (!index) throw new Error(`pagefind createIndex: ${errors.join("; ")}`);
      const add = async (r: SearchRecord) => {
        const added = await index.addCustomRecord({
          url: r.url,
          content: indexedText(r),
          language: "zh",
          meta: { title: r.title, source: r.sourceName, date: new Date(r.publishedAt).toISOString() },
          filters: { source: [r.sourceKey] },
          sort: { date: String(r.publishedAt) },
        });
        if (added.errors.length) throw new Error(`pagefind addCustomRecord ${r.url}: ${added.errors.join("; ")}`);
      };
      // Each record is a message to Pagefind's binary; 64 in flight save about a third of one-by-one's time.
      for (let i = 0; i < records.length; i += 64) await Promise.all(records.slice(i, i + 64).map(add));
      const written = await index.writeFiles({ outputPath: outDir });
      if (written.errors.length) throw new Error(`pagefind writeFiles: ${written.errors.join("; ")}`);
    } finally {
      await api.close();
    }
  },
  unneeded: (file) => /^pagefind-(?:component-ui|modular-ui|ui|highlight)\.(?:js|css)$/.test(file),
  harness: `
let engine;
const load = async () => (engine ??= await import("/pagefind/pagefind.js"));
window.bench = {
  async query(q) {
    const t0 = performance.now();
    const pf = await load();
    const found = await pf.search(q);
    const top = await Promise.all(found.results.slice(0, 10).map((r) => r.data()));
    return { ms: performance.now() - t0, total: found.results.length, top: top.map((d) => d.url) };
  },
  async allIds(q) {
    const pf = await load();
    return (await pf.search(q)).results.map((r) => r.id);
  },
};`,
  recordIds(outDir, records) {
    // A Pagefind result id is its fragment's hash; the fragment (gzip, "pagefind_dcd" + JSON) holds the URL.
    // Read here, in Node, so recall needs no fragment download per hit.
    const idByUrl = new Map(records.map((r) => [r.url, r.id]));
    const urlByHash = new Map<string, string>();
    const dir = path.join(outDir, "fragment");
    for (const file of readdirSync(dir)) {
      const json = JSON.parse(gunzipSync(readFileSync(path.join(dir, file))).subarray("pagefind_dcd".length).toString("utf8")) as Record<string, unknown>;
      const hash = file.replace(/\.pf_fragment$/, "");
      if (typeof json.url === "string") urlByHash.set(hash, json.url);
      // A fragment group (large sites): fragments by hash.
      else for (const [h, f] of Object.entries(json)) urlByHash.set(h, (f as { url: string }).url);
    }
    return (ids) => ids.map((h) => idByUrl.get(urlByHash.get(h) ?? "") ?? `?${h}`);
  },
};

const OWN_CLIENT = "client.js";
/** The client pages through hits at most this many at a time (its MAX_LIMIT). */
const OWN_PAGE = 100;

const own: EngineAdapter = {
  name: "own",
  label: "own (lib/search)",
  dir: "search",
  async build(records, outDir) {
    // What the site's build does: build in memory, then write the folder (build id folder, manifest last).
    writeSearchIndex(outDir, buildSearchIndex(records));
  },
  async prepare(outDir, repoDir) {
    // The browser client, bundled as the site would ship it (minified ESM).
    const esbuild = await import("esbuild");
    await esbuild.build({
      entryPoints: [path.join(repoDir, "lib/search/client.ts")],
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      outfile: path.join(outDir, OWN_CLIENT),
      logLevel: "error",
    });
  },
  harness: `
let client;
const load = async () => (client ??= (await import("/search/${OWN_CLIENT}")).createSearchClient({ base: "/search" }));
window.bench = {
  async query(q) {
    const t0 = performance.now();
    const c = await load();
    const found = await c.search({ q, limit: 10 });
    return { ms: performance.now() - t0, total: found.total, top: found.hits.map((h) => h.url) };
  },
};`,
  /**
   * Every hit, in Node: the client verifies each candidate on its fragment
   * and serves at most 100 hits a call, so listing 5,000 hits in the browser
   * would mean 5,000 fragment requests per query. The same client code runs
   * here against the files on disk. Paging with `offset` re-walks every
   * earlier hit on each call (quadratic: minutes per query at 50,000), so
   * the date range is cut instead, in halves, until each window's hits fit
   * in one page. This leans on the client's `from`/`to` filter being exact;
   * if it were not, recall would show it.
   */
  nodeAllIds(outDir, records) {
    const client = createSearchClient({ base: outDir, fetch: async (file) => new Response(new Uint8Array(await readFile(String(file)))) });
    const times = records.map((r) => r.publishedAt);
    const first = Math.min(...times);
    const end = Math.max(...times) + 1;
    return async (q) => {
      const ids: string[] = [];
      const windowHits = async (from: number, to: number): Promise<void> => {
        const { hits } = await client.search({ q, from, to, limit: OWN_PAGE });
        if (hits.length < OWN_PAGE || to - from <= 1) return void ids.push(...hits.map((h) => h.id));
        const mid = Math.floor((from + to) / 2);
        await windowHits(from, mid);
        await windowHits(mid, to);
      };
      await windowHits(first, end);
      return ids;
    };
  },
  recordIds: () => (ids) => ids,
};

export const ENGINES: Record<EngineName, EngineAdapter> = { pagefind, own };

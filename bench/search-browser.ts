/**
 * One engine's index, measured in Chromium as a reader meets it: a page
 * with a search box that loads the engine on the first query, then more
 * queries and search-as-you-type prefixes, in one tab with the HTTP cache on.
 *
 * Latency is performance.now() inside the page around one query, including
 * what a results page needs for its top 10 (Pagefind's `data()` fetches).
 * Bytes are counted by the server (search-serve.ts), so requests made from a
 * Web Worker count too.
 */
import { chromium } from "@playwright/test";
import { SYSTEM_CHROMIUM, SYSTEM_CHROMIUM_FLAGS } from "../scripts/system-chromium";
import type { BrowserQueryResult, EngineAdapter } from "./search-engines";
import type { Sent, StaticServer } from "./search-serve";

export interface QueryCost {
  q: string;
  ms: number;
  /** Body bytes on the wire (gzip where the server used it) and requests made, for this query alone. */
  bytes: number;
  requests: number;
  total: number;
  /** Bytes by file extension (`.wasm`, `.pf_index`, `.bin`…): what the bytes were spent on. */
  byKind: Record<string, number>;
}

export interface BrowserMeasure {
  first: QueryCost;
  second: QueryCost;
  /** Every query after the first: the list, then the typed prefixes. */
  afterFirst: QueryCost[];
  typed: QueryCost[];
  /** Bytes fetched over the whole session (first query included). */
  sessionBytes: number;
  /** Hits (engine ids) of each query in `recallQueries` (may be none), in order. */
  allIds: string[][];
  /** Page errors and failed requests, to explain odd figures. */
  problems: string[];
}

declare global {
  interface Window {
    bench: { query(q: string): Promise<BrowserQueryResult>; allIds?(q: string): Promise<string[]> };
  }
}

function cost(q: string, r: BrowserQueryResult, sent: Sent[]): QueryCost {
  const byKind: Record<string, number> = {};
  for (const s of sent) {
    const kind = s.path.match(/(\.[a-z_]+)$/i)?.[1] ?? s.path;
    byKind[kind] = (byKind[kind] ?? 0) + s.bytes;
  }
  return { q, ms: r.ms, total: r.total, bytes: sent.reduce((sum, x) => sum + x.bytes, 0), requests: sent.length, byKind };
}

export async function measureInBrowser(server: StaticServer, engine: EngineAdapter, queries: string[], typed: string[][], recallQueries: string[]): Promise<BrowserMeasure> {
  if (!SYSTEM_CHROMIUM) throw new Error("no /usr/bin/chromium (Playwright's own browsers cannot be downloaded here)");
  const browser = await chromium.launch({ executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_FLAGS });
  const problems: string[] = [];
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(10 * 60_000);
    page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
    page.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
    await page.goto(`${server.base}/`);
    await page.waitForFunction(() => typeof window.bench === "object");
    server.take(); // the harness page itself is not the engine's cost

    let sessionBytes = 0;
    const run = async (q: string) => {
      const r = await page.evaluate((query) => window.bench.query(query), q);
      const sent = server.take();
      for (const s of sent) if (s.status >= 400) problems.push(`${engine.name}: ${s.path} answered ${s.status}`);
      const c = cost(q, r, sent);
      sessionBytes += c.bytes;
      return c;
    };
    const first = await run(queries[0]);
    const second = await run(queries[1]);
    const afterFirst = [second];
    for (const q of queries.slice(2)) afterFirst.push(await run(q));
    const typedCosts: QueryCost[] = [];
    for (const sequence of typed) for (const prefix of sequence) typedCosts.push(await run(prefix));
    afterFirst.push(...typedCosts);

    const allIds: string[][] = [];
    for (const q of recallQueries) allIds.push(await page.evaluate((query) => window.bench.allIds!(query), q));
    server.take();
    return { first, second, afterFirst, typed: typedCosts, sessionBytes, allIds, problems };
  } finally {
    await browser.close();
  }
}

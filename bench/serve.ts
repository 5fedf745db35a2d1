/**
 * Measures a running portal server: every article once (the path to "every
 * article answers 200"), page weights, then throughput under load.
 *
 * Order matters: the old article's cold first hit is taken before the crawl
 * renders it, and the crawl comes before the load tests so its latencies
 * are first requests.
 */
import { bodyText, crawl, get, sitemapAllPaths, type CrawlRecord } from "./http";
import type { CorpusFile } from "./corpus";
import { pageWeight } from "./page-weight";
import type { ColdHit, ServeResult } from "./results";
import { distribution } from "./stats";
import { measureThroughput } from "./throughput";

export interface ServeOptions {
  base: string;
  files: CorpusFile[];
  prerendered: Set<string>;
  buildStartedAt: number;
  serverStartMs: number;
  concurrency: number;
  connections: number;
  durationSec: number;
  crawlTimeoutMs: number;
  log: (line: string) => void;
}

/** An article's page URL: every page ends in `/` (README "URLs"); without it `npm start` answers 308. */
export const articlePath = (id: string) => `/articles/${encodeURIComponent(id)}/`;

/** Sitemap's article URLs first (the site's own list), then any post the portal should publish that it left out. */
async function articlePaths(base: string, files: CorpusFile[]) {
  const fromSitemap = [...new Set((await sitemapAllPaths(base)) ?? [])].filter((p) => p.startsWith("/articles/"));
  const listed = new Set(fromSitemap);
  const missing = files.filter((f) => f.portalPublishes && !listed.has(articlePath(f.id))).map((f) => articlePath(f.id));
  return { paths: [...fromSitemap, ...missing], sitemapArticles: fromSitemap.length, missing: missing.length };
}

async function coldHit(base: string, path: string, prerendered: boolean): Promise<ColdHit> {
  const res = await get(base + path, { headers: { "accept-encoding": "gzip" } });
  return { path, status: res.status, ms: res.ms, cache: String(res.headers["x-nextjs-cache"] ?? ""), prerendered };
}

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return out;
}

export async function measureServing(o: ServeOptions): Promise<ServeResult> {
  const valid = o.files.filter((f) => f.valid);
  const newest = articlePath(valid[valid.length - 1].id);
  const notPrerendered = valid.filter((f) => !o.prerendered.has(articlePath(f.id))).map((f) => articlePath(f.id));
  // The oldest article that was not prerendered (or simply the oldest, when all were).
  const old = notPrerendered[0] ?? articlePath(valid[0].id);
  const oldPrerendered = o.prerendered.has(old);
  // Another one renders first: a fresh server's first render also loads the page's code (a prerendered page,
  // served from the cache, would not), and that cost is not what one on-demand render costs.
  const warmUp = notPrerendered[1];

  const { paths, sitemapArticles, missing } = await articlePaths(o.base, o.files);

  await get(o.base + newest);
  const firstRender = warmUp ? await get(o.base + warmUp) : undefined;
  const cold = await coldHit(o.base, old, oldPrerendered);
  if (firstRender) cold.processFirstRenderMs = firstRender.ms;
  o.log(`  first request of an old article (${oldPrerendered ? "prerendered" : "not prerendered"}): ${cold.status} in ${Math.round(cold.ms)} ms${firstRender ? ` (the server's first on-demand render: ${Math.round(firstRender.ms)} ms)` : ""}`);

  const crawlStart = performance.now();
  o.log(`  requesting ${paths.length} article URLs, ${o.concurrency} at a time…`);
  const { records, notRequested } = await crawl(o.base, paths, {
    concurrency: o.concurrency,
    deadline: crawlStart + o.crawlTimeoutMs,
    onProgress: (n) => n % 5000 === 0 && o.log(`    ${n}/${paths.length}`),
  });
  const crawlMs = performance.now() - crawlStart;
  const last = records.reduce((max, r) => Math.max(max, r.doneAt), crawlStart); // no spread: 100,000 arguments overflow the stack
  const bad = records.filter((r) => r.status !== 200);
  // Those three were requested before the crawl: leave them out of the first-request latencies.
  const before = new Set([newest, old, warmUp]);
  const firsts = records.filter((r) => !before.has(r.path));
  const latency = (want: boolean) => distribution(firsts.filter((r: CrawlRecord) => o.prerendered.has(r.path) === want).map((r) => r.ms));

  o.log("  page weights…");
  const weights = [];
  for (const path of ["/", "/category/emnews/", newest]) weights.push(await pageWeight(o.base, path));

  const load = { connections: o.connections, durationSec: o.durationSec };
  o.log(`  throughput, ${o.durationSec} s × 2…`);
  const throughputPrerendered = { ...(await measureThroughput(o.base + newest, load)), path: newest };
  const throughputOld = { ...(await measureThroughput(o.base + old, load)), path: old, prerendered: oldPrerendered };

  return {
    serverStartMs: o.serverStartMs,
    expectedArticles: o.files.filter((f) => f.portalPublishes).length,
    sitemapArticles,
    missingFromSitemap: missing,
    requested: records.length,
    non200: bad.length,
    non200Examples: bad.slice(0, 5).map((r) => `${r.path} → ${r.status || "no answer"}`),
    notRequested,
    crawlMs,
    buildStartToLastAnswerMs: last - o.buildStartedAt,
    buildStartToAllOkMs: bad.length === 0 && notRequested === 0 && cold.status === 200 ? last - o.buildStartedAt : undefined,
    cacheHeaders: countBy(records, (r) => r.cache || "(none)"),
    prerenderedLatency: latency(true),
    onDemandLatency: latency(false),
    coldHit: cold,
    weights,
    throughputPrerendered,
    throughputOld,
  };
}

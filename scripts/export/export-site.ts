/**
 * The static exporter: a content folder → every file of the site in
 * `outDir`, as `npm start` serves it, without Next.js's per-page pipeline.
 *
 *   pages     lib/export/page-jobs.ts → worker threads (export-worker.ts) →
 *             react-dom/server with the app/ routes' own views and metadata
 *   files     feeds, sitemaps, robots.txt, latest.json, _headers … from the
 *             same lib/ functions as the route handlers
 *   assets    public/ and the stylesheets of the Next.js build
 *   search    the search index (lib/search), written beside the pages
 *
 * Incremental: every output has a fingerprint of what it is made from (a
 * page's job is all its data; an article adds a digest of its post file's
 * bytes; everything adds the Next.js build id, so a code change renders
 * all). A manifest in the cache folder keeps the last export's
 * fingerprints; only outputs whose fingerprint changed are made again, and
 * files the site no longer has are deleted. A missing manifest or a
 * missing out/index.html means a full export into an emptied folder.
 */
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { readPostAt } from "@/lib/content/post-files";
import type { LoadedContent } from "@/lib/content/load-content";
import { maxPostBytes } from "@/lib/site/config";
import { pageFile, pageJobs, type PageJob } from "@/lib/export/page-jobs";
import { freshArticles } from "@/lib/search/fresh";
import { FEED_SIZE, feedPath, renderFeed, type FeedFormat } from "@/lib/site/feeds";
import { latestJson } from "@/lib/site/latest";
import { robotsTxt } from "@/lib/site/robots";
import { securityHeaders } from "@/lib/site/security-headers.cjs";
import { sitemapIndexXml, sitemapNames, sitemapPath, sitemapXml } from "@/lib/site/sitemaps";
import { withoutReactRuntime } from "@/lib/serve/static-document";
import { legacyRedirects, redirectPageHtml, redirectsFile } from "@/lib/export/legacy-redirects";
import { JEKYLL_CONFIG, NOJEKYLL } from "@/lib/export/static-host";
import { basePath } from "@/lib/site/base-path.cjs";
import { absoluteUrl } from "@/lib/site/urls";
import { writeSiteSearchIndex } from "../search-index";
import type { BatchResult, RenderBatch } from "./export-worker";
import type { SiteAssets } from "./render-page";

export interface ExportOptions {
  content: LoadedContent;
  contentDir: string;
  outDir: string;
  /** The Next.js build folder whose stylesheets the pages link. */
  nextDistDir: string;
  /** Where the manifest of the last export is kept. */
  cacheDir: string;
  publicDir: string;
  threads?: number;
  log?: (line: string) => void;
}

export interface ExportReport {
  pages: number;
  /** Pages rendered this time (the rest were unchanged). */
  rendered: number;
  /** Other files (feeds, sitemaps, assets…) written this time. */
  filesWritten: number;
  removed: number;
  full: boolean;
  ms: number;
  /** Where the time went: pages (rendering, in workers), files (feeds, sitemaps, assets), search (the index). */
  phases: { pages: number; files: number; search: number };
}

const MANIFEST_VERSION = 1;
const BATCH = 64;
const FEED_FORMATS: FeedFormat[] = ["atom", "rss", "json"];

interface Manifest {
  version: number;
  outDir: string;
  files: Record<string, string>;
}

const digest = (...parts: string[]) => {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("base64url");
};

/** The stylesheets Next.js linked in its own prerendered 404 page, and the build id. */
export function readNextBuild(nextDistDir: string): { buildId: string; assets: SiteAssets } {
  const buildId = readFileSync(path.join(nextDistDir, "BUILD_ID"), "utf8").trim();
  const notFound = withoutReactRuntime(readFileSync(path.join(nextDistDir, "server", "app", "_not-found.html"), "utf8"));
  const stylesheets = [...notFound.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]);
  return { buildId, assets: { stylesheets } };
}

function manifestFile(cacheDir: string, outDir: string): string {
  return path.join(cacheDir, `export-${digest(outDir).slice(0, 12)}.json`);
}

function readManifest(file: string, outDir: string): Manifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(file, "utf8")) as Manifest;
    if (manifest.version !== MANIFEST_VERSION || manifest.outDir !== outDir || !existsSync(path.join(outDir, "index.html"))) return undefined;
    return manifest;
  } catch {
    return undefined;
  }
}

export async function exportSite(options: ExportOptions): Promise<ExportReport> {
  const started = performance.now();
  const { content, contentDir, outDir, nextDistDir, cacheDir, publicDir, log = console.log } = options;
  const { index } = content;
  const { buildId, assets } = readNextBuild(nextDistDir);
  const manifestPath = manifestFile(cacheDir, outDir);
  const previous = readManifest(manifestPath, outDir);
  if (!previous) rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const before = previous?.files ?? {};
  const now: Record<string, string> = {};
  let filesWritten = 0;

  /** Writes `file` when its fingerprint changed; `make` runs only then. */
  const output = (file: string, fingerprint: string, make: () => string | Buffer) => {
    now[file] = fingerprint;
    if (before[file] === fingerprint) return;
    const target = path.join(outDir, file);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, make());
    filesWritten++;
  };
  const textOutput = (file: string, text: string) => output(file, digest(buildId, text), () => text);

  // Pages, in worker threads.
  const phaseStart = performance.now();
  const pool = startPool(options.threads ?? Math.max(1, os.availableParallelism()));
  let pages = 0;
  let rendered = 0;
  const unreadable: string[] = [];
  try {
    let batch: PageJob[] = [];
    const send = async (jobs: PageJob[]) => {
      const result = await pool.run({ jobs, outDir, contentDir, assets });
      unreadable.push(...result.unreadable);
    };
    const inFlight = new Set<Promise<void>>();
    const flush = async () => {
      const jobs = batch;
      batch = [];
      const done: Promise<void> = send(jobs).finally(() => inFlight.delete(done));
      inFlight.add(done);
      // Back-pressure: jobs are made as fast as workers take them, never all at once.
      if (inFlight.size >= pool.size * 2) await Promise.race(inFlight);
    };
    for (const job of pageJobs(index)) {
      pages++;
      const file = pageFile(job.path);
      const post = job.view.kind === "article" ? postDigest(contentDir, job.view.file) : "";
      const fingerprint = digest(buildId, JSON.stringify(job), post);
      now[file] = fingerprint;
      if (before[file] === fingerprint) continue;
      rendered++;
      batch.push(job);
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    await Promise.all(inFlight);
  } finally {
    await pool.close();
  }
  if (unreadable.length) log(`export: ${unreadable.length} post files could not be read while exporting, their pages have no body: ${unreadable.slice(0, 3).join(", ")}`);

  const pagesMs = performance.now() - phaseStart;
  const filesStart = performance.now();
  // Feeds: the site's, and each source's (made only when its newest articles changed).
  for (const format of FEED_FORMATS) textOutput(feedFile(feedPath(format)), renderFeed(format, { articles: index.articles }));
  for (const { category, articles } of index.categories) {
    const inputs = JSON.stringify([category, articles.slice(0, FEED_SIZE).map((a) => [a.id, a.title, a.publishedAt, a.summary, a.source, a.category.name])]);
    for (const format of FEED_FORMATS) output(feedFile(feedPath(format, category)), digest(buildId, format, inputs), () => renderFeed(format, { category, articles }));
  }
  // Sitemaps, robots.txt, the JSON the reader script polls, the headers file.
  // One instant for the sitemaps: the news sitemap exists only while something is under 48 hours old.
  const instant = Date.now();
  textOutput("sitemap.xml", sitemapIndexXml(index, instant));
  for (const name of sitemapNames(index, instant)) textOutput(feedFile(sitemapPath(name)), sitemapXml(index, name, instant)!);
  textOutput("robots.txt", robotsTxt());
  textOutput("latest.json", JSON.stringify(latestJson(index.articles)));
  textOutput("_headers", staticHeaders());
  // What GitHub Pages needs to serve the files as they are, even should it run Jekyll over them.
  textOutput(NOJEKYLL.file, NOJEKYLL.content);
  textOutput(JEKYLL_CONFIG.file, JEKYLL_CONFIG.content);
  // The old Jekyll site's URLs: a redirect page at each, and the same pairs for hosts that read `_redirects`.
  const legacy = legacyRedirects(index);
  for (const { from, to, reason } of legacy.skipped) log(`export: no redirect page at the old URL ${from} (→ ${to}): ${reason}`);
  const written = new Set(Object.keys(now));
  for (const redirect of legacy.redirects) {
    if (written.has(redirect.file)) {
      log(`export: no redirect page at the old URL ${redirect.from}: the site has a file there (${redirect.file})`);
      continue;
    }
    textOutput(redirect.file, redirectPageHtml(redirect.to, absoluteUrl(redirect.to)));
  }
  textOutput("_redirects", redirectsFile(legacy.redirects, basePath()));
  // The site's own files (public/) and the stylesheets Next.js built.
  for (const file of listFiles(publicDir)) {
    const source = path.join(publicDir, file);
    const { size, mtimeMs } = statSync(source);
    output(file, digest(buildId, String(size), String(mtimeMs)), () => readFileSync(source));
  }
  for (const href of assets.stylesheets) {
    const file = pageFile(href); // `_next/static/…css`
    output(file, digest(buildId, href), () => readFileSync(path.join(nextDistDir, file.replace(/^_next\//, ""))));
  }

  // What the site no longer has.
  let removed = 0;
  for (const file of Object.keys(before)) {
    if (file in now) continue;
    rmSync(path.join(outDir, file), { force: true });
    removeEmptyParents(outDir, path.dirname(path.join(outDir, file)));
    removed++;
  }

  const filesMs = performance.now() - filesStart;
  const searchStart = performance.now();
  // The search index keeps its own build folders (lib/search/write.ts); fresh.json then says what is newer than it (nothing, here).
  log(writeSiteSearchIndex(content, contentDir, path.join(outDir, "search-index")));
  writeFileSync(path.join(outDir, "search-index", "fresh.json"), JSON.stringify(freshArticles(contentDir, content, path.join(outDir, "search-index"))));

  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(manifestPath, JSON.stringify({ version: MANIFEST_VERSION, outDir, files: now } satisfies Manifest));
  const ms = (n: number) => Math.round(n);
  return {
    pages,
    rendered,
    filesWritten,
    removed,
    full: !previous,
    ms: ms(performance.now() - started),
    phases: { pages: ms(pagesMs), files: ms(filesMs), search: ms(performance.now() - searchStart) },
  };
}

/**
 * A post file's bytes, digested: what its page's body is made from. Not its
 * mtime: a fresh checkout (a CI job, a new clone) gives every file a new
 * one, and would render every article again.
 */
function postDigest(contentDir: string, file: string): string {
  // Read as the content engine reads it: a regular file within MAX_POST_BYTES (a file swapped since the index read it may be neither).
  const read = readPostAt(contentDir, file, maxPostBytes());
  return read.ok ? createHash("sha1").update(read.bytes).digest("base64url") : `unreadable: ${read.reason}`;
}

/** A file's URL path → its place in the export (the same as a page's, as a file is not a folder). */
const feedFile = (urlPath: string) => pageFile(urlPath);

/** The headers `npm start` sends, as a `_headers` file: Netlify, Cloudflare Pages and similar hosts apply it to every file. */
export function staticHeaders(): string {
  return `${["/*", ...securityHeaders().map((h) => `  ${h.key}: ${h.value}`)].join("\n")}\n`;
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.startsWith("."))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.split(path.sep).includes("search-index")); // the dev server's index (scripts/dev.ts), not the export's
}

function removeEmptyParents(root: string, dir: string): void {
  while (dir.startsWith(root + path.sep)) {
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty
    }
    dir = path.dirname(dir);
  }
}

interface Pool {
  size: number;
  run(batch: RenderBatch): Promise<BatchResult>;
  close(): Promise<void>;
}

/** `size` render workers; each takes one batch at a time. */
function startPool(size: number): Pool {
  const worker = path.join(__dirname, "export-worker.ts");
  const source = `require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(worker)});`;
  const idle: Worker[] = [];
  const waiting: ((w: Worker) => void)[] = [];
  // React's production build: its development build (what an unset NODE_ENV loads) checks every element and took half of each page's time.
  const env = { ...process.env, NODE_ENV: "production" };
  const all = Array.from({ length: size }, () => new Worker(source, { eval: true, env }));
  idle.push(...all);
  const take = () => new Promise<Worker>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
  const give = (w: Worker) => (waiting.length ? waiting.shift()!(w) : idle.push(w));
  return {
    size,
    async run(batch) {
      const w = await take();
      try {
        return await new Promise<BatchResult>((resolve, reject) => {
          const onError = (error: Error) => reject(error);
          w.once("error", onError);
          w.once("message", (answer: { ok: true; result: BatchResult } | { ok: false; error: string }) => {
            w.off("error", onError);
            if (answer.ok) resolve(answer.result);
            else reject(new Error(`export worker: ${answer.error}`));
          });
          w.postMessage(batch);
        });
      } finally {
        give(w);
      }
    },
    async close() {
      await Promise.all(all.map((w) => w.terminate()));
    },
  };
}

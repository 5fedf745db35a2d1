/**
 * Site settings from the environment, read in one place.
 * CONTENT_DIR: the Jekyll-layout folder to publish (default `./content`).
 * SITE_URL: the absolute base for links that leave the page (sitemap, canonical).
 */
import path from "node:path";

export function contentDir(): string {
  // Chosen at run time on purpose: the bundler must not trace (and ship) whatever folder this names.
  return path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_DIR || path.join(process.cwd(), "content"));
}

/**
 * Where the parse cache lives between processes and builds
 * (`CONTENT_CACHE_DIR`, default `.cache/content`; `off` disables it).
 */
export function contentCacheDir(): string | undefined {
  const value = process.env.CONTENT_CACHE_DIR;
  if (value === "off") return undefined;
  return path.resolve(/*turbopackIgnore: true*/ value || path.join(process.cwd(), ".cache", "content"));
}

export function siteUrl(): string {
  const raw = process.env.SITE_URL || "http://localhost:3000";
  return raw.replace(/\/+$/, "");
}

export const SITE_NAME = "财经新闻聚合";
export const SITE_DESCRIPTION = "来自数千家媒体的中文财经新闻，按来源整理，随时更新。";

/** Articles on one category page. */
export const CATEGORY_PAGE_SIZE = 30;
/** Headlines in the home page's "latest" column. */
export const HOME_LATEST_COUNT = 30;
/** Busiest sources shown on the home page, and headlines per source. */
export const HOME_SOURCE_COUNT = 12;
export const HOME_PER_SOURCE = 5;

/**
 * `STATIC_EXPORT=1` builds every page as a file (for a CDN or object store);
 * otherwise the build prerenders the newest articles and the busiest
 * categories, and `next start` renders the long tail on first request and
 * caches it (incremental static regeneration).
 */
export function isStaticExport(): boolean {
  return process.env.STATIC_EXPORT === "1" || process.env.STATIC_EXPORT === "true";
}

/** Where this build's output lives, as next.config.js chooses it: NEXT_DIST_DIR, else out/ for a static export, else .next. */
export function distDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.NEXT_DIST_DIR || (isStaticExport() ? "out" : ".next"));
}

/**
 * Where the search index is (lib/search): inside the build it was made
 * with, `<dist dir>/search-index/`, served at /search-index/ by `npm start`
 * and a file tree of a static export. `npm run dev` keeps it in
 * public/search-index/, which `next dev` serves itself.
 */
export function searchIndexDir(): string {
  return showsDrafts() ? path.join(/*turbopackIgnore: true*/ process.cwd(), "public", "search-index") : path.join(distDir(), "search-index");
}

/**
 * Drafts, unpublished and scheduled posts are shown only by `npm run dev`
 * (`next dev` sets NODE_ENV=development); builds, `npm start` and tests never
 * see them.
 */
export function showsDrafts(): boolean {
  return process.env.NODE_ENV === "development";
}

function positiveIntFromEnv(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value >= 0 ? value : fallback;
}

/** Newest articles prerendered by a server build (`PRERENDER_ARTICLES`). */
export const prerenderArticleCount = () => positiveIntFromEnv("PRERENDER_ARTICLES", 200);
/** Busiest categories whose first page a server build prerenders (`PRERENDER_CATEGORIES`). */
export const prerenderCategoryCount = () => positiveIntFromEnv("PRERENDER_CATEGORIES", 50);

/**
 * Site settings: what the environment says (lib/site/settings.cjs, the one
 * place that reads it, shared with next.config.js) and the site's constants.
 */
import path from "node:path";
import settings from "./settings.cjs";

export const {
  contentDir,
  contentCacheDir,
  siteUrl,
  isStaticExport,
  exportDir,
  distDir,
  prerenderArticleCount,
  prerenderCategoryCount,
  maxPostBytes,
  maxPostDepth,
  settingProblems,
} = settings;
export { settings };

export const SITE_NAME = "财经新闻聚合";
/** The site's logo as a raster image (public/icon-512.png, drawn from public/icon.svg): JSON-LD's publisher logo. */
export const SITE_LOGO = { path: "/icon-512.png", width: 512, height: 512 } as const;
export const SITE_DESCRIPTION = "来自数千家媒体的中文财经新闻，按来源整理，随时更新。";

/** Articles on one page of a listing (a category or a tag). */
export const LISTING_PAGE_SIZE = 30;
/** Headlines in the home page's "latest" column. */
export const HOME_LATEST_COUNT = 30;
/** Busiest sources shown on the home page, and headlines per source. */
export const HOME_SOURCE_COUNT = 12;
export const HOME_PER_SOURCE = 5;

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

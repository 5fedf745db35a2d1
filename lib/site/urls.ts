/**
 * Every URL the site links to is built here; no route or component
 * assembles a path by hand. Segments come from `Article.id` and
 * `CategoryRef.key`, which are URL-safe by construction.
 */
import { categoryKey } from "../content/categories";
import { siteUrl } from "./config";

export const homePath = () => "/";

/** The revalidate hook (POST only): app/api/revalidate/route.live.ts. */
export const REVALIDATE_PATH = "/api/revalidate";

export const articlePath = (article: { id: string }) => `/articles/${article.id}`;

/** Page 1 is the category's own URL; later pages live under `/page/<n>`. */
export function categoryPath(category: { key: string }, page = 1): string {
  return page <= 1 ? `/category/${category.key}` : `/category/${category.key}/page/${page}`;
}

/** `/page/<n>` segment → page number (2 or more), else NaN: page 1 is the listing's own URL. */
export const pageNumberFromSegment = (n: string) => (/^[1-9]\d{0,6}$/.test(n) && n !== "1" ? Number(n) : NaN);

/**
 * `{ key, n }` route params for pages 2…N of each listing (page 1 is the
 * listing's own URL), given each listing's key and article count.
 */
export function laterPageParams(listings: Iterable<[key: string, articleCount: number]>, perPage: number): { key: string; n: string }[] {
  const params: { key: string; n: string }[] = [];
  for (const [key, count] of listings) for (let n = 2; n <= Math.ceil(count / perPage); n++) params.push({ key, n: String(n) });
  return params;
}

/**
 * What a static export's `generateStaticParams` gives when a site has no
 * later pages at all: Next.js refuses an empty list with `output: export`
 * (vercel/next.js#61213), so one page that renders as not found is
 * exported under this key, and the build removes it (scripts/build.ts).
 * `-` is never a listing's key: keys are slugs or hashes.
 */
export const NO_LATER_PAGES = { key: "-", n: "0" } as const;

/** `laterPageParams` for a static export, which must list at least one page. */
export function exportedLaterPageParams(listings: Iterable<[key: string, articleCount: number]>, perPage: number): { key: string; n: string }[] {
  const params = laterPageParams(listings, perPage);
  return params.length > 0 ? params : [{ ...NO_LATER_PAGES }];
}

/** Every source (category) with its article count. */
export const sourcesPath = () => "/sources";

/** A tag's articles; the key is made like a category's (clean, or readable part + hash). */
export function tagPath(tag: string, page = 1): string {
  const key = categoryKey(tag);
  return page <= 1 ? `/tags/${key}` : `/tags/${key}/page/${page}`;
}

/** The dev preview's list of drafts, unpublished and scheduled posts (no such page in production). */
export const draftsPath = () => "/drafts";

/** The search page; its query, sort and filters live in the URL (`/search?q=央行`), so results can be linked. */
export const searchPath = () => "/search";

/** Absolute URL on the configured site, for sitemaps and canonical links. */
export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path}`;
}

/**
 * Every URL the site links to is built here; no route or component
 * assembles a path by hand. Segments come from `Article.id` and
 * `CategoryRef.key`, which are URL-safe by construction.
 */
import { urlKey } from "../content/categories";
import { basePath } from "./base-path.cjs";
import { siteUrl } from "./config";

/** Every path below starts with BASE_PATH (lib/site/base-path.cjs): "" unless the site lives in a folder of its host. */
const base = basePath();

/** A path of the site's own (`/feed.xml`) under BASE_PATH. */
export const sitePath = (path: string) => `${base}${path}`;

export const homePath = () => sitePath("/");

/** The revalidate hook (POST only): app/api/revalidate/route.live.ts. */
export const REVALIDATE_PATH = sitePath("/api/revalidate");
/** Where Next.js has that route: every route ends in `/` (`trailingSlash`); `npm start` maps the one to the other. */
export const REVALIDATE_ROUTE = `${REVALIDATE_PATH}/`;

/**
 * Pages end in `/` (Next.js's `trailingSlash`): each is a folder's
 * `index.html` in a static export, so a listing's later pages and feeds can
 * live inside its folder with no folder beside an `.html` file (which static
 * hosts answer with a redirect or a 403). Files (feeds, sitemaps, JSON) keep
 * their names. `npm start` redirects the slash-less spelling (308).
 */
export const articlePath = (article: { id: string }) => sitePath(`/articles/${article.id}/`);

/** An article's share card (lib/share/card.ts), beside its page. */
export const articleCardPath = (article: { id: string }) => `${articlePath(article)}card.png`;

/** The site's own share card, committed in public/ (`npm run share-card` draws it again). */
export const siteCardPath = () => sitePath("/share-card.png");

/** Page 1 is the category's own URL; later pages live under `/page/<n>/`. */
export function categoryPath(category: { key: string }, page = 1): string {
  return listingPagePath(sitePath(`/category/${category.key}/`), page);
}

/** Page `page` of the listing whose page 1 is `firstPage` (a source's or a tag's). */
export function listingPagePath(firstPage: string, page: number): string {
  return page <= 1 ? firstPage : `${firstPage}page/${page}/`;
}

/** `/page/<n>` segment → page number (2 or more), else NaN: page 1 is the listing's own URL. */
export const pageNumberFromSegment = (n: string) => (/^[1-9]\d{0,6}$/.test(n) && n !== "1" ? Number(n) : NaN);

/** Every source (category) with its article count. */
export const sourcesPath = () => sitePath("/sources/");

/** A tag's articles; the key is made like a category's (clean, or readable part + hash). */
export function tagPath(tag: string, page = 1): string {
  const key = urlKey(tag);
  return listingPagePath(sitePath(`/tags/${key}/`), page);
}

/** The dev preview's list of drafts, unpublished and scheduled posts (no such page in production). */
export const draftsPath = () => sitePath("/drafts/");

/** The search page; its query, sort and filters live in the URL (`/search/?q=央行`), so results can be linked. */
export function searchPath(params?: URLSearchParams): string {
  const query = params?.toString();
  return sitePath(`/search/${query ? `?${query}` : ""}`);
}

/** Absolute URL on the configured site, for sitemaps and canonical links. */
export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path}`;
}

/** The site's own browser scripts (browser/*.ts, bundled by scripts/bundle-browser.ts). */
export const browserScriptPath = (name: "reader" | "search") => sitePath(`/js/${name}.js`);

/** A URL path segment, decoded once and leniently: segments arrive percent-encoded or not, depending on the server, and a stray `%` stays as it is. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * Whether a path names a page the index has, for the pages whose URL holds
 * a key from the content: articles, sources and tags (their later pages and
 * feeds too), article sitemaps, and the old site's URLs. The inverse of
 * `urls.ts`, kept beside it.
 *
 * Why: crawlers and scanners ask for URLs that never existed all day. Each
 * such request would cost Next.js a full render of the not-found page (a
 * stranger's 245 requests/s took the readers' pages from 8,000 to 73 a
 * second). `npm start` answers a path this says is missing with the site's
 * prerendered 404 at once. Asked per request, against the current index:
 * a post that arrives later is found the moment it is indexed.
 *
 * `false`: no such page. `undefined`: not one of these kinds of path
 * (Next.js decides: static files, the home page, search, redirects).
 */
import type { ContentIndex } from "../content/content-index";
import { LISTING_PAGE_SIZE } from "./config";
import { legacyCategoryPath, legacyPostPath } from "./legacy-urls";
import { sitemapNames } from "./sitemaps";
import { pageNumberFromSegment } from "./urls";
import { headlineCardIds } from "../share/share-image";

type Index = Pick<ContentIndex, "byId" | "byCategory" | "tagsByKey" | "articles">;

const FEED_FILES = new Set(["feed.xml", "rss.xml", "feed.json"]);

/** A listing of `count` articles has page `n` (a `/page/<n>` segment: 2 or more). */
function hasLaterPage(count: number | undefined, segment: string): boolean {
  const n = pageNumberFromSegment(segment);
  return count !== undefined && Number.isInteger(n) && n <= Math.ceil(count / LISTING_PAGE_SIZE);
}

/**
 * `path` is the request's path, still percent-encoded, without the query.
 * `topLevel` names what may stand alone at the root besides old category
 * folders: the site's own routes and public files (`search`, `sources`,
 * `feed.xml`, `js`, …).
 */
export function pageExists(path: string, index: Index, topLevel: ReadonlySet<string>): boolean | undefined {
  let parts: string[];
  try {
    parts = path.split("/").slice(1).map(decodeURIComponent);
  } catch {
    return undefined; // the request guard answers malformed escapes
  }
  if (parts.length === 0) return undefined;
  // Pages end in `/` (urls.ts); files (feeds, sitemaps) do not.
  const slash = parts.at(-1) === "";
  if (slash) parts.pop();
  if (parts.length === 0) return undefined; // the home page
  const found = contentPath(parts, index, topLevel);
  if (found.kind === "page") {
    // The slash-less spelling of a page that exists is Next.js's to redirect (308); of one that does not, a 404 at once.
    if (!found.exists) return false;
    return slash ? true : undefined;
  }
  if (found.kind === "file") return slash ? false : found.exists;
  return found.exists === false ? false : undefined;
}

type Found = { kind: "page" | "file"; exists: boolean } | { kind: "other"; exists?: false };

function contentPath(parts: string[], index: Index, topLevel: ReadonlySet<string>): Found {
  const page = (exists: boolean): Found => ({ kind: "page", exists });
  const file = (exists: boolean): Found => ({ kind: "file", exists });
  const [first, key, third, fourth] = parts;
  switch (first) {
    case "articles":
      // `/articles/<id>/card.png`: a share card, for the few articles that have one.
      if (parts.length === 3 && third === "card.png") return file(headlineCardIds(index.articles).has(key));
      return page(parts.length === 2 && index.byId.has(key));
    case "category": {
      const entry = index.byCategory.get(key);
      if (parts.length === 2) {
        // The old site's `/category/<slug>.html` redirects (a file-like path: no slash).
        if (!entry && /\.html?$/i.test(key)) return legacyCategoryPath(index, key) ? { kind: "other" } : file(false);
        return page(entry !== undefined);
      }
      if (parts.length === 3) return file(entry !== undefined && FEED_FILES.has(third));
      return page(parts.length === 4 && third === "page" && hasLaterPage(entry?.articles.length, fourth));
    }
    case "tags": {
      const entry = index.tagsByKey.get(key);
      if (parts.length === 2) return page(entry !== undefined);
      return page(parts.length === 4 && third === "page" && hasLaterPage(entry?.articles.length, fourth));
    }
    case "sitemaps":
      return file(parts.length === 2 && sitemapNames(index).includes(key));
  }
  if (topLevel.has(first)) return { kind: "other" };
  // The old site: `/<category>/` folders (a single segment) and `/<category>/<yyyy>/<mm>/<dd>/<slug>.html` posts.
  if (parts.length === 1) return legacyCategoryPath(index, first) ? { kind: "other" } : { kind: "other", exists: false };
  if (parts.length === 5) return legacyPostPath(index, { year: parts[1], month: parts[2], day: parts[3], file: parts[4] }) ? { kind: "other" } : { kind: "other", exists: false };
  return { kind: "other", exists: false };
}

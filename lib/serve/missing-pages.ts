/**
 * `npm start`'s shortcut for URLs that name no page (lib/site/page-exists.ts
 * says which): the pipeline answers them with the site's 404 page without
 * asking Next.js to render one.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import type { ContentIndex } from "../content/content-index";
import { basePath } from "../site/base-path.cjs";
import { legacyPath } from "../site/legacy-urls";
import { categoryPath, tagPath } from "../site/urls";
import { pageExists } from "../site/page-exists";

/** Names at the root of the site that are routes or files of its own: the build's app routes and public/. */
export function topLevelNames(distDir: string, publicDir: string): Set<string> {
  const names = new Set(["_next", "search-index", "api"]);
  const add = (dir: string) => {
    try {
      for (const name of readdirSync(dir)) names.add(name.replace(/\.(?:html|meta|rsc|segments|body)$/, ""));
    } catch {
      // No such folder in this build.
    }
  };
  add(path.join(distDir, "server", "app"));
  add(publicDir);
  return names;
}

/** True when `urlPath` (percent-encoded, no query) certainly names no page of the current index. */
export function missingPages(index: () => Pick<ContentIndex, "byId" | "byCategory" | "tagsByKey" | "articles">, topLevel: ReadonlySet<string>): (urlPath: string) => boolean {
  const base = basePath();
  return (urlPath) => {
    if (!base) return pageExists(urlPath, index(), topLevel) === false;
    // Under BASE_PATH the site is that folder: outside it there is nothing (the folder itself Next.js redirects to its slash).
    if (urlPath === base) return false;
    if (!urlPath.startsWith(`${base}/`)) return true;
    return pageExists(urlPath.slice(base.length), index(), topLevel) === false;
  };
}

/** The new site's own first segments: an old URL never starts with one (but the old `/category/<slug>.html` pages). */
const NEW_SITE_ROOTS = new Set(["articles", "category", "tags", "sitemaps", "api"]);

/**
 * Where an old Jekyll URL (`/wind/2023/01/05/x.html`, `/a/b/2021/…`,
 * `/category/Wind.html`, `/wind/`) or a listing's `/page/1/` now lives,
 * for a 308 straight there;
 * undefined for anything else. Names of the site's own (`topLevel`, the new
 * site's folders) are never taken for an old category folder, even when a
 * category has that slug.
 */
export function movedPages(index: () => Parameters<typeof legacyPath>[0] & Pick<ContentIndex, "byCategory" | "tagsByKey">, topLevel: ReadonlySet<string>): (urlPath: string) => string | undefined {
  const base = basePath();
  return (urlPath) => {
    if (base && !urlPath.startsWith(`${base}/`)) return undefined;
    const local = urlPath.slice(base.length);
    const first = local.split("/")[1] ?? "";
    // Page 1 of a listing is the listing's own URL: `/category/x/page/1/` (or without its slash) goes there.
    const firstPage = /^\/(category|tags)\/([^/]+)\/page\/1\/?$/.exec(local);
    if (firstPage) {
      const [, kind, key] = firstPage;
      const found = kind === "category" ? index().byCategory.get(key)?.category : index().tagsByKey.get(key);
      if (found) return kind === "category" ? categoryPath(found as { key: string }) : tagPath((found as { tag: string }).tag);
      return undefined;
    }
    // The old site's category pages live among the new site's (`/category/Wind.html` beside `/category/wind/`).
    if (/^\/category\/[^/]+\.html?$/i.test(local)) return legacyPath(index(), local);
    if (!first || topLevel.has(first) || NEW_SITE_ROOTS.has(first)) return undefined;
    return legacyPath(index(), local);
  };
}

import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { OTHER_SITE_PORT, STATIC_SITE_TREE } from "../playwright.config";

/**
 * The static exporter and `npm start` are two renderers of one site: the
 * export of the fixture site (e2e/static-copy.ts) and a server on the same
 * fixture folder and SITE_URL (the other-content-folder server) must give
 * the same bytes for every page, feed and sitemap the export holds. The
 * server's copy is changed by later specs (live-content), so this one runs
 * first (files run in name order) and in one project.
 */
const out = path.join(STATIC_SITE_TREE, "out");
const server = `http://localhost:${OTHER_SITE_PORT}`;

/** The static copy's search page says, to a reader without JavaScript, that its search needs it. */
const STATIC_SEARCH_NOTE = '<noscript><p class="mt-2 text-sm">此静态站点的搜索需要启用 JavaScript。</p></noscript>';

/** out/ file → the URL `npm start` serves it at. */
function urlPathOf(file: string): string | undefined {
  if (file === "404.html") return undefined;
  if (file.endsWith("/index.html") || file === "index.html") return `/${file.slice(0, -"index.html".length)}`;
  if (/\.(xml|json)$/.test(file) && !file.startsWith("search-index/") && file !== "latest.json") return `/${file}`;
  if (file === "robots.txt") return "/robots.txt";
  if (/^articles\/[^/]+\/card\.png$/.test(file)) return `/${file}`; // an article's share card
  if (file.endsWith(".html")) return `/${file}`; // an old site's URL (`/wind/2023/01/05/x.html`, `/category/Wind.html`)
  return undefined;
}

test("every exported page, feed and sitemap is byte for byte what npm start serves", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one export, one comparison");
  test.setTimeout(120_000);
  const files = readdirSync(out, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
  const compared: string[] = [];
  const redirects: string[] = [];
  for (const file of files) {
    const urlPath = urlPathOf(file);
    if (!urlPath || file === "sitemaps/news.xml") continue; // the news sitemap holds the last 48 hours as of each one's moment
    const response = await request.get(`${server}${encodeURI(urlPath)}`, { maxRedirects: 0 });
    if (file.endsWith(".png")) {
      expect(response.status(), urlPath).toBe(200);
      expect((await response.body()).equals(readFileSync(path.join(out, file))), `${urlPath}: same PNG bytes`).toBe(true);
      compared.push(urlPath);
      continue;
    }
    const exported = readFileSync(path.join(out, file), "utf8");
    const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(exported);
    if (refresh) {
      // An old site's URL: the export's redirect page is the server's 308, to the same place.
      expect(response.status(), urlPath).toBe(308);
      expect(response.headers()["location"], urlPath).toBe(refresh[1].replaceAll("&amp;", "&"));
      redirects.push(urlPath);
      continue;
    }
    expect(response.status(), urlPath).toBe(200);
    const served = await response.text();
    if (urlPath === "/search/") {
      // The one page that differs: the export's search needs JavaScript and says so; npm start answers
      // `?q=` itself, so its page makes no such claim. Nothing else may differ.
      expect(exported.split(STATIC_SEARCH_NOTE)).toHaveLength(2);
      expect(served, urlPath).not.toContain("需要启用 JavaScript");
      expect(served, urlPath).toBe(exported.replace(STATIC_SEARCH_NOTE, ""));
    } else {
      expect(served, urlPath).toBe(exported);
    }
    compared.push(urlPath);
  }
  // Home, sources, search, articles, listings and their later pages, tags, feeds, sitemaps: all of them compared.
  for (const kind of [/^\/$/, /^\/sources\/$/, /^\/search\/$/, /^\/articles\/.+\/$/, /^\/category\/.+\/$/, /^\/tags\/.+\/$/, /\/feed\.xml$/, /\/rss\.xml$/, /\/feed\.json$/, /^\/sitemaps\//, /^\/articles\/.+\/card\.png$/]) {
    expect(compared.some((p) => kind.test(p)), String(kind)).toBe(true);
  }
  expect(redirects.length).toBeGreaterThan(0);
  // And the 404 page is the one the server answers for a page that does not exist.
  const missing = await request.get(`${server}/articles/no-such-article/`);
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toBe(readFileSync(path.join(out, "404.html"), "utf8"));
});

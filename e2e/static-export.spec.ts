import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { STATIC_SITE_PORT, STATIC_SITE_TREE } from "../playwright.config";

/**
 * A static export holds only what a browser asks for: no React payloads or
 * segment folders beside the pages (nginx answers such a folder with 403,
 * GitHub Pages redirects `X` to `X/`), no client runtime, and `.nojekyll`
 * so GitHub Pages serves the files as they are. Its pages still load their
 * stylesheet.
 */
const out = path.join(STATIC_SITE_TREE, "out");
const base = `http://localhost:${STATIC_SITE_PORT}`;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"));
}

test("the export holds pages, styles, feeds and the search index, and nothing no page loads", async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one export, one run");
  const files = filesUnder(out);
  const set = new Set(files);
  expect(set.has(".nojekyll")).toBe(true);
  expect(files.filter((f) => path.basename(f).startsWith("__next."))).toEqual([]);
  expect(files.filter((f) => f.endsWith(".txt") && set.has(`${f.slice(0, -4)}.html`))).toEqual([]);
  expect(files.filter((f) => f.startsWith("_next/static/") && f.endsWith(".js"))).toEqual([]);
  expect(files.some((f) => f.startsWith("_next/static/") && f.endsWith(".css"))).toBe(true);
  // Every page is a folder's index.html: no folder beside an .html file anywhere (hosts redirect or refuse such a name).
  const articles = files.filter((f) => /^articles\/[^/]+\/index\.html$/.test(f));
  expect(articles.length).toBeGreaterThan(5);
  // (An old URL's redirect page may: `/category/x.html` beside the new `category/x/`, each reached by its own name.)
  const isRedirect = (f: string) => readFileSync(path.join(out, f), "utf8").includes('http-equiv="refresh"');
  const htmlBesideFolder = files.filter((f) => f.endsWith(".html") && existsSync(path.join(out, f.slice(0, -5))) && !isRedirect(f));
  expect(htmlBesideFolder).toEqual([]);
  expect(files.filter((f) => f.endsWith(".txt"))).toEqual(["robots.txt"]);
  for (const file of ["404.html", "_headers", "feed.xml", "sitemap.xml", "latest.json", "search-index/manifest.json"]) expect(set.has(file), file).toBe(true);
});

test("a reader walks the static copy with its stylesheet: home, a source, an article", async ({ page }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one export, one run");
  // The URL changes when navigation commits, before the stylesheet has loaded: wait for the load event, which a stylesheet in <head> holds back.
  const styled = async () => {
    await page.waitForLoadState("load");
    return page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.cssRules.length > 10));
  };
  await page.goto(`${base}/`);
  expect(await styled()).toBe(true);
  await page.locator("main a[href^='/category/']").first().click();
  await expect(page).toHaveURL(/\/category\//);
  expect(await styled()).toBe(true);
  await page.locator("main a[href^='/articles/']").first().click();
  await expect(page).toHaveURL(/\/articles\//);
  expect(await styled()).toBe(true);
  await expect(page.locator("article h1")).toBeVisible();
});

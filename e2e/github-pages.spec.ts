import { expect, type Page, test } from "@playwright/test";
import { GITHUB_PAGES_BASE_PATH, GITHUB_PAGES_BASE_PORT, GITHUB_PAGES_PORT } from "../playwright.config";
import { EVENING_POST, type GithubPagesStatus, readGithubPagesStatus } from "./github-pages";

/**
 * The export as GitHub Pages serves it (issue 13): built, put through
 * Debian's jekyll as a branch deploy would, served as plain files
 * (e2e/github-pages.ts, e2e/support/pages-host.ts), at the host's root and
 * under a project site's base path. A reader walks home → a source → its
 * page 2 → an article → search, with the stylesheet applied; old Jekyll
 * links arrive at the new pages.
 */
const sites = [
  { name: "at the root", port: GITHUB_PAGES_PORT, base: "" },
  { name: `under ${GITHUB_PAGES_BASE_PATH}`, port: GITHUB_PAGES_BASE_PORT, base: GITHUB_PAGES_BASE_PATH },
];

/** The site's stylesheet is applied, not just linked: a value only app/globals.css sets. */
async function expectStyled(page: Page) {
  const font = await page.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(font).toContain("PingFang SC");
}

/** A base-path site's export must carry the base path in its links. */
function expectBasePathHonoured(status: GithubPagesStatus) {
  expect(status.basePathHonoured, status.basePathProblem).toBe(true);
}

for (const site of sites) {
  test.describe(`GitHub Pages ${site.name}`, () => {
    const origin = `http://localhost:${site.port}`;
    const home = `${origin}${site.base}/`;
    let status: GithubPagesStatus;
    test.beforeAll(() => {
      status = readGithubPagesStatus(site.port);
    });

    test("the export carries what a static host needs: .nojekyll, _config.yml, the redirect pages and _redirects", async ({}, testInfo) => {
      test.skip(testInfo.project.name !== "desktop", "one export, one run");
      expectBasePathHonoured(status);
      expect(status.addedBySetup, "missing from the export").toEqual([]);
      expect(status.collisions, "not a redirect page").toEqual([]);
    });

    test("a Jekyll pass over the export changes no file, and no redirect page lands on a page of the export", async ({}, testInfo) => {
      test.skip(testInfo.project.name !== "desktop", "one export, one run");
      expect(status.jekyllPass).toEqual({ missing: [], extra: [], changed: [] });
      expect(status.collisions).toEqual([]);
    });

    test("a reader walks home → a source → its page 2 → an article → search, styled throughout", async ({ page }) => {
      expectBasePathHonoured(status);
      await page.goto(home);
      await expectStyled(page);
      // The busiest source (53 bundled posts): two pages.
      await page.getByRole("main").getByRole("link", { name: /东财滚动新闻/ }).first().click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("东财滚动新闻");
      await expect(page).toHaveURL((url) => url.pathname.startsWith(`${site.base}/category/`));
      await expectStyled(page);
      await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
      await expect(page).toHaveURL((url) => /\/page\/2\/?$/.test(url.pathname));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("东财滚动新闻");
      await expectStyled(page);
      const article = page.getByRole("list", { name: "东财滚动新闻文章列表" }).getByRole("link").first();
      const title = (await article.textContent())!.trim();
      await article.click();
      await expect(page).toHaveURL((url) => url.pathname.startsWith(`${site.base}/articles/`));
      await expect(page.locator("article h1")).toHaveText(title);
      await expectStyled(page);
      await page.getByRole("search").getByRole("searchbox", { name: "搜索新闻" }).fill("融资余额");
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL((url) => url.pathname.replace(/\/$/, "") === `${site.base}/search`);
      await expect(page.getByRole("status")).toHaveText("找到 1 篇与“融资余额”相关的文章。");
      await expectStyled(page);
      await page.getByRole("list", { name: "搜索结果" }).getByRole("link").click();
      await expect(page.locator("article h1")).toHaveText("央行开展1000亿元逆回购操作 两市融资余额较上一交易日增加35亿元");
    });

    test("every URL the old Jekyll site gave a post leads to its article", async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== "desktop", "the same files for every viewport");
      expectBasePathHonoured(status);
      test.setTimeout(240_000);
      const published = status.oldPosts.filter((old) => old.title !== undefined);
      expect(published.length).toBeGreaterThan(55);
      // What real Jekyll did with a zone-less evening date and a category with spaces: the next day, two folders.
      expect(published.find((old) => old.file === EVENING_POST.file)?.url).toBe(EVENING_POST.oldUrl);
      expect(published.find((old) => old.file === "_posts/2023-01-06-202301060001.md")?.url).toBe("/21shijijingjibaodao%2021caijingapp/ignored-second/2023/01/06/202301060001.html");
      for (const old of published) {
        const response = await page.goto(`${origin}${site.base}${old.url}`);
        if (old.file === "_posts/2023-01-07-traversal.md") {
          // Its category tried to leave the folder (`../../x/\u0007etc`); Jekyll's URL keeps the BEL
          // (/x/%07etc/…), a name no redirect page is written under.
          expect(response?.status(), old.url).toBe(404);
          continue;
        }
        await page.waitForURL((url) => url.pathname.startsWith(`${site.base}/articles/`));
        await expect(page.locator("article h1"), `${old.file}: ${old.url}`).toHaveText(old.title!);
      }
    });

    test("old category pages and folders lead to the source, spaces, parentheses and capitals included", async ({ page }, testInfo) => {
      test.skip(testInfo.project.name !== "desktop", "the same files for every viewport");
      expectBasePathHonoured(status);
      // The old site's own category page (category/Wind.html in the fixture), as Jekyll gave its URL.
      expect(status.oldPages.map((p) => p.url)).toContain("/category/Wind.html");
      const cases: [oldUrl: string, heading: string][] = [
        ["/category/Wind.html", "Wind资讯新闻"],
        ["/category/21shijijingjibaodao%2021caijingAPP.html", "21世纪经济报道新闻"],
        ["/category/anxinguojizhengquan(xianggang).html", "安信国际证券(香港)新闻"],
        ["/wind/", "Wind资讯新闻"],
        ["/wind", "Wind资讯新闻"],
        ["/anxinguojizhengquan(xianggang)/", "安信国际证券(香港)新闻"],
        ["/emnews/", "东财滚动新闻"],
      ];
      for (const [oldUrl, heading] of cases) {
        await page.goto(`${origin}${site.base}${oldUrl}`);
        await page.waitForURL((url) => url.pathname.startsWith(`${site.base}/category/`));
        await expect(page.getByRole("heading", { level: 1 }), oldUrl).toHaveText(heading);
        await expectStyled(page);
      }
    });

    test("an unknown URL gets the site's 404 page", async ({ page }) => {
      expectBasePathHonoured(status);
      const response = await page.goto(`${origin}${site.base}/no/such/page`);
      expect(response?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("页面不存在");
    });
  });
}

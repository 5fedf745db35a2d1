import { expect, type Page, test } from "@playwright/test";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { OTHER_SITE_DIR, OTHER_SITE_DIST, OTHER_SITE_PORT, STATIC_SITE_PORT } from "../playwright.config";

/**
 * Search as a reader uses it: the masthead's box, results as you type on
 * /search, the URL as the state, filters and sort, and the links. The
 * bundled content (55 real posts) is the corpus; the fixture site adds
 * 央行/融资余额/00388.HK and the posts that must never be found (a draft,
 * an unpublished and a scheduled post).
 */
const results = (page: Page) => page.getByRole("list", { name: "搜索结果" });
const status = (page: Page) => page.getByRole("status");
const box = (page: Page) => page.getByRole("searchbox", { name: "搜索新闻" });

test("the masthead's box searches from any page; the result opens the article", async ({ page }) => {
  await page.goto("/articles/2021-12-08-202112082206735975/");
  await page.getByRole("search").getByRole("searchbox", { name: "搜索新闻" }).fill("新能源汽车");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/search\/\?q=%E6%96%B0%E8%83%BD%E6%BA%90%E6%B1%BD%E8%BD%A6$/);
  await expect(box(page)).toHaveValue("新能源汽车");
  await expect(status(page)).toHaveText("找到 1 篇与“新能源汽车”相关的文章。");
  const hit = results(page).getByRole("listitem");
  await expect(hit).toHaveCount(1);
  // Headline, source, time and a snippet with the words marked.
  await expect(hit.getByRole("link")).toHaveText(/霍尼韦尔宣布为蔚来旗下ET7新能源汽车提供HFO-1234yf/);
  await expect(hit.locator("mark").first()).toHaveText("新能源汽车");
  await expect(hit).toContainText("东财滚动新闻");
  await expect(hit.locator("time")).toHaveAttribute("datetime", "2022-05-26T00:00:00+08:00");
  await hit.getByRole("link").click();
  await expect(page).toHaveURL(/\/articles\/-202205262391921712\/$/);
  await expect(page.locator("article h1")).toContainText("ET7");
});

test("results appear as you type, for Han words, mixed codes and Latin words", async ({ page }) => {
  await page.goto("/search/");
  await expect(box(page)).toBeFocused();
  const expectations: [query: string, count: number, titlePart: RegExp][] = [
    ["北向资金", 2, /北向资金净流入/],
    ["HFO-1234yf", 1, /HFO-1234yf/],
    ["ET7", 1, /ET7/],
    ["Mobileye", 1, /Mobileye/],
    ["特斯拉", 3, /特斯拉|苹果|汽车零部件/],
  ];
  for (const [query, count, titlePart] of expectations) {
    await box(page).fill("");
    await box(page).pressSequentially(query, { delay: 20 });
    await expect(status(page)).toHaveText(`找到 ${count} 篇与“${query}”相关的文章。`);
    await expect(results(page).getByRole("listitem")).toHaveCount(count);
    await expect(results(page).getByRole("link").first()).toHaveText(titlePart);
    // Typing keeps one history entry and the URL in step, so the result list can be linked.
    await expect(page).toHaveURL(`/search/?q=${encodeURIComponent(query)}`);
  }
});

test("a query with no results says so; a single Han character asks for more", async ({ page }) => {
  await page.goto("/search/?q=不存在的词语组合");
  await expect(status(page)).toHaveText("没有找到与“不存在的词语组合”相关的文章。");
  await expect(results(page).getByRole("listitem")).toHaveCount(0);
  await box(page).fill("股");
  await expect(status(page)).toHaveText("请至少输入两个汉字。");
});

test("newest first or most relevant, filtered by source and dates; the back button returns to the previous results", async ({ page }) => {
  await page.goto("/search/?q=美国");
  const titles = () => results(page).getByRole("heading").allInnerTexts();
  await expect(status(page)).toContainText("篇与“美国”相关的文章");
  const byRelevance = await titles();
  expect(byRelevance.length).toBeGreaterThan(1);

  await page.getByRole("radio", { name: "最新" }).check();
  await expect(page).toHaveURL(/[?&]sort=newest/);
  await expect(status(page)).toContainText("按时间排序");
  const times = await results(page).locator("time").evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute("datetime")!)));
  expect(times).toEqual([...times].sort((a, b) => b - a));

  // Only one source's articles, and only one day's.
  await page.getByLabel("来源").selectOption({ label: "东财滚动新闻" });
  await expect(page).toHaveURL(/[?&]source=emnews/);
  await expect(results(page).getByRole("listitem").first()).toContainText("东财滚动新闻");
  await page.getByLabel("起始日期").fill("2022-05-26");
  await page.getByLabel("截止日期").fill("2022-05-26");
  await page.getByLabel("截止日期").dispatchEvent("change");
  await expect(page).toHaveURL(/from=2022-05-26&to=2022-05-26/);
  await expect(status(page)).toHaveText("没有找到与“美国”相关的文章。");

  await page.goBack();
  await page.goBack();
  await expect(page).not.toHaveURL(/from=/);
  await expect(results(page).getByRole("listitem").first()).toBeVisible();
});

test("`/` focuses the search box from anywhere on the page", async ({ page }) => {
  await page.goto("/category/emnews/");
  await page.keyboard.press("/");
  await expect(page.getByRole("search").getByRole("searchbox", { name: "搜索新闻" })).toBeFocused();
  await page.keyboard.type("北向");
  await expect(page.getByRole("search").getByRole("searchbox")).toHaveValue("北向");
});

test("the search page fits a 360 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto("/search/?q=北向资金");
  await expect(results(page).getByRole("listitem")).toHaveCount(2);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
});

test.describe("another content folder", () => {
  const base = `http://localhost:${OTHER_SITE_PORT}`;

  test("finds 央行, 融资余额 and 00388.HK, and never a draft, an unpublished or a scheduled post", async ({ page }) => {
    // 央行 is in two posts (the path-traversal one's headline has it too); the other two words only in one.
    const expected: [query: string, titles: string[]][] = [
      ["央行", ["央行开展1000亿元逆回购操作 两市融资余额较上一交易日增加35亿元", "路径穿越分类测试：央行开展逆回购操作"]],
      ["融资余额", ["央行开展1000亿元逆回购操作 两市融资余额较上一交易日增加35亿元"]],
      ["00388.HK", ["央行开展1000亿元逆回购操作 两市融资余额较上一交易日增加35亿元"]],
    ];
    for (const [query, titles] of expected) {
      await page.goto(`${base}/search/?q=${encodeURIComponent(query)}`);
      await expect(status(page)).toHaveText(`找到 ${titles.length} 篇与“${query}”相关的文章。`);
      expect((await results(page).getByRole("link").allInnerTexts()).sort()).toEqual([...titles].sort());
      // The words are marked, and nothing else is.
      const marks = await results(page).locator("mark").allInnerTexts();
      expect(marks.length).toBeGreaterThanOrEqual(titles.length);
      for (const mark of marks) expect(mark).toBe(query);
    }
    for (const words of ["紫色长颈鹿", "蓝色企鹅", "绿色海豚"]) {
      await page.goto(`${base}/search/?q=${encodeURIComponent(words)}`);
      await expect(status(page)).toHaveText(`没有找到与“${words}”相关的文章。`);
    }
    // Not in any file of the index either.
    const indexDir = path.join(OTHER_SITE_DIST, "search-index");
    const files = readdirSync(indexDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(path.join(file.parentPath, file.name), "utf8");
      for (const words of ["紫色长颈鹿", "蓝色企鹅", "绿色海豚", "草稿：新能源汽车明年展望"]) expect(text, file.name).not.toContain(words);
    }
  });
});

test.describe("a running server", () => {
  const base = `http://localhost:${OTHER_SITE_PORT}`;

  test("finds a post that arrived after the build, and forgets one that was deleted", async ({ page, request }) => {
    const file = path.join(OTHER_SITE_DIR, "_posts", "2025-07-01-search-fresh.md");
    const fresh = async () => JSON.stringify(await (await request.get(`${base}/search-index/fresh.json`)).json());
    // The page cache may answer the browser's own request from up to a second ago: the page is asked until it says `answer`.
    const searchUntil = (answer: string) =>
      expect
        .poll(
          async () => {
            await page.goto(`${base}/search/?q=${encodeURIComponent("橙色火烈鸟")}`);
            await expect(status(page)).not.toHaveText(/^输入关键词/);
            return status(page).textContent();
          },
          { timeout: 10_000 },
        )
        .toBe(answer);
    try {
      writeFileSync(file, `---\ntitle: "新到：橙色火烈鸟报告"\ndate: 2025-07-01 10:00:00 +0800\ncategories: Wind\ntags: Wind资讯新闻\n---\n\n刚刚发布的独有词橙色火烈鸟。\n`);
      await expect.poll(fresh, { timeout: 10_000 }).toContain("橙色火烈鸟");
      await searchUntil("找到 1 篇与“橙色火烈鸟”相关的文章。");
      await expect(results(page).getByRole("link")).toHaveText("新到：橙色火烈鸟报告");
    } finally {
      rmSync(file, { force: true });
    }
    await expect.poll(fresh, { timeout: 10_000 }).not.toContain("橙色火烈鸟");
    await searchUntil("没有找到与“橙色火烈鸟”相关的文章。");
  });
});

test.describe("a static copy (files only, no server)", () => {
  const base = `http://localhost:${STATIC_SITE_PORT}`;

  test("search runs from the exported files, and its results open the exported articles", async ({ page }) => {
    await page.goto(`${base}/`);
    await page.getByRole("search").getByRole("searchbox", { name: "搜索新闻" }).fill("融资余额");
    await page.keyboard.press("Enter");
    await expect(status(page)).toHaveText("找到 1 篇与“融资余额”相关的文章。");
    await expect(results(page).locator("mark").first()).toHaveText("融资余额");
    await results(page).getByRole("link").click();
    await expect(page).toHaveURL(`${base}/articles/2023-01-09-202301090001/`);
    await expect(page.locator("article h1")).toHaveText("央行开展1000亿元逆回购操作 两市融资余额较上一交易日增加35亿元");
    // The static copy's pages carry no React runtime either.
    expect(await page.content()).not.toContain("__next_f");
  });
});

test.describe("without JavaScript (npm start answers the form itself)", () => {
  test.use({ javaScriptEnabled: false });

  test("the form finds results with the query in the box, then narrows them to one source", async ({ page }) => {
    await page.goto("/search/");
    await expect(page.getByText("需要启用 JavaScript")).toHaveCount(0);
    await box(page).fill("发展");
    await box(page).press("Enter");
    await expect(page).toHaveURL(/\/search\/\?q=%E5%8F%91%E5%B1%95/);
    await expect(box(page)).toHaveValue("发展");
    await expect(status(page)).toHaveText("找到 7 篇与“发展”相关的文章。");
    await expect(results(page).getByRole("listitem")).toHaveCount(7);
    await expect(results(page).locator("mark").first()).toHaveText("发展");
    // Every source is listed, none chosen yet.
    await expect(page.getByLabel("来源").locator("option")).toHaveText(["全部来源", "东财滚动新闻", "站长消息", "中国发展网新闻"]);

    await page.getByLabel("来源").selectOption({ label: "中国发展网新闻" });
    await page.getByRole("radio", { name: "最新" }).check();
    await box(page).press("Enter");
    await expect(page).toHaveURL(/[?&]source=zhongguofazhanwang/);
    await expect(box(page)).toHaveValue("发展");
    await expect(page.getByLabel("来源")).toHaveValue("zhongguofazhanwang");
    await expect(page.getByRole("radio", { name: "最新" })).toBeChecked();
    await expect(status(page)).toHaveText("找到 1 篇与“发展”相关的文章，按时间排序。");
    await expect(results(page).getByRole("listitem")).toHaveCount(1);
    await expect(results(page).getByRole("listitem")).toContainText("中国发展网新闻");
    // The result opens its article.
    await results(page).getByRole("link").click();
    await expect(page).toHaveURL(/\/articles\/.+\/$/);
  });

  test("a long result list goes on by pages (a link), up to a bound", async ({ page }) => {
    await page.goto(`/search/?q=${encodeURIComponent("公司")}`);
    await expect(status(page)).toHaveText("找到 15 篇与“公司”相关的文章。");
    await expect(results(page).getByRole("listitem")).toHaveCount(10);
    await expect(page.getByRole("button", { name: "更多结果" })).toHaveCount(0);
    await page.getByRole("link", { name: "下一页" }).click();
    await expect(page).toHaveURL(/[?&]page=2$/);
    await expect(results(page).getByRole("listitem")).toHaveCount(5);
    await expect(page.getByRole("link", { name: "下一页" })).toHaveCount(0);
    await page.goto(`/search/?q=${encodeURIComponent("公司")}&page=11`);
    await expect(status(page)).toHaveText("页码无效：最多显示前 10 页结果。");
  });

  test("input over a bound gets a message, not a search", async ({ page }) => {
    const refused: [query: string, message: string][] = [
      [`q=${encodeURIComponent("央行".repeat(51))}`, "搜索词太长：最多 100 个字。"],
      [`q=${encodeURIComponent("a b c d e f g h i j k")}`, "搜索词太多：最多 10 个词。"],
      [`q=${encodeURIComponent("央行")}&source=no-such-source`, "没有这个来源：请从来源列表中选择。"],
      [`q=${encodeURIComponent("央行")}&from=2021-02-30`, "日期无效：请用 2021-12-31 这样的日期。"],
      [`q=${encodeURIComponent("股")}`, "请至少输入两个汉字。"],
    ];
    for (const [query, message] of refused) {
      const response = await page.goto(`/search/?${query}`);
      expect(response?.status(), query).toBe(200);
      await expect(status(page), query).toHaveText(message);
      await expect(results(page).getByRole("listitem"), query).toHaveCount(0);
    }
  });

  test("each query is its own answer: no cache hands one query's results to another", async ({ request }) => {
    for (const [query, count] of [["北向资金", 2], ["公司", 15], ["北向资金", 2]] as const) {
      const response = await request.get(`/search/?q=${encodeURIComponent(query)}`);
      expect(await response.text()).toContain(`找到 ${count} 篇与“${query}”相关的文章。`);
      expect(response.headers()["cache-control"]).toMatch(/no-store/);
    }
  });
});

test("with JavaScript, the server's results stay and 更多结果 goes on from them", async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent("公司")}`);
  await expect(status(page)).toHaveText("找到 15 篇与“公司”相关的文章。");
  await expect(results(page).getByRole("listitem")).toHaveCount(10);
  // The script's button stands in for the server's page link.
  await expect(page.getByRole("link", { name: "下一页" })).toHaveCount(0);
  await page.getByRole("button", { name: "更多结果" }).click();
  await expect(results(page).getByRole("listitem")).toHaveCount(15);
  await expect(page.getByRole("button", { name: "更多结果" })).toBeHidden();
  // Typing on runs the browser's own queries, as before.
  await box(page).fill("北向资金");
  await expect(status(page)).toHaveText("找到 2 篇与“北向资金”相关的文章。");
  await expect(results(page).getByRole("listitem")).toHaveCount(2);
});

test.describe("a static copy's search page", () => {
  // Read as bytes: Chromium with scripts turned off by Playwright still parses <noscript> as if they ran.
  test("says, without JavaScript, that its search needs it", async ({ request }) => {
    const html = await (await request.get(`http://localhost:${STATIC_SITE_PORT}/search/`)).text();
    expect(html).toContain('<noscript><p class="mt-2 text-sm">此静态站点的搜索需要启用 JavaScript。</p></noscript>');
  });
});

import { expect, type Page, test } from "@playwright/test";

/** Nothing on the page may be wider than the viewport (no sideways scrolling). */
async function expectNoHorizontalOverflow(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

test("home → category → article → back to the category", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveTitle("财经新闻聚合");
  await expect(page.locator("html")).toHaveAttribute("lang", "zh-CN");
  await expect(page.getByRole("heading", { name: "最新消息" })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  // The busiest source's section links to its category page.
  await page.getByRole("link", { name: "东财滚动新闻", exact: true }).first().click();
  await expect(page).toHaveURL(/\/category\/emnews\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "东财滚动新闻" })).toBeVisible();
  await expect(page.getByText("共 53 篇")).toBeVisible();
  await expectNoHorizontalOverflow(page);

  // 53 articles at 30 a page: two pages, newest first.
  const list = page.getByRole("list", { name: "东财滚动新闻文章列表" });
  await expect(list.getByRole("listitem")).toHaveCount(30);
  const pagination = page.getByRole("navigation", { name: "分页" });
  await expect(pagination.getByText("1", { exact: true })).toHaveAttribute("aria-current", "page");
  await pagination.getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/\/category\/emnews\/page\/2\/$/);
  await expect(page.getByRole("list", { name: "东财滚动新闻文章列表" }).getByRole("listitem")).toHaveCount(23);
  await expectNoHorizontalOverflow(page);
  await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "上一页" }).click();
  await expect(page).toHaveURL(/\/category\/emnews\/$/);

  // Open a known digest post from the list.
  await page.getByRole("link", { name: "无期徒刑！这家A股公司原实控人的百亿诈骗案判了" }).click();
  await expect(page).toHaveURL(/\/articles\/2021-12-08-/);
  const article = page.locator("article");
  await expect(article.getByRole("heading", { level: 1 })).toHaveText("无期徒刑！这家A股公司原实控人的百亿诈骗案判了");
  const time = article.locator("time").first();
  await expect(time).toHaveAttribute("datetime", /^2021-12-08T13:16:\d\d\+08:00$/);
  await expect(time).toHaveText(/^2021-12-08 13:16$/);
  const source = article.getByRole("link", { name: /阅读原文/ });
  await expect(source).toHaveAttribute("href", /^https?:\/\/[^/]*eastmoney\.com\//);
  await expect(source).toHaveAttribute("rel", /noopener/);
  // The legacy trailer became structure: no 返回 links left in the body.
  await expect(article.locator(".article-body")).not.toContainText("返回");
  await expectNoHorizontalOverflow(page);

  // Back to the category through the breadcrumbs.
  await page.getByRole("navigation", { name: "面包屑导航" }).getByRole("link", { name: "东财滚动新闻" }).click();
  await expect(page).toHaveURL(/\/category\/emnews\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "东财滚动新闻" })).toBeVisible();
});

test("a rich publisher article keeps its images inside the column and its source credit", async ({ page }) => {
  await page.goto("/articles/-202205262391921712/");
  const article = page.locator("article");
  await expect(article.getByRole("heading", { level: 1 })).toContainText("霍尼韦尔");
  await expect(article.getByText("上海证券报", { exact: true })).toBeVisible();
  await expect(article.locator("time").first()).toHaveAttribute("datetime", "2022-05-26T00:00:00+08:00");
  const bodyBox = await article.locator(".article-body").boundingBox();
  for (const img of await article.locator(".article-body img").all()) {
    await expect(img).toHaveAttribute("referrerpolicy", "no-referrer");
    await expect(img).toHaveAttribute("loading", "lazy");
    const box = await img.boundingBox();
    if (box && bodyBox) expect(box.x + box.width).toBeLessThanOrEqual(bodyBox.x + bodyBox.width + 1);
  }
  // The hidden paragraph and publisher scripts/styles never reach the reader.
  expect(await article.locator(".article-body [style], .article-body script").count()).toBe(0);
  await expectNoHorizontalOverflow(page);
});

test("an unknown article answers 404 with a way home", async ({ page }) => {
  const response = await page.goto("/articles/no-such-post/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "返回首页" }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the sitemap index leads to home, every category and every article with absolute URLs", async ({ request }) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  const locs = (text: string) => [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
  const files = locs(await response.text());
  // The bundled posts are years old: no Google News sitemap (an empty one fails its schema), and none is served.
  expect(files).toEqual(["pages.xml", "articles-1.xml"].map((n) => `http://localhost:3000/sitemaps/${n}`));
  expect((await request.get("/sitemaps/news.xml")).status()).toBe(404);
  let urls: string[] = [];
  for (const file of files) {
    const part = await request.get(new URL(file).pathname);
    expect(part.status()).toBe(200);
    expect(part.headers()["content-type"]).toContain("application/xml");
    urls = urls.concat(locs(await part.text()));
  }
  expect(urls).toContain("http://localhost:3000/");
  expect(urls).toContain("http://localhost:3000/category/emnews/");
  expect(urls).toContain("http://localhost:3000/articles/2022-04-18-202204182346860319/");
  expect(urls.filter((u) => u.includes("/articles/"))).toHaveLength(55);
  expect(urls.filter((u) => u.includes("/category/"))).toHaveLength(3);
  expect(urls).toContain("http://localhost:3000/sources/");
});

test("sources A–Z, a tag's articles, and the way from one article to the next", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "全部来源" }).click();
  await expect(page).toHaveURL(/\/sources\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "全部来源" })).toBeVisible();
  const jump = page.getByRole("navigation", { name: "按首字母跳转" });
  await expect(jump.getByRole("link")).toHaveText(["E", "S", "Z"]);
  await jump.getByRole("link", { name: "E", exact: true }).click();
  await expect(page).toHaveURL(/#letter-E$/);
  const east = page.getByRole("region", { name: "E" });
  await expect(east.getByRole("listitem").filter({ hasText: "东财滚动新闻" })).toContainText("53 篇");
  await expectNoHorizontalOverflow(page);

  // An article links its newer and older neighbours from the same source, and related ones.
  await page.goto("/articles/2021-12-08-202112082206735975/");
  const pager = page.getByRole("navigation", { name: "同一来源的上一篇和下一篇" });
  await expect(pager.getByRole("link")).toHaveCount(2);
  const olderTitle = (await pager.getByRole("link", { name: /下一篇/ }).innerText()).replace(/^下一篇\s*/, "");
  await pager.getByRole("link", { name: /下一篇/ }).click();
  await expect(page.locator("article h1")).toHaveText(olderTitle);
  await page.getByRole("navigation", { name: "同一来源的上一篇和下一篇" }).getByRole("link", { name: /上一篇/ }).click();
  await expect(page).toHaveURL(/\/articles\/2021-12-08-202112082206735975\/$/);
  const related = page.getByRole("region", { name: "相关文章" });
  await expect(related.getByRole("listitem")).toHaveCount(5);
  await expectNoHorizontalOverflow(page);

  // A tag leads to every article carrying it.
  await page.locator("article").getByRole("list", { name: "标签" }).getByRole("link", { name: "东财滚动新闻" }).click();
  await expect(page).toHaveURL(/\/tags\/[a-z0-9-]+\/$/);
  await expect(page.getByRole("heading", { level: 1, name: "标签：东财滚动新闻" })).toBeVisible();
  await expect(page.getByText("共 53 篇")).toBeVisible();
  await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/\/tags\/[a-z0-9-]+\/page\/2\/$/);
});

test("reader pages run only the site's own few kilobytes of JavaScript, not the React runtime", async ({ page }) => {
  const scripts = new Set<string>();
  page.on("request", (request) => {
    if (request.resourceType() === "script") scripts.add(new URL(request.url()).pathname);
  });
  for (const path of ["/", "/category/emnews/", "/articles/2021-12-08-202112082206735975/", "/sources/", "/no-such-page"]) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    // Nor any copy of the page as a React payload.
    expect(await page.content()).not.toContain("__next_f");
  }
  expect(scripts).toEqual(new Set(["/js/reader.js"]));
  expect((await (await page.request.get("/js/reader.js")).body()).length).toBeLessThan(10_000);
});

test.describe("list dates a reader can place", () => {
  const listTime = (page: Page, iso: string) => page.locator(`#main time[datetime="${iso}"]`).first();

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("an earlier year's headline shows its year; the datetime stays exact", async ({ page }) => {
      await page.goto("/");
      await expect(listTime(page, "2022-05-26T00:00:00+08:00")).toHaveText("2022年5月26日");
      await expect(listTime(page, "2021-12-08T13:16:19+08:00")).toHaveText("2021年12月8日");
      await expect(listTime(page, "2022-04-18T16:12:05+08:00")).toHaveAttribute("title", "北京时间 2022-04-18 16:12");
    });
  });

  test("by the reader's clock: 今天 and 昨天 in Beijing time, no year within the current one", async ({ page }) => {
    await page.clock.setFixedTime(new Date("2022-05-26T09:00:00+08:00"));
    await page.goto("/");
    await expect(listTime(page, "2022-05-26T00:00:00+08:00")).toHaveText("今天 00:00");
    await expect(listTime(page, "2022-04-18T16:12:05+08:00")).toHaveText("4月18日 16:12");
    await expect(listTime(page, "2021-12-08T13:16:19+08:00")).toHaveText("2021年12月8日");

    // 00:30 on 19 April in Beijing is still 18 April in UTC.
    await page.clock.setFixedTime(new Date("2022-04-19T00:30:00+08:00"));
    await page.goto("/category/zhongguofazhanwang/");
    await expect(listTime(page, "2022-04-18T16:12:05+08:00")).toHaveText("昨天 16:12");
  });
});

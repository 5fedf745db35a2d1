import { expect, type Page, test } from "@playwright/test";

/**
 * What link previews (WeChat, Telegram, Slack, X) and structured-data
 * readers find in each kind of page: an absolute og:image with its size and
 * alt, a large Twitter card, and the article's JSON-LD.
 */
const meta = (page: Page, key: string) => page.locator(`head meta[property="${key}"], head meta[name="${key}"]`).first();

async function expectShareImage(page: Page, url: RegExp, size?: { width: string; height: string }) {
  await expect(meta(page, "og:image")).toHaveAttribute("content", url);
  await expect(meta(page, "og:image:alt")).toHaveAttribute("content", /\S/);
  await expect(meta(page, "twitter:card")).toHaveAttribute("content", "summary_large_image");
  await expect(meta(page, "twitter:image")).toHaveAttribute("content", url);
  if (size) {
    await expect(meta(page, "og:image:width")).toHaveAttribute("content", size.width);
    await expect(meta(page, "og:image:height")).toHaveAttribute("content", size.height);
  }
}

const CARD = { width: "1200", height: "630" };

test("every kind of page offers a picture: the site's card on home, source, tag, sources and search pages", async ({ page, request }) => {
  await page.goto("/articles/2021-12-01-init/");
  const tag = await page.locator('#main a[href*="/tags/"]').first().getAttribute("href");
  for (const path of ["/", "/category/emnews/", "/sources/", "/search/", tag!]) {
    await page.goto(path);
    await expectShareImage(page, /^http:\/\/localhost:\d+\/share-card\.png$/, CARD);
    await expect(meta(page, "og:title")).toHaveAttribute("content", /\S/);
    await expect(meta(page, "og:url")).toHaveAttribute("content", /^http:\/\/localhost:\d+\//);
  }
  const card = await request.get("/share-card.png");
  expect(card.status()).toBe(200);
  expect(card.headers()["content-type"]).toBe("image/png");
});

test("a new article without pictures offers its own headline card, drawn as a 1200×630 PNG", async ({ page, request }) => {
  // The second newest post of the bundled content, and the newest without a picture.
  await page.goto("/articles/2022-04-18-202204182346860319/");
  const title = (await page.locator("h1").textContent())!.trim();
  await expectShareImage(page, /^http:\/\/localhost:\d+\/articles\/2022-04-18-202204182346860319\/card\.png$/, CARD);
  await expect(meta(page, "og:image:alt")).toHaveAttribute("content", title);
  const png = await request.get("/articles/2022-04-18-202204182346860319/card.png");
  expect(png.status()).toBe(200);
  expect(png.headers()["content-type"]).toBe("image/png");
  const bytes = await png.body();
  expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1200, 630]);
});

test("an old article offers the site's card, and has no card of its own to draw", async ({ page, request }) => {
  await page.goto("/articles/2021-12-01-init/");
  await expectShareImage(page, /\/share-card\.png$/, CARD);
  expect((await request.get("/articles/2021-12-01-init/card.png")).status()).toBe(404);
  expect((await request.get("/articles/no-such-article/card.png")).status()).toBe(404);
});

test("an article with pictures offers its first one, and its JSON-LD has what rich results need", async ({ page }) => {
  await page.goto("/articles/-202205262391921712/");
  await expectShareImage(page, /^https:\/\/[^/]+\/.+/);
  const [news, crumbs] = JSON.parse((await page.locator('script[type="application/ld+json"]').first().textContent())!);
  const ogImage = await meta(page, "og:image").getAttribute("content");
  expect(news.image).toEqual([ogImage]);
  expect(news.dateModified).toBe(news.datePublished);
  expect(news.description).toBe(await meta(page, "description").getAttribute("content"));
  expect(news.publisher.logo.url).toMatch(/\/icon-512\.png$/);
  expect(news.author.name).toBe(news.sourceOrganization.name);
  expect(news.author.url).toMatch(/\/category\/emnews\/$/);
  expect(crumbs.itemListElement.at(-1)).toMatchObject({ position: 3, name: news.headline });
  const logo = await page.request.get(new URL(news.publisher.logo.url).pathname);
  expect(logo.headers()["content-type"]).toBe("image/png");
});

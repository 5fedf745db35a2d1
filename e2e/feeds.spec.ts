import { expect, test } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });

test("the site's feeds answer where the old Jekyll site had them, with the latest 50 articles", async ({ request }) => {
  const atom = await request.get("/feed.xml");
  expect(atom.status()).toBe(200);
  expect(atom.headers()["content-type"]).toContain("application/atom+xml");
  const atomText = await atom.text();
  expect(XMLValidator.validate(atomText)).toBe(true);
  const { feed } = xml.parse(atomText);
  expect(feed.entry).toHaveLength(50);
  expect(feed.entry[0].link["@href"]).toMatch(/^http:\/\/localhost:\d+\/articles\//);
  expect(feed.entry[0].updated).toMatch(/\+08:00$/);

  const rss = xml.parse(await (await request.get("/rss.xml")).text()).rss;
  expect(rss["@version"]).toBe("2.0");
  expect(rss.channel.item).toHaveLength(50);
  expect(rss.channel.item[0].pubDate).toMatch(/\+0800$/);

  const json = await (await request.get("/feed.json")).json();
  expect(json.items).toHaveLength(50);
});

test("each category has its feeds, and pages point to them", async ({ page, request }) => {
  const rss = xml.parse(await (await request.get("/category/emnews/rss.xml")).text()).rss;
  expect(rss.channel.title).toBe("东财滚动新闻 - 财经新闻聚合");
  expect(rss.channel.item).toHaveLength(50);
  expect((await request.get("/category/no-such-source/feed.xml")).status()).toBe(404);

  await page.goto("/category/emnews/");
  const alternates = page.locator('head link[rel="alternate"]');
  await expect(alternates).toHaveCount(6);
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"][title="东财滚动新闻"]')).toHaveAttribute("href", /\/category\/emnews\/feed\.xml$/);
  await page.goto("/");
  await expect(page.locator('head link[rel="alternate"]')).toHaveCount(3);
  await page.goto("/articles/2021-12-08-202112082206735975/");
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute("href", /\/feed\.xml$/);
  await expect(page.locator('head meta[property="og:type"]')).toHaveAttribute("content", "article");
  await expect(page.locator('head meta[property="article:published_time"]')).toHaveAttribute("content", /^2021-12-08T\d\d:\d\d:\d\d\+08:00$/);
});

test("robots.txt allows crawling and names the sitemap", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  expect(robots).toMatch(/User-Agent: \*/i);
  expect(robots).toContain("Disallow: /api/");
  expect(robots).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
});

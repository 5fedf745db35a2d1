import { copyFileSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { OTHER_SITE_DIR, OTHER_SITE_PORT } from "../playwright.config";
import { FEEDPARSER_MISSING, feedparserRead, htmlToShownText, NEWSBOAT_MISSING, newsboatRead, XMLLINT_MISSING, xmllintProblems } from "../test/helpers/feed-readers";

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
  expect(rss["@xmlns:dc"]).toBe("http://purl.org/dc/elements/1.1/");
  expect(rss.channel.item[0]["dc:creator"]).toBeTruthy();
  expect(rss.channel.item[0].author).toBeUndefined();

  const json = await (await request.get("/feed.json")).json();
  expect(json.items).toHaveLength(50);
  expect(json).toMatchObject({ version: "https://jsonfeed.org/version/1.1", language: "zh-CN" });
  expect(json.items[0].authors[0].name).toBeTruthy();
  // Its icons are served, as PNG.
  for (const icon of [json.icon, json.favicon]) {
    expect(icon).toMatch(/^http:\/\/localhost:\d+\/icon-(512|64)\.png$/);
    const answer = await request.get(new URL(icon).pathname);
    expect(answer.status(), icon).toBe(200);
    expect(answer.headers()["content-type"], icon).toBe("image/png");
  }
});

test("a headline with & < > \" and Han characters reads back exactly in feedparser and newsboat, from every served feed", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one server, one run");
  test.skip(!!FEEDPARSER_MISSING || !!NEWSBOAT_MISSING || !!XMLLINT_MISSING, [FEEDPARSER_MISSING, NEWSBOAT_MISSING, XMLLINT_MISSING].filter(Boolean).join("; "));
  const headline = '美股收盘：标普500 & 纳斯达克 <b>齐涨</b>，"科技股" > 预期 < 3%';
  const summary = '道指 & 标普 <i>同步</i> 上行，"芯片股"涨幅 > 5%。';
  const media = '美股&<纳指>"快讯"';
  const base = `http://localhost:${OTHER_SITE_PORT}`;
  const article = "/articles/2023-01-10-headline-with-markup-characters/";
  // The fixture site's server watches its folder: the post is live (and the feeds refreshed) within seconds.
  const post = path.join(OTHER_SITE_DIR, "_posts", "2023-01-10-headline-with-markup-characters.md");
  copyFileSync(path.join("test", "fixtures", "posts", "headline-with-markup-characters.md"), post);
  try {
    const feeds = ["/feed.xml", "/rss.xml", "/category/meigu/feed.xml", "/category/meigu/rss.xml"];
    for (const feed of feeds) await expect.poll(async () => (await request.get(`${base}${feed}`)).text(), { timeout: 10_000 }).toContain("纳斯达克");
    for (const feed of feeds) {
      const body = await (await request.get(`${base}${feed}`)).text();
      expect(xmllintProblems(body), feed).toBe("");
      const parsed = feedparserRead(body);
      expect(parsed.bozo, feed).toBe(false);
      const entry = parsed.entries.find((e) => e.link.endsWith(article))!;
      expect(entry, feed).toBeDefined();
      // Atom's title and summary are type="html" (HTML that shows the headline); RSS's title is the headline itself.
      expect(feed.endsWith("rss.xml") ? entry.title : htmlToShownText(entry.title), feed).toBe(headline);
      expect(htmlToShownText(entry.summary), feed).toBe(summary);
      expect(entry.author, feed).toBe(media);
      const read = newsboatRead(`${base}${feed}`);
      expect(read.items.find((item) => item.url.endsWith(article)), feed).toMatchObject({ title: headline, author: media });
    }
    for (const feed of ["/feed.json", "/category/meigu/feed.json"]) {
      const json = await (await request.get(`${base}${feed}`)).json();
      const item = json.items.find((i: { url: string }) => i.url.endsWith(article));
      expect(item, feed).toMatchObject({ title: headline, authors: [{ name: media }] });
      expect(htmlToShownText(item.content_html), feed).toBe(summary);
    }
  } finally {
    rmSync(post, { force: true });
  }
  await expect.poll(async () => (await request.get(`${base}/feed.xml`)).text(), { timeout: 10_000 }).not.toContain("纳斯达克");
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

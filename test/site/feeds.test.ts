import { readFileSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Article } from "@/lib/content/types";
import { feedPath, renderFeed } from "@/lib/site/feeds";

const category = { slug: "emnews", key: "emnews", name: "东财滚动新闻" };
const article = (n: number, overrides: Partial<Article> = {}): Article => ({
  id: `2021-12-08-${String(n).padStart(4, "0")}`,
  title: `第${n}条消息`,
  publishedAt: Date.UTC(2021, 11, 8, 2, 39, 1) - n * 60_000,
  category,
  tags: ["东财滚动新闻"],
  summary: `第${n}条摘要。`,
  source: { name: "东方财富网", url: `https://finance.eastmoney.com/a/${n}.html` },
  file: `_posts/2021-12-08-${n}.md`,
  ...overrides,
});
const hostile = article(0, { title: '标题 <script>alert("x")</script> & ]]> --', summary: "摘要 <b>粗</b> & 更多" });
const articles = [hostile, ...Array.from({ length: 60 }, (_, i) => article(i + 1))];
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
/** What a feed reader shows for an HTML-typed text element: its markup, entities decoded. */
const shown = (html: string) => html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
const textOf = (node: string | { "#text": string }) => (typeof node === "string" ? node : node["#text"]);

beforeEach(() => {
  vi.stubEnv("SITE_URL", "https://news.example.com");
  return () => vi.unstubAllEnvs();
});

describe("lib/site/feeds", () => {
  it("Atom at /feed.xml: the latest 50, absolute URLs, +08:00 times, a plain summary, the title escaped", () => {
    const text = renderFeed("atom", { articles });
    expect(XMLValidator.validate(text)).toBe(true);
    const { feed } = xml.parse(text);
    expect(feed["@xmlns"]).toBe("http://www.w3.org/2005/Atom");
    expect(feed.title).toBe("财经新闻聚合");
    expect(feed.updated).toBe("2021-12-08T10:39:01+08:00");
    expect([feed.link].flat().find((l: { "@rel": string }) => l["@rel"] === "self")["@href"]).toBe("https://news.example.com/feed.xml");
    expect(feed.entry).toHaveLength(50);
    const first = feed.entry[0];
    // type="html": the markup is escaped, so a reader shows the title's `<script>` as text.
    expect(first.title["@type"]).toBe("html");
    expect(textOf(first.title)).not.toContain("<script");
    expect(shown(textOf(first.title))).toBe(hostile.title);
    expect(first.id).toBe("https://news.example.com/articles/2021-12-08-0000/");
    expect(first.link["@href"]).toBe("https://news.example.com/articles/2021-12-08-0000/");
    expect(first.updated).toBe("2021-12-08T10:39:01+08:00");
    expect(first.published).toBe("2021-12-08T10:39:01+08:00");
    expect(shown(textOf(first.summary))).toBe(hostile.summary);
    expect(textOf(first.summary)).not.toContain("<b>");
    expect(first.author.name).toBe("东方财富网");
    expect(feed.entry[1].updated).toBe("2021-12-08T10:38:01+08:00");
  });

  it("RSS 2.0: channel with 50 items, RFC 822 dates in +0800, the title as plain text, the media as dc:creator", () => {
    const text = renderFeed("rss", { category, articles });
    expect(XMLValidator.validate(text)).toBe(true);
    const { rss } = xml.parse(text);
    expect(rss["@version"]).toBe("2.0");
    expect(rss["@xmlns:dc"]).toBe("http://purl.org/dc/elements/1.1/");
    expect(rss.channel.title).toBe("东财滚动新闻 - 财经新闻聚合");
    expect(rss.channel.link).toBe("https://news.example.com/category/emnews/");
    expect(rss.channel.item).toHaveLength(50);
    const first = rss.channel.item[0];
    // RSS readers show <title> as it is (newsboat; see feed-readers.test.ts): escaped once, by XML only.
    expect(first.title).toBe(hostile.title);
    expect(first.link).toBe("https://news.example.com/articles/2021-12-08-0000/");
    expect(first.pubDate).toBe("Wed, 08 Dec 2021 10:39:01 +0800");
    // <description> is HTML to readers: the plain summary is escaped for it, so `<b>` stays text.
    expect(first.description).toBe("摘要 &lt;b&gt;粗&lt;/b&gt; &amp; 更多");
    expect(shown(first.description)).toBe(hostile.summary);
    expect(first["dc:creator"]).toBe("东方财富网");
    expect(first.category).toBe("东财滚动新闻");
  });

  it("RSS 2.0 keeps to what the W3C validator checks: no <author> without an e-mail address, dc: declared where used", () => {
    const text = renderFeed("rss", { articles });
    const authors = [...text.matchAll(/<author>([^<]*)<\/author>/g)].map((m) => m[1]);
    for (const author of authors) expect(author).toMatch(/^[^\s@]+@[^\s@]+\.[^\s@]+( \(.*\))?$/);
    expect(text).toMatch(/<dc:creator>/);
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="utf-8"\?>\n<rss version="2\.0"[^>]* xmlns:dc="http:\/\/purl\.org\/dc\/elements\/1\.1\/"/);
    // A headline with `]]>` twice and characters XML cannot hold still makes well-formed XML, and reads back exactly.
    const awkward = article(0, { title: "a ]]> b ]]> c\u0001 &amp; d" });
    const parsed = renderFeed("rss", { articles: [awkward] });
    expect(XMLValidator.validate(parsed)).toBe(true);
    expect(xml.parse(parsed).rss.channel.item.title).toBe("a ]]> b ]]> c &amp; d");
  });

  it("JSON Feed 1.1: version, language, icons and authors as 1.1 has them", () => {
    const feed = JSON.parse(renderFeed("json", { category, articles: articles.slice(0, 3) }));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.language).toBe("zh-CN");
    expect(feed.icon).toBe("https://news.example.com/icon-512.png");
    expect(feed.favicon).toBe("https://news.example.com/icon-64.png");
    expect(feed.home_page_url).toBe("https://news.example.com/category/emnews/");
    expect(feed.feed_url).toBe("https://news.example.com/category/emnews/feed.json");
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual(["https://news.example.com/articles/2021-12-08-0000/", "https://news.example.com/articles/2021-12-08-0001/", "https://news.example.com/articles/2021-12-08-0002/"]);
    // title is plain text in JSON Feed; the summary goes out as content_html, so it is escaped.
    expect(feed.items[0]).toMatchObject({ title: hostile.title, date_published: "2021-12-08T10:39:01+08:00" });
    expect(feed.items[0].content_html).toBe("摘要 &lt;b&gt;粗&lt;/b&gt; &amp; 更多");
    // 1.1 replaced the single `author` with `authors`.
    expect(feed.items[0].authors).toEqual([{ name: "东方财富网", url: "https://finance.eastmoney.com/a/0.html" }]);
    expect(feed.items[0]).not.toHaveProperty("author");
    expect(feed).not.toHaveProperty("author");
  });

  it("JSON Feed's icons are in public/, square, 512 and 64 pixels", () => {
    for (const [file, size] of [["icon-512.png", 512], ["icon-64.png", 64]] as const) {
      const png = readFileSync(path.join(import.meta.dirname, "..", "..", "public", file));
      expect(png.subarray(1, 4).toString("latin1"), file).toBe("PNG");
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([size, size]);
      expect(png.length, file).toBeLessThan(8 * 1024);
    }
  });

  it("places the site's and each category's feeds", () => {
    expect(feedPath("atom")).toBe("/feed.xml");
    expect(feedPath("rss")).toBe("/rss.xml");
    expect(feedPath("json", category)).toBe("/category/emnews/feed.json");
  });
});

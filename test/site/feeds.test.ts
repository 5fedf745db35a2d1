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

  it("RSS 2.0: channel with 50 items, RFC 822 dates in +0800", () => {
    const text = renderFeed("rss", { category, articles });
    expect(XMLValidator.validate(text)).toBe(true);
    const { rss } = xml.parse(text);
    expect(rss["@version"]).toBe("2.0");
    expect(rss.channel.title).toBe("东财滚动新闻 - 财经新闻聚合");
    expect(rss.channel.link).toBe("https://news.example.com/category/emnews/");
    expect(rss.channel.item).toHaveLength(50);
    const first = rss.channel.item[0];
    expect(shown(first.title)).toBe(hostile.title);
    expect(first.title).not.toContain("<script");
    expect(first.link).toBe("https://news.example.com/articles/2021-12-08-0000/");
    expect(first.pubDate).toBe("Wed, 08 Dec 2021 10:39:01 +0800");
    expect(shown(first.description)).toBe(hostile.summary);
  });

  it("JSON Feed 1.1", () => {
    const feed = JSON.parse(renderFeed("json", { category, articles: articles.slice(0, 3) }));
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/);
    expect(feed.home_page_url).toBe("https://news.example.com/category/emnews/");
    expect(feed.feed_url).toBe("https://news.example.com/category/emnews/feed.json");
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual(["https://news.example.com/articles/2021-12-08-0000/", "https://news.example.com/articles/2021-12-08-0001/", "https://news.example.com/articles/2021-12-08-0002/"]);
    // title is plain text in JSON Feed; the summary goes out as content_html, so it is escaped.
    expect(feed.items[0]).toMatchObject({ title: hostile.title, date_published: "2021-12-08T10:39:01+08:00" });
    expect(feed.items[0].content_html).toBe("摘要 &lt;b&gt;粗&lt;/b&gt; &amp; 更多");
  });

  it("places the site's and each category's feeds", () => {
    expect(feedPath("atom")).toBe("/feed.xml");
    expect(feedPath("rss")).toBe("/rss.xml");
    expect(feedPath("json", category)).toBe("/category/emnews/feed.json");
  });
});

import { XMLParser, XMLValidator } from "fast-xml-parser";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Article } from "@/lib/content/types";
import { URLS_PER_SITEMAP, sitemapIndexXml, sitemapNames, sitemapXml } from "@/lib/site/sitemaps";

const category = { slug: "emnews", key: "emnews", name: "东财滚动新闻" };
const NOW = Date.UTC(2024, 0, 10, 0, 0, 0);
const article = (n: number, hoursAgo: number, title = `消息${n}`): Article => ({ id: `a-${n}`, title, publishedAt: NOW - hoursAgo * 3_600_000, category, tags: [], summary: "", source: { name: "x" }, file: `_posts/a-${n}.md` });
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", isArray: (name) => ["url", "sitemap"].includes(name) });

beforeEach(() => {
  vi.stubEnv("SITE_URL", "https://news.example.com");
  return () => vi.unstubAllEnvs();
});

describe("lib/site/sitemaps", () => {
  it("has no news sitemap while nothing is under 48 hours old: an empty one fails the schema", () => {
    const old = { articles: [article(1, 49), article(2, 100)], categories: [{ category, articles: [article(1, 49)] }] };
    expect(sitemapNames(old, NOW)).toEqual(["pages.xml", "articles-1.xml"]);
    expect(sitemapIndexXml(old, NOW)).not.toContain("news.xml");
    expect(sitemapXml(old, "news.xml", NOW)).toBeUndefined();
    // One post inside the window brings it back, holding just that post.
    const fresh = { ...old, articles: [article(3, 47), ...old.articles] };
    expect(sitemapNames(fresh, NOW)).toContain("news.xml");
    expect(xml.parse(sitemapXml(fresh, "news.xml", NOW)!).urlset.url).toHaveLength(1);
  });

  it("indexes the pages, the articles split at 50,000 URLs, and the news sitemap", () => {
    const many = { articles: Array.from({ length: URLS_PER_SITEMAP + 3 }, (_, i) => article(i, i)), categories: [{ category, articles: [article(0, 0)] }] };
    expect(sitemapNames(many, NOW)).toEqual(["pages.xml", "articles-1.xml", "articles-2.xml", "news.xml"]);
    const text = sitemapIndexXml(many, NOW);
    expect(XMLValidator.validate(text)).toBe(true);
    const locs = xml.parse(text).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(locs).toEqual(["pages.xml", "articles-1.xml", "articles-2.xml", "news.xml"].map((n) => `https://news.example.com/sitemaps/${n}`));
    const first = xml.parse(sitemapXml(many, "articles-1.xml")!).urlset.url;
    const second = xml.parse(sitemapXml(many, "articles-2.xml")!).urlset.url;
    expect(first).toHaveLength(URLS_PER_SITEMAP);
    expect(second).toHaveLength(3);
    expect(second[2].loc).toBe(`https://news.example.com/articles/a-${URLS_PER_SITEMAP + 2}/`);
    expect(sitemapXml(many, "articles-3.xml")).toBeUndefined();
    expect(sitemapXml(many, "other.xml")).toBeUndefined();
  });

  it("lists home and every category with +08:00 lastmod", () => {
    const pages = xml.parse(sitemapXml({ articles: [article(1, 1)], categories: [{ category, articles: [article(1, 1)] }] }, "pages.xml")!).urlset.url;
    expect(pages.map((u: { loc: string }) => u.loc)).toEqual(["https://news.example.com/", "https://news.example.com/sources/", "https://news.example.com/category/emnews/"]);
    expect(pages[0].lastmod).toBe("2024-01-10T07:00:00+08:00");
  });

  it("puts only the last 48 hours in the Google News sitemap, titles escaped", () => {
    const index = { articles: [article(1, 1, '央行 <b>"降准"</b> & 更多'), article(2, 47), article(3, 49)], categories: [] };
    const text = sitemapXml(index, "news.xml", NOW)!;
    expect(XMLValidator.validate(text)).toBe(true);
    expect(text).not.toContain("<b>");
    const urls = xml.parse(text).urlset.url;
    expect(urls.map((u: { loc: string }) => u.loc)).toEqual(["https://news.example.com/articles/a-1/", "https://news.example.com/articles/a-2/"]);
    expect(urls[0]["news:news"]["news:title"]).toBe('央行 <b>"降准"</b> & 更多');
    expect(urls[0]["news:news"]["news:publication_date"]).toBe("2024-01-10T07:00:00+08:00");
    expect(urls[0]["news:news"]["news:publication"]["news:language"]).toBe("zh-cn");
  });
});

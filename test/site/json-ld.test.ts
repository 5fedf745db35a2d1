import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/content/types";
import { articleJsonLd, serializeJsonLd } from "@/lib/site/json-ld";

const article: Article = {
  id: "2024-01-02-x",
  title: '标题</script><script>alert(1)</script><!--',
  publishedAt: Date.UTC(2024, 0, 2, 1, 30),
  category: { slug: "emnews", key: "emnews", name: "东财滚动新闻" },
  tags: ["东财滚动新闻"],
  summary: "摘要 & <b>",
  source: { name: "东方财富网", url: "https://a.example/1" },
  file: "_posts/2024-01-02-x.md",
};

describe("lib/site/json-ld", () => {
  it("never lets a value end the script or open a comment, and reads back the same", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (value) => {
        const text = serializeJsonLd({ headline: value });
        expect(text).not.toMatch(/[<>]/);
        expect(text).not.toMatch(/[\u2028\u2029]/);
        expect(JSON.parse(text)).toEqual({ headline: value });
      }),
      { numRuns: 2000 },
    );
  });

  it("escapes a hostile title in the article's NewsArticle", () => {
    const text = serializeJsonLd(articleJsonLd(article));
    expect(text).not.toContain("</script");
    expect(text).toContain("\\u003c/script\\u003e");
    const [news, crumbs] = JSON.parse(text);
    expect(news).toMatchObject({ "@type": "NewsArticle", headline: article.title, datePublished: "2024-01-02T09:30:00+08:00", articleSection: "东财滚动新闻" });
    expect(news.mainEntityOfPage).toMatch(/\/articles\/2024-01-02-x\/$/);
    expect(news.publisher.name).toBe("财经新闻聚合");
    expect(news.author).toEqual({ "@type": "Organization", name: "东方财富网", url: "https://a.example/1" });
    expect(crumbs["@type"]).toBe("BreadcrumbList");
    expect(crumbs.itemListElement.map((i: { name: string }) => i.name)).toEqual(["首页", "东财滚动新闻"]);
    expect(crumbs.itemListElement[1].item).toMatch(/\/category\/emnews\/$/);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/content/types";
import { siteShareImage } from "@/lib/share/share-image";
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
    const text = serializeJsonLd(articleJsonLd(article, siteShareImage(), "摘要"));
    expect(text).not.toContain("</script");
    expect(text).toContain("\\u003c/script\\u003e");
    expect(JSON.parse(text)[0].headline).toBe(article.title);
  });

  it("carries what Google's article rich results ask for: image, both dates, description, publisher logo", () => {
    const image = { url: "https://img.example/a.jpg", alt: "图", width: 800, height: 555 };
    const [news] = articleJsonLd(article, image, "央行开展逆回购。") as Record<string, any>[];
    expect(news).toMatchObject({
      "@type": "NewsArticle",
      image: ["https://img.example/a.jpg"],
      datePublished: "2024-01-02T09:30:00+08:00",
      dateModified: "2024-01-02T09:30:00+08:00",
      description: "央行开展逆回购。",
      articleSection: "东财滚动新闻",
    });
    expect(news.mainEntityOfPage).toMatch(/\/articles\/2024-01-02-x\/$/);
    expect(news.publisher).toMatchObject({ "@type": "Organization", name: "财经新闻聚合" });
    expect(news.publisher.logo).toMatchObject({ "@type": "ImageObject", width: 512, height: 512 });
    expect(news.publisher.logo.url).toMatch(/\/icon-512\.png$/);
  });

  it("names the media as author and source organization, with the source's page here as its URL (not the publisher's article)", () => {
    const [news] = articleJsonLd(article, siteShareImage(), "") as Record<string, any>[];
    const media = { "@type": "Organization", name: "东方财富网", url: expect.stringMatching(/\/category\/emnews\/$/) };
    expect(news.author).toEqual(media);
    expect(news.sourceOrganization).toEqual(media);
    expect(JSON.stringify(news)).not.toContain("https://a.example/1");
  });

  it("ends the breadcrumb at the article itself", () => {
    const [, crumbs] = articleJsonLd(article, siteShareImage(), "") as Record<string, any>[];
    expect(crumbs["@type"]).toBe("BreadcrumbList");
    expect(crumbs.itemListElement.map((i: { name: string }) => i.name)).toEqual(["首页", "东财滚动新闻", article.title]);
    expect(crumbs.itemListElement.map((i: { position: number }) => i.position)).toEqual([1, 2, 3]);
    expect(crumbs.itemListElement[1].item).toMatch(/\/category\/emnews\/$/);
    expect(crumbs.itemListElement[2].item).toMatch(/\/articles\/2024-01-02-x\/$/);
  });
});

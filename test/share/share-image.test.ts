import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/content/types";
import { renderCardPng } from "@/lib/share/card";
import { cardFontFile } from "@/lib/share/card-font";
import { articleCardText } from "@/lib/share/card-layout";
import { headlineCardPng } from "@/lib/share/headline-cards";
import { articleShareImage, HEADLINE_CARD_COUNT, headlineCardIds, siteShareImage } from "@/lib/share/share-image";

const article = (i: number, extra: Partial<Article> = {}): Article => ({
  id: `a${i}`,
  title: `第${i}条新闻`,
  publishedAt: Date.UTC(2024, 0, 1) - i * 60_000,
  category: { slug: "emnews", key: "emnews", name: "东财滚动新闻" },
  tags: [],
  summary: "",
  source: { name: "东方财富网" },
  file: `_posts/a${i}.md`,
  ...extra,
});
const font = cardFontFile();

describe("lib/share/share-image", () => {
  it("offers an article's own picture first, with the headline as alt when it has none", () => {
    const own = article(1, { image: { url: "https://img.example/a.jpg", alt: "", width: 800 } });
    expect(articleShareImage(own, true)).toEqual({ url: "https://img.example/a.jpg", alt: "第1条新闻", width: 800 });
  });

  it("offers the headline card (1200×630, absolute URL beside the page) or else the site's card", () => {
    expect(articleShareImage(article(2), true)).toEqual({ url: expect.stringMatching(/^https?:\/\/.+\/articles\/a2\/card\.png$/), alt: "第2条新闻", width: 1200, height: 630 });
    expect(articleShareImage(article(2), false)).toEqual(siteShareImage());
    expect(siteShareImage()).toMatchObject({ url: expect.stringMatching(/^https?:\/\/.+\/share-card\.png$/), width: 1200, height: 630 });
  });

  it.skipIf(!font)("gives cards to the newest articles without a picture of their own, and to no others", () => {
    const articles = Array.from({ length: HEADLINE_CARD_COUNT + 10 }, (_, i) => article(i, i === 3 ? { image: { url: "https://img.example/x.jpg", alt: "" } } : {}));
    const ids = headlineCardIds(articles);
    expect(ids.size).toBe(HEADLINE_CARD_COUNT - 1);
    expect(ids.has("a0")).toBe(true);
    expect(ids.has("a3")).toBe(false);
    expect(ids.has(`a${HEADLINE_CARD_COUNT}`)).toBe(false);
    expect(headlineCardPng(articles, articles[HEADLINE_CARD_COUNT + 1])).toBeUndefined();
    expect(headlineCardPng(articles, undefined)).toBeUndefined();
  });
});

describe.skipIf(!font)("lib/share/card (needs fonts-noto-cjk)", () => {
  it("draws a 1200×630 PNG with ink where the headline is", () => {
    const png = renderCardPng(articleCardText(article(1)), font!);
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    // The headline's glyphs make the image data larger than an empty card's.
    const empty = renderCardPng({ kicker: "", headline: "", footer: "" }, font!);
    expect(png.length).toBeGreaterThan(empty.length + 2_000);
  });

  it("draws the same bytes for the same text (the export and npm start serve identical cards)", () => {
    const text = articleCardText(article(5));
    expect(renderCardPng(text, font!).equals(renderCardPng(text, font!))).toBe(true);
  });
});

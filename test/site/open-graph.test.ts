import { describe, expect, it } from "vitest";
import { siteShareImage } from "@/lib/share/share-image";
import { metaDescription, previewMetadata } from "@/lib/site/open-graph";

describe("lib/site/open-graph", () => {
  it("describes an article with its Beijing publication time and section", () => {
    const meta = previewMetadata({ title: "标题", description: "摘要", url: "https://n.example/articles/x", article: { publishedAt: Date.UTC(2021, 11, 8, 2, 39, 1), section: "东财滚动新闻" } });
    expect(meta.openGraph).toEqual({ title: "标题", description: "摘要", url: "https://n.example/articles/x", siteName: "财经新闻聚合", locale: "zh_CN", images: [siteShareImage()], type: "article", publishedTime: "2021-12-08T10:39:01+08:00", section: "东财滚动新闻" });
    expect(meta.description).toBe("摘要");
  });

  it("keeps descriptions to about 80 characters, ending on a sentence", () => {
    const summary = `${"央行今日开展逆回购操作。".repeat(5)}${"市场流动性保持合理充裕。".repeat(5)}`;
    const description = metaDescription(summary);
    expect(Array.from(description).length).toBeLessThanOrEqual(80);
    expect(description.endsWith("。")).toBe(true);
    expect(metaDescription("短摘要。")).toBe("短摘要。");
  });

  it("offers the picture it is given, else the site's card", () => {
    const image = { url: "https://img.example/a.jpg", alt: "图" };
    expect(previewMetadata({ title: "t", description: "d", url: "https://n.example/", image }).openGraph.images).toEqual([image]);
    expect(previewMetadata({ title: "t", description: "d", url: "https://n.example/" }).openGraph.images).toEqual([siteShareImage()]);
  });

  it("describes other pages as a website of the same name", () => {
    expect(previewMetadata({ title: "首页", description: "d", url: "https://n.example/" }).openGraph).toMatchObject({ type: "website", siteName: "财经新闻聚合" });
  });
});

import { describe, expect, it } from "vitest";
import { articleCardText, cardSvg, wrapHeadline } from "@/lib/share/card-layout";

describe("lib/share/card-layout", () => {
  it("wraps a Chinese headline at any character, within three lines, and ends a cut one in …", () => {
    const lines = wrapHeadline("央行开展1000亿元逆回购操作 两市融资余额较上一交易日增加35亿元".repeat(3));
    expect(lines).toHaveLength(3);
    expect(lines[2].endsWith("…")).toBe(true);
    // 17⅓ ems a line: 17 Chinese characters, more when digits share it.
    for (const line of lines) expect(Array.from(line.replace(/[\x00-\x7f]/g, "")).length).toBeLessThanOrEqual(17);
  });

  it("keeps a short headline whole, on one line", () => {
    expect(wrapHeadline("港股收涨")).toEqual(["港股收涨"]);
  });

  it("moves a Latin word to the next line whole rather than splitting it", () => {
    const lines = wrapHeadline("特斯拉中国公布交付数据显示新能源Tesla Model Y 销量创新高");
    for (const word of ["Tesla", "Model"]) expect(lines.some((line) => line.includes(word))).toBe(true);
    expect(lines.join("").replace(/\s/g, "")).toBe("特斯拉中国公布交付数据显示新能源TeslaModelY销量创新高");
    expect(lines).toHaveLength(2);
  });

  it("escapes markup and drops control characters: a headline stays text in the SVG", () => {
    const svg = cardSvg({ kicker: "站", headline: '<script>alert("x")</script> & \u0001', footer: "来源 & 日期" });
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;");
    expect(svg).not.toContain("\u0001");
    expect(svg).toContain('width="1200" height="630"');
  });

  it("writes the site's name, the headline, and the source with the date in Beijing", () => {
    const text = articleCardText({ title: "标题", publishedAt: Date.UTC(2021, 11, 31, 16, 30), source: { name: "东方财富网" } });
    expect(text).toEqual({ kicker: "财经新闻聚合", headline: "标题", footer: "东方财富网 · 2022年1月1日" });
  });
});

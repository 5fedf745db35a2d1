import { describe, expect, it } from "vitest";
import { firstBodyImage } from "@/lib/content/body-image";
import { describeGrowth, growth, LINEAR_RATIO_BOUND } from "../helpers/timing";
import { fixtureBody } from "../helpers/fixtures";

describe("lib/content/body-image", () => {
  it("takes the first image of a rich eastmoney post, with its declared size and alt", () => {
    const body = fixtureBody("corpus/-202205262391921712.md");
    const image = firstBodyImage(body);
    expect(image?.url).toMatch(/^https:\/\//);
    expect(image?.width).toBeGreaterThanOrEqual(120);
  });

  it("reads markdown images and HTML images in document order", () => {
    expect(firstBodyImage('文字 ![走势图](https://img.example/a.png "标题")\n<img src="https://img.example/b.png">')).toEqual({ url: "https://img.example/a.png", alt: "走势图" });
    expect(firstBodyImage('<IMG SRC=\'https://img.example/b.png\' ALT="乙" width="600" height=400>')).toEqual({
      url: "https://img.example/b.png",
      alt: "乙",
      width: 600,
      height: 400,
    });
  });

  it("skips what a preview cannot show: plain http, data: and javascript: URLs, spacers and tracking pixels", () => {
    const body = [
      '<img src="http://img.example/insecure.jpg">',
      '<img src="data:image/png;base64,AAAA">',
      "![x](javascript:alert(1))",
      '<img src="https://t.example/pixel.gif" width="1" height="1">',
      '<img src="https://img.example/icon.png" width="32">',
      '<img src="//img.example/real.jpg" alt="真&amp;图">',
    ].join("\n");
    expect(firstBodyImage(body)).toEqual({ url: "https://img.example/real.jpg", alt: "真&图" });
  });

  it("finds nothing in a post without images, and looks no further than 50 candidates", () => {
    expect(firstBodyImage("只有文字。")).toBeUndefined();
    const many = `${'<img src="http://x.example/a.jpg">'.repeat(60)}<img src="https://img.example/late.jpg">`;
    expect(firstBodyImage(many)).toBeUndefined();
  });

  it("stays linear on unclosed tags and brackets", () => {
    for (const [name, unit] of [["unclosed img", "<img src=a "], ["unclosed markdown image", "![a"]] as const) {
      const n = 2_000;
      const g = growth((k) => unit.repeat(k), firstBodyImage, n);
      expect(g.ratio, describeGrowth(name, n, g)).toBeLessThan(LINEAR_RATIO_BOUND);
    }
  });
});

import { describe, expect, it } from "vitest";
import { findSourceCredit, markupToPlainText } from "@/lib/content/plain-text";
import { renderBody } from "@/lib/content/render";
import { fixtureBody } from "../helpers/fixtures";
import { readerText } from "../helpers/reader-text";
import { LINEAR_RATIO_BOUND, describeGrowth, growth } from "../helpers/timing";

describe("lib/content/plain-text", () => {
  it("keeps reader text and drops tags, comments, scripts, styles and hidden elements", () => {
    const text = markupToPlainText(
      '<p style="display:none">隐藏</p><!-- c --><script>alert(1)</script><style>p{}</style><p>可见<b>加粗</b>文字。</p><p>第二段</p>',
    );
    expect(text).toBe("可见加粗文字。 第二段");
  });

  it("reads markdown links, images, headings and tables as text", () => {
    expect(markupToPlainText("## 标题\n\n[链接文字](http://x) ![图](http://y.png)\n\n| a | b |\n| --- | --- |\n| 1 | 2 |")).toBe(
      "标题 链接文字 a b 1 2",
    );
  });

  it("decodes entities, but never into markup that matters (it is text)", () => {
    expect(markupToPlainText("&lt;1% &amp; &#x4e2d;&#22269; &nbsp;x")).toBe("<1% & 中国 x");
  });

  it("agrees with the full render's text on the real rich post", () => {
    const body = fixtureBody("corpus/-202205262391921712.md");
    const cheap = markupToPlainText(body).replace(/\s+/g, "");
    const full = readerText(renderBody(body).html).replace(/\s+/g, "");
    // The credit paragraph leaves the rendered body; everything else matches character for character.
    expect(cheap.replace(/（文章来源：上海证券报）/, "")).toContain(full.slice(0, 200));
    expect(cheap.length).toBeGreaterThan(full.length * 0.95);
  });

  it("finds the last 文章来源 credit, with nested markup gone", () => {
    expect(findSourceCredit(markupToPlainText('<p class="em_media">（文章来源：上海<span><a href="x">证券</a></span>报）</p>'))).toBe(
      "上海证券报",
    );
    expect(findSourceCredit("没有来源的文字")).toBeUndefined();
  });

  describe("costs time in proportion to the body, whatever a scraper wrote", () => {
    // Each body froze the old regexes (cubic or quadratic); the sizes keep the old code to seconds, not hours.
    const hostile: [string, (n: number) => string, number][] = [
      ["lines of a space (the table-rule regex was cubic on whitespace runs)", (n) => " \n".repeat(n), 300],
      ["<a with no > after it", (n) => "<a".repeat(n), 4000],
      ["![ with no ] after it", (n) => "![".repeat(n), 4000],
      ["[ with no ] after it", (n) => "[x](".repeat(n), 4000],
      ["<script> never closed", (n) => "<script>".repeat(n), 4000],
      ["a hiding style in start tags never closed", (n) => '<p style="display:none"'.repeat(n), 100],
      ["nested <div>s (their spaces then met the table-rule regex)", (n) => "<div>".repeat(n), 5000],
    ];
    it.each(hostile)("%s", (name, make, n) => {
      const g = growth(make, markupToPlainText, n);
      expect(g.ratio, describeGrowth(name, n, g)).toBeLessThan(LINEAR_RATIO_BOUND);
    });
  });

  describe("what the linear scanners keep and drop", () => {
    it("drops the rest of the text after a <script> that never closes, as a browser does", () => {
      expect(markupToPlainText("前文<script>alert(1) 后文")).toBe("前文");
      expect(markupToPlainText("前文<script>x</script>中<style>p{}</STYLE >后文")).toBe("前文 中 后文");
    });

    it("keeps the text after an element that is not raw text and never closes (<embed> is void)", () => {
      expect(markupToPlainText('<embed src="x.swf">正文继续')).toBe("正文继续");
    });

    it("drops a hidden element up to its end tag, and keeps a hidden start tag that never closes", () => {
      expect(markupToPlainText('甲<span style="color:red;display: none">隐藏</span>乙')).toBe("甲 乙");
      expect(markupToPlainText("甲<span style='visibility:hidden'>隐藏</SPAN>乙")).toBe("甲 乙");
      expect(markupToPlainText('甲<span style="display:none">未闭合')).toBe("甲未闭合");
    });

    it("reads table delimiter rows as nothing and leaves other dashes", () => {
      expect(markupToPlainText("| a |\n|:---:|\n| 1 |")).toBe("a 1");
      expect(markupToPlainText("甲 --- 乙")).toBe("甲 --- 乙");
      expect(markupToPlainText("--- | ---")).toBe("");
    });

    it("reads links whose label holds brackets, and leaves brackets that are not links", () => {
      expect(markupToPlainText("[a [b](c) d [e] f")).toBe("a [b d [e] f");
      expect(markupToPlainText("![图](x.png)[文](y)")).toBe("文");
    });
  });
});

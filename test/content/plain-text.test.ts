import { describe, expect, it } from "vitest";
import { findSourceCredit, markupToPlainText } from "@/lib/content/plain-text";
import { renderBody } from "@/lib/content/render";
import { fixtureBody } from "../helpers/fixtures";

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
    const full = renderBody(body).text.replace(/\s+/g, "");
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
});

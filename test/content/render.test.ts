import { describe, expect, it } from "vitest";
import { extractLede, stripLegacyTrailer } from "@/lib/content/legacy-trailer";
import { renderBody } from "@/lib/content/render";
import { fixtureBody } from "../helpers/fixtures";
import { readerText } from "../helpers/reader-text";
import { LINEAR_RATIO_BOUND, describeGrowth, growth } from "../helpers/timing";

const html = (markdown: string) => renderBody(markdown).html;

/** Things that must never reach a reader's browser, whatever the input. */
function expectSafe(out: string) {
  expect(out).not.toMatch(/<script/i);
  expect(out).not.toMatch(/\son[a-z]+\s*=/i);
  expect(out).not.toMatch(/=\s*["']?\s*javascript:/i);
  expect(out).not.toMatch(/=\s*["']?\s*data:/i);
  expect(out).not.toMatch(/<(?:iframe|object|embed|form|style|base|meta|link|svg|math|input|button)\b/i);
  expect(out).not.toMatch(/\s(?:class|style|id)\s*=/i);
  expect(out).not.toContain("<!--");
}

describe("lib/content/render", () => {
  describe("keeps article structure", () => {
    it("keeps paragraphs, emphasis and lists", () => {
      const out = html("第一段 *强调* **加粗**\n\n第二段\n\n- 甲\n- 乙\n\n1. 一\n2. 二");
      expect(out).toContain("<p>第一段 <em>强调</em> <strong>加粗</strong></p>");
      expect(out).toContain("<p>第二段</p>");
      expect(out).toMatch(/<ul>\s*<li>甲<\/li>\s*<li>乙<\/li>\s*<\/ul>/);
      expect(out).toMatch(/<ol>\s*<li>一<\/li>\s*<li>二<\/li>\s*<\/ol>/);
    });

    it("keeps GFM tables with their alignment", () => {
      const out = html("| 股票 | 涨幅 |\n|:--|--:|\n| 蔚来 | 5% |");
      expect(out).toMatch(/<table>\s*<thead>\s*<tr>\s*<th align='left'>股票<\/th>\s*<th align='right'>涨幅<\/th>/);
      expect(out).toMatch(/<tbody>\s*<tr>\s*<td align='left'>蔚来<\/td>\s*<td align='right'>5%<\/td>/);
    });

    it("keeps publisher HTML tables", () => {
      const out = html('<table><tr><td colspan="2" style="color:red">合计</td></tr></table>');
      expect(out).toContain("<td colspan='2'>合计</td>");
    });

    it("keeps links and images", () => {
      const out = html("[原文](http://finance.eastmoney.com/a/1.html) [站内](/category/emnews) ![图](https://dfscdn.dfcfw.com/a.jpg)");
      expect(out).toContain("<a href='http://finance.eastmoney.com/a/1.html'");
      expect(out).toContain("<a href='/category/emnews'>站内</a>");
      expect(out).toMatch(/<img src='https:\/\/dfscdn\.dfcfw\.com\/a\.jpg' alt='图'/);
    });

    it("keeps blockquotes, code and line breaks", () => {
      const out = html("> 引用\n\n`code`\n\n<p>一<br>二</p>");
      expect(out).toMatch(/<blockquote>\s*<p>引用<\/p>\s*<\/blockquote>/);
      expect(out).toContain("<code>code</code>");
      expect(out).toContain("<p>一<br>二</p>");
    });

    it("demotes headings one level, because the page's <h1> is the headline", () => {
      const out = html("# 一\n\n## 二\n\n<h1>原始</h1>\n\n##### 五\n\n###### 六");
      expect(out).not.toContain("<h1");
      expect(out).toContain("<h2>一</h2>");
      expect(out).toContain("<h3>二</h3>");
      expect(out).toContain("<h2>原始</h2>");
      expect(out).toContain("<h6>五</h6>");
      expect(out).toContain("<h6>六</h6>");
    });
  });

  describe("removes what can run code or restyle the page", () => {
    it("drops <script> with its content", () => {
      const out = renderBody('前<script>alert("x")</script>后');
      expect(out.html).toBe("<p>前后</p>");
      expect(readerText(out.html)).not.toContain("alert");
    });

    it("drops on* event handler attributes", () => {
      const out = html('<p onclick="a()" onMouseOver="b()">文字</p><img src="http://a.example/i.png" onerror="c()">');
      expect(out).toContain("<p>文字</p>");
      expectSafe(out);
    });

    it.each([
      ['<a href="javascript:alert(1)">x</a>'],
      ['<a href="JaVaScRiPt:alert(1)">x</a>'],
      ['<a href=" javascript:alert(1)">x</a>'],
      ['<a href="java&#9;script:alert(1)">x</a>'],
      ['<a href="&#106;avascript:alert(1)">x</a>'],
      ["[x](javascript:alert(1))"],
      ["<javascript:alert(1)>"],
      ['<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>'],
      ['<img src="data:image/png;base64,AAAA">'],
      ['<img src="javascript:alert(1)">'],
      ["![x](data:image/svg+xml;base64,AAAA)"],
    ])("strips the dangerous URL in %s", (input) => {
      const out = html(input);
      expectSafe(out);
      expect(out).not.toMatch(/\s(?:href|src)=/);
    });

    it.each([
      ['<iframe src="http://evil.example/"></iframe>', "iframe"],
      ['<object data="x.swf"><param name="a" value="b"></object>', "object"],
      ['<embed src="x.swf">', "embed"],
      ['<form action="http://evil.example/"><input name="q"><button>提交</button></form>', "form"],
      ["<style>body{display:none}</style>", "style"],
      ['<base href="http://evil.example/">', "base"],
      ['<meta http-equiv="refresh" content="0;url=http://evil.example/">', "meta"],
      ['<link rel="stylesheet" href="http://evil.example/x.css">', "link"],
      ["<svg><script>alert(1)</script></svg>", "svg"],
    ])("leaves no <%s> element", (input, tag) => {
      const out = html(`${input}<p>正文</p>`);
      expect(out).not.toMatch(new RegExp(`<${tag}\\b`, "i"));
      expect(out).toContain("<p>正文</p>");
      expectSafe(out);
    });

    it("removes the content of code-like elements, not just the tags", () => {
      const out = renderBody(
        '<style>.x{color:red}</style><noscript>开启脚本</noscript><iframe src="http://evil.example/">不支持框架<b>x</b></iframe><p>正文</p>',
      );
      expect(readerText(out.html)).toBe("正文");
      expect(out.html).toBe("<p>正文</p>");
    });

    it("keeps the readable text of unknown wrappers (<center>, <div>, <font>)", () => {
      const out = renderBody('<center><font color="red">居中</font></center><div>块</div>');
      expect(readerText(out.html)).toBe("居中块");
      expect(out.html).not.toMatch(/<(?:center|div|font)/);
    });

    it("removes class, style and id attributes", () => {
      const out = html('<p class="em_media" style="color:red" id="x" data-code="1,600160" title="t">文字</p>');
      expect(out).toBe("<p>文字</p>");
    });

    it("removes HTML comments", () => {
      const out = html("<!-- EM_StockImg_Start --><p>文字</p><!-- EM_StockImg_End -->\n\n<!-- 独立注释 -->");
      expect(out.trim()).toBe("<p>文字</p>");
    });
  });

  describe("hidden elements", () => {
    it.each([
      ['<p style="display:none">秘密</p>'],
      ['<p style="display: none;">秘密</p>'],
      ['<p style="DISPLAY : NONE">秘密</p>'],
      ['<p style="Display:None !important">秘密</p>'],
      ['<p style="color:red;display:none;height:1px">秘密</p>'],
      ['<p style="color:red; display :none">秘密</p>'],
      ['<div style="visibility:hidden"><p>秘密</p></div>'],
      ["<p hidden>秘密</p>"],
      ['<p>可见<span style="display:none">秘密</span></p>'],
    ])("removes %s with its content", (input) => {
      const out = renderBody(`${input}<p>可见</p>`);
      expect(out.html).not.toContain("秘密");
      expect(readerText(out.html)).not.toContain("秘密");
      expect(readerText(out.html)).toContain("可见");
    });

    it("keeps elements whose style only looks like hiding", () => {
      const out = renderBody('<p style="display:nonesuch">甲</p><p style="x-display:none">乙</p><p style="display:block">丙</p>');
      expect(readerText(out.html)).toBe("甲 乙 丙");
    });

    it("leaves no trace of empty tracking spans", () => {
      const out = html('<p>巨化股份<span id="quote_1.600160"></span>、联创股份<span id="quote_0.300343"></span></p>');
      expect(out).toBe("<p>巨化股份、联创股份</p>");
    });

    it("removes paragraphs left empty once their spans are gone", () => {
      expect(html('<p><span id="bkquote_90.BK0493"></span></p><p>正文</p>')).toBe("<p>正文</p>");
    });

    it("keeps paragraphs that hold only an image", () => {
      expect(html('<p><img src="http://a.example/i.png"></p>')).toMatch(/^<p><img src='http:\/\/a\.example\/i\.png'/);
    });
  });

  describe("links and images", () => {
    it("marks external links rel=noopener noreferrer nofollow and drops target", () => {
      const out = html('<a href="http://quote.eastmoney.com/unify/r/106.NIO" target="_blank">蔚来</a>');
      expect(out).toBe("<p><a href='http://quote.eastmoney.com/unify/r/106.NIO' rel='noopener noreferrer nofollow'>蔚来</a></p>");
    });

    it("makes protocol-relative links https and external", () => {
      expect(html('<a href="//finews.withounder.com/emnews/">x</a>')).toBe(
        "<p><a href='https://finews.withounder.com/emnews/' rel='noopener noreferrer nofollow'>x</a></p>",
      );
    });

    it("leaves relative, fragment and mailto links without rel", () => {
      const out = html('<a href="/category/emnews">甲</a><a href="#top">乙</a><a href="mailto:a@b.example">丙</a>');
      expect(out).toBe("<p><a href='/category/emnews'>甲</a><a href='#top'>乙</a><a href='mailto:a@b.example'>丙</a></p>");
    });

    it("makes images lazy, async-decoded and referrer-free, keeping width and height", () => {
      const out = html('<img src="//dfscdn.dfcfw.com/a.jpg" alt="图" width="552" height="276" border="0" style="padding:3px">');
      expect(out).toBe(
        "<img src='https://dfscdn.dfcfw.com/a.jpg' alt='图' width='552' height='276' loading='lazy' decoding='async' referrerpolicy='no-referrer'>",
      );
    });
  });

  describe("source credit", () => {
    it("finds `（文章来源：X）` and drops a paragraph that says nothing else", () => {
      const out = renderBody("<p>正文。</p><p>（文章来源：上海证券报）</p>");
      expect(out.sourceCredit).toBe("上海证券报");
      expect(out.html).toBe("<p>正文。</p>");
    });

    it("reads the credit through nested stock-link spans", () => {
      const out = renderBody(
        '<p>正文。</p><p class="em_media">（文章来源：上海<span id="bk_90.BK0473"><a href="http://quote.eastmoney.com/unify/r/90.BK0473" class="keytip" data-code="90,BK0473">证券</a></span><span id="bkquote_90.BK0473"></span>报）</p>',
      );
      expect(out.sourceCredit).toBe("上海证券报");
      expect(out.html).toBe("<p>正文。</p>");
    });

    it("accepts ASCII parentheses, `来源` without 文章 and spaces", () => {
      expect(renderBody("<p>(来源: 新华社)</p>").sourceCredit).toBe("新华社");
      expect(renderBody("<p>（ 文章来源 ： 中国发展网 ）</p>").sourceCredit).toBe("中国发展网");
    });

    it("keeps a paragraph that says more than the credit", () => {
      const out = renderBody("<p>记者报道。（文章来源：中国发展网）</p>");
      expect(out.sourceCredit).toBe("中国发展网");
      expect(out.html).toBe("<p>记者报道。（文章来源：中国发展网）</p>");
    });

    it("does not take a picture credit or a bare name in parentheses as the source", () => {
      const out = renderBody("<p>图片来源：霍尼韦尔官网</p><p>（上海证券报）</p>");
      expect(out.sourceCredit).toBeUndefined();
      expect(readerText(out.html)).toBe("图片来源：霍尼韦尔官网 （上海证券报）");
    });
  });

  describe("text", () => {
    it("keeps a bare `<` as text (`<1%`), escaped in the HTML", () => {
      const body = stripLegacyTrailer(fixtureBody("corpus/2021-12-08-202112082206796814.md")).body;
      const out = renderBody(body);
      expect(readerText(out.html)).toContain("精度满足<1%，视场角达到120度以上");
      expect(out.html).toContain("精度满足&lt;1%，视场角");
      expect(out.html).not.toContain("<1%");
    });

    it("gives the reader-visible text with whitespace collapsed", () => {
      expect(readerText(html("甲\n\n  乙   丙\n\n- 丁"))).toBe("甲 乙 丙 丁");
    });

    it("is pure: the same input renders the same output", () => {
      const body = fixtureBody("corpus/-202205262391921712.md");
      expect(renderBody(body)).toEqual(renderBody(body));
    });
  });

  describe("the real rich post (`-202205262391921712.md`)", () => {
    const rendered = () => renderBody(extractLede(stripLegacyTrailer(fixtureBody("corpus/-202205262391921712.md")).body).body);

    it("is safe and clean", () => {
      const out = rendered();
      expectSafe(out.html);
      expect(out.html).not.toContain("<span");
      expect(out.html).not.toContain("<center");
      expect(out.html).not.toContain("data-code");
      expect(out.html).not.toContain("EmImageRemark");
    });

    it("drops the display:none paragraph that opened it", () => {
      expect(rendered().html.startsWith("<p><a href='http://quote.eastmoney.com/unify/r/106.NIO'")).toBe(true);
    });

    it("gives 上海证券报 as the credit and drops the credit paragraph", () => {
      const out = rendered();
      expect(out.sourceCredit).toBe("上海证券报");
      expect(readerText(out.html)).not.toContain("文章来源");
      expect(readerText(out.html).endsWith("产品已有少量销售，主要应用于空调领域。")).toBe(true);
    });

    it("keeps its images with their size, and its text entities as text", () => {
      const out = rendered();
      expect(out.html).toContain(
        "<img src='https://webquoteklinepic.eastmoney.com/GetPic.aspx?nid=106.NIO&#38;imageType=k&#38;token=28dfeb41d35cc81d84b4664d7c23c49f&#38;at=1' alt='K图 NIO_0' width='578' height='276' loading='lazy' decoding='async' referrerpolicy='no-referrer'>",
      );
      expect(out.html.match(/<img /g)).toHaveLength(4);
      expect(readerText(out.html)).toContain("《<蒙特利尔议定书>基加利修正案》");
      expect(readerText(out.html)).toContain("图片来源：霍尼韦尔官网");
    });
  });
});

describe("renderBody: images whose source was unsafe", () => {
  it("drops an img whose javascript: or data: src was removed, instead of leaving a broken box", () => {
    const { html } = renderBody('<p>前<img src="javascript:alert(1)" alt="x">后</p><p><img src="data:image/png;base64,AAAA" alt="y"></p>');
    expect(html).not.toContain("<img");
    expect(html).toContain("前后");
  });

  it("leaves no empty paragraph where such an image stood alone", () => {
    expect(renderBody("![图](javascript:alert(1))\n\n正文。").html.trim()).toBe("<p>正文。</p>");
  });
});

describe("renderBody: time in proportion to the body", () => {
  it("reads a credit followed by a long run of line breaks", () => {
    // The credit pattern's `\s*` around a 40-character name tried every split of the run, when no `）` came.
    const make = (n: number) => `<p>（来源：${"<br>".repeat(n)}新华社</p>`;
    const g = growth(make, renderBody, 3000);
    expect(g.ratio, describeGrowth("credit + <br>s", 3000, g)).toBeLessThan(LINEAR_RATIO_BOUND);
    expect(renderBody(`<p>（来源：${"<br>".repeat(3)}新华社）</p>`).sourceCredit).toBe("新华社");
  });

  it("tidies a body nested a hundred levels deep without reading each subtree again", () => {
    // Each element's emptiness check read its whole subtree: cubic in the depth.
    const make = (n: number) => `前言。\n\n${"> ".repeat(n)}正文`;
    const g = growth(make, renderBody, 100);
    expect(g.ratio, describeGrowth("nested quotes", 100, g)).toBeLessThan(LINEAR_RATIO_BOUND);
  });

  it("drops thousands of hidden elements and empty paragraphs in one pass", () => {
    const make = (n: number) => `<div>${'<span hidden>x</span><p></p><img src="javascript:x">'.repeat(n)}正文</div>`;
    const g = growth(make, renderBody, 1000);
    expect(g.ratio, describeGrowth("hidden and empty siblings", 1000, g)).toBeLessThan(LINEAR_RATIO_BOUND);
    expect(renderBody(make(3)).html).toBe("正文");
  });
});

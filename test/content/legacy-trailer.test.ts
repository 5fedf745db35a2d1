import { describe, expect, it } from "vitest";
import { extractLede, stripLegacyTrailer, toHttpUrl } from "@/lib/content/legacy-trailer";
import { fixtureBody } from "../helpers/fixtures";
import { LINEAR_RATIO_BOUND, describeGrowth, growth } from "../helpers/timing";

/** What must never be left in a body once its trailer is gone. */
function expectNoTrailer(body: string) {
  expect(body).not.toContain("返回");
  expect(body).not.toMatch(/^\s*<[^>]*>\s*$/m);
  expect(body).not.toMatch(/\s$/);
}

describe("lib/content/legacy-trailer", () => {
  describe("stripLegacyTrailer on the real corpus shapes", () => {
    it("digest: takes the `<url>` line as source and drops the two `[返回…](../…)` lines", () => {
      const body = fixtureBody("corpus/2021-12-08-202112082206735975.md");
      const result = stripLegacyTrailer(body);
      expect(result.sourceUrl).toBe("http://finance.eastmoney.com/news/1355,202112082206735975.html");
      expectNoTrailer(result.body);
      expect(result.body.trim().startsWith("记者今天从国家知识产权局")).toBe(true);
      expect(result.body.trim().split("\n")).toHaveLength(1);
    });

    it("digest, bare: a body ending at the source URL", () => {
      const result = stripLegacyTrailer(fixtureBody("corpus/2021-12-08-202112082206710723.md"));
      expect(result.sourceUrl).toBe("http://futures.eastmoney.com/news/1517,202112082206710723.html");
      expectNoTrailer(result.body);
      expect(result.body.trim().startsWith("面对今冬明春能源供需紧张形势")).toBe(true);
    });

    it("one-line back links joined by `｜`, absolute `//finews.withounder.com/…`", () => {
      const result = stripLegacyTrailer(fixtureBody("corpus/2021-12-08-202112082206945215.md"));
      expect(result.sourceUrl).toBe("http://stock.eastmoney.com/news/1405,202112082206945215.html");
      expectNoTrailer(result.body);
      expect(result.body).not.toContain("withounder");
    });

    it("source category post: the share URL is the source, the `category/…html` back links go", () => {
      const result = stripLegacyTrailer(fixtureBody("corpus/2022-04-18-202204182346860319.md"));
      expect(result.sourceUrl).toBe(
        "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202204182346860319",
      );
      expectNoTrailer(result.body);
      expect(result.body).toContain("（文章来源：中国发展网）");
    });

    it("an empty `<>` gives no source URL and leaves the body", () => {
      const result = stripLegacyTrailer(fixtureBody("corpus/2021-12-08-202112082206870651.md"));
      expect(result.sourceUrl).toBeUndefined();
      expectNoTrailer(result.body);
      expect(result.body.trim().endsWith("(东方财富Choice数据)")).toBe(true);
    });

    it("rich post: `<>` and the `｜` links go, the article HTML stays whole", () => {
      const before = fixtureBody("corpus/-202205262391921712.md");
      const result = stripLegacyTrailer(before);
      expect(result.sourceUrl).toBeUndefined();
      expectNoTrailer(result.body);
      expect(result.body.trim().endsWith('<span id="bkquote_90.BK0473"></span>报）</p>')).toBe(true);
    });

    it("a post without a trailer keeps its body", () => {
      const result = stripLegacyTrailer(fixtureBody("corpus/2021-12-01-init.md"));
      expect(result).toEqual({ body: "\n祝贺开站", sourceUrl: undefined });
    });
  });

  describe("stripLegacyTrailer rules", () => {
    it("drops one-line relative back links joined by `｜` or `|`", () => {
      for (const sep of ["｜", "|", " ｜ "]) {
        const result = stripLegacyTrailer(`正文。\n\n<https://a.example/1>\n\n[返回东财滚动新闻](../emnews/)${sep}[返回首页](../)`);
        expect(result).toEqual({ body: "正文。", sourceUrl: "https://a.example/1" });
      }
    });

    it("drops back links whose destination holds balanced parentheses (finews categories such as `xxx(yyy)`)", () => {
      const trailer =
        "[返回安信国际证券(香港)新闻](//finews.withounder.com/category/anxinguojizhengquan(xianggang).html)｜[返回首页](//finews.withounder.com/)";
      for (const layout of [`\n\n${trailer}`, `\n\n${trailer.replace("｜", "\n\n")}`]) {
        const result = stripLegacyTrailer(`正文。\n\n<http://www.eastmoney.com/a/1.html>${layout}`);
        expect(result).toEqual({ body: "正文。", sourceUrl: "http://www.eastmoney.com/a/1.html" });
      }
    });

    it("keeps a link whose parentheses do not balance: it is not a back link", () => {
      const result = stripLegacyTrailer("正文。\n\n[返回首页](//a.example/x(y.html)");
      expect(result.body).toContain("返回首页");
    });

    it("stays linear on a long unbalanced destination", () => {
      const n = 2_000;
      const g = growth((k) => `[返回首页](${"(a)x".repeat(k)}((((`, stripLegacyTrailer, n);
      expect(g.ratio, describeGrowth("unbalanced back-link destination", n, g)).toBeLessThan(LINEAR_RATIO_BOUND);
    });

    it("does not take a `javascript:` autolink as the source URL", () => {
      const result = stripLegacyTrailer("正文。\n\n<javascript:alert(document.cookie)>\n\n[返回首页](../)");
      expect(result.sourceUrl).toBeUndefined();
      expect(result.body).not.toContain("返回");
    });

    it.each(["<data:text/html,hi>", "<mailto:a@b.example>", "<ftp://files.example/x>", "<not a url>"])(
      "takes no source URL from %s",
      (line) => {
        expect(stripLegacyTrailer(`正文。\n\n${line}`).sourceUrl).toBeUndefined();
      },
    );

    it("makes a protocol-relative source URL https", () => {
      expect(stripLegacyTrailer("正文。\n\n<//finance.eastmoney.com/a/1.html>").sourceUrl).toBe(
        "https://finance.eastmoney.com/a/1.html",
      );
    });

    it("takes only the last URL line; an earlier one stays in the body", () => {
      const result = stripLegacyTrailer("正文。\n\n<http://a.example/1>\n\n<http://b.example/2>");
      expect(result.sourceUrl).toBe("http://b.example/2");
      expect(result.body).toBe("正文。\n\n<http://a.example/1>");
    });

    it("leaves a URL line that is followed by more text alone", () => {
      const markdown = "正文。\n\n<http://a.example/1>\n\n后记。";
      expect(stripLegacyTrailer(markdown)).toEqual({ body: markdown, sourceUrl: undefined });
    });

    it("leaves `[返回…]` links in the middle of the body alone", () => {
      const markdown = "[返回顶部](#top)\n\n正文。";
      expect(stripLegacyTrailer(markdown).body).toBe(markdown);
    });

    it("keeps an ordinary link on the last line", () => {
      const markdown = "正文。\n\n[原文](http://a.example/1)";
      expect(stripLegacyTrailer(markdown)).toEqual({ body: markdown, sourceUrl: undefined });
    });
  });

  describe("toHttpUrl", () => {
    it.each([
      ["http://a.example/x?y=1", "http://a.example/x?y=1"],
      ["https://a.example", "https://a.example/"],
      ["//a.example/x", "https://a.example/x"],
      ["javascript:alert(1)", undefined],
      ["JAVASCRIPT:alert(1)", undefined],
      ["data:text/html,x", undefined],
      ["/relative/path", undefined],
      ["", undefined],
    ])("%j → %j", (raw, expected) => {
      expect(toHttpUrl(raw)).toBe(expected);
    });
  });

  describe("extractLede", () => {
    it("takes the rich post's leading `> ` line as its lede and removes it from the body", () => {
      const body = stripLegacyTrailer(fixtureBody("corpus/-202205262391921712.md")).body;
      const result = extractLede(body);
      expect(result.lede).toBe(
        "据霍尼韦尔官网消息，5月24日，霍尼韦尔宣布为蔚来旗下ET7新能源汽车提供HFO-1234yf(四氟丙烯)制冷剂。据悉，这也标志着蔚来成为国内首家使用HFO-1234yf制冷剂的汽车企业。（上海证券报）",
      );
      expect(result.body).not.toMatch(/^\s*>/m);
      expect(result.body.trim().startsWith('<p style="display:none;')).toBe(true);
    });

    it("joins several leading `>` lines with spaces, after blank lines", () => {
      expect(extractLede("\n> 第一行\n>第二行\n   > 第三行\n\n正文")).toEqual({
        lede: "第一行 第二行 第三行",
        body: "\n正文",
      });
    });

    it("finds no lede when the body does not open with `>`", () => {
      const markdown = "正文。\n\n> 引用不是摘要";
      expect(extractLede(markdown)).toEqual({ body: markdown });
    });

    it("finds no lede in an empty `>` line and keeps the body", () => {
      const markdown = ">\n> \n正文";
      expect(extractLede(markdown)).toEqual({ body: markdown });
    });

    it("does not treat an indented code block starting with `>` as a lede", () => {
      const markdown = "    > code\n正文";
      expect(extractLede(markdown)).toEqual({ body: markdown });
    });
  });

  it("costs time in proportion to the last line, however many spaces follow a back link", () => {
    // `\s*[｜|]?\s*` tried every split of a whitespace run: quadratic in the run.
    const make = (n: number) => `正文\n[返回东财滚动新闻](../emnews/)${" ".repeat(n)}x`;
    const g = growth(make, stripLegacyTrailer, 5000);
    expect(g.ratio, describeGrowth("back link + spaces", 5000, g)).toBeLessThan(LINEAR_RATIO_BOUND);
    expect(stripLegacyTrailer("正文\n[返回a](b)  ｜  [返回首页](/)  ").body).toBe("正文");
  });
});

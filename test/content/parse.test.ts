import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { urlKey } from "@/lib/content/categories";
import { parsePost, renderPostBody } from "@/lib/content/parse";
import type { ContentProblem, ParsedPost, ParseResult, SourceFile } from "@/lib/content/types";
import { toIsoShanghai } from "@/lib/time";
import { FIXED_MTIME, REPO_CONTENT_DIR, fixtureSource, textSource } from "../helpers/fixtures";

function parsed(result: ParseResult): { post: ParsedPost; problems: ContentProblem[] } {
  if (!result.ok) throw new Error(`expected a post, got: ${result.problems.map((p) => p.reason).join("; ")}`);
  return result;
}

function skipped(result: ParseResult): ContentProblem {
  expect(result.ok).toBe(false);
  expect(result.problems).toHaveLength(1);
  const [problem] = result.problems;
  expect(problem.severity).toBe("error");
  return problem;
}

/** A parsed post with the body its article page would render, for rules about the body. */
function parsedWithBody(file: SourceFile): { post: ParsedPost & { bodyHtml: string }; problems: ContentProblem[] } {
  const { post, problems } = parsed(parsePost(file));
  const bodyHtml = renderPostBody(file);
  if (bodyHtml === undefined) throw new Error(`expected a body for ${file.relativePath}`);
  return { post: { ...post, bodyHtml }, problems };
}

const warnings = (problems: ContentProblem[]) => problems.filter((p) => p.severity === "warning").map((p) => p.reason);

/** Markup must not reach summaries: no tags, no entities. */
const MARKUP = /<\/?[a-z!][^>]*>|&(?:#x?[0-9a-f]+|[a-z]+);/i;

describe("lib/content/parse", () => {
  describe("every real sample post", () => {
    const dir = path.join(REPO_CONTENT_DIR, "_posts");
    const names = readdirSync(dir).filter((n) => n.endsWith(".md")).sort();

    it("finds the 55 samples", () => {
      expect(names).toHaveLength(55);
    });

    it.each(names)("parses %s into a safe post with a title, date, summary and body", (name) => {
      const bytes = readFileSync(path.join(dir, name));
      const file: SourceFile = { path: path.join(dir, name), relativePath: `_posts/${name}`, bytes, mtimeMs: FIXED_MTIME };
      const { post, problems } = parsedWithBody(file);
      expect(problems.every((p) => p.severity === "warning")).toBe(true);
      expect(post.id).toBe(name.replace(/\.md$/, ""));
      expect(post.file).toBe(`_posts/${name}`);
      expect(post.title.trim()).not.toBe("");
      // No sample falls back to mtime: every one has a date in its front matter or name.
      expect(post.publishedAt).not.toBe(FIXED_MTIME);
      expect(toIsoShanghai(post.publishedAt)).toMatch(/^202[12]-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
      expect(post.summary).not.toBe("");
      expect(post.summary).not.toContain("<");
      expect(post.summary).not.toMatch(MARKUP);
      expect(Array.from(post.summary).length).toBeLessThanOrEqual(121);
      expect(post.bodyHtml).not.toBe("");
      expect(post.bodyHtml).not.toMatch(/<script|\son[a-z]+=|\s(?:class|style|id)=|<!--/i);
      expect(post.bodyHtml).not.toContain("返回");
      expect(post.bodyHtml).not.toMatch(/&lt;https?:/);
      expect(post.source.name).not.toBe("");
      expect(post.tags.length).toBeGreaterThan(0);
      expect(urlKey(post.categorySlug)).toMatch(/^[a-z0-9_-]+$/);
    });
  });

  describe("the rich post `-202205262391921712.md`", () => {
    const result = () => parsedWithBody(fixtureSource("corpus/-202205262391921712.md"));

    it("takes its empty title from the summary, with a warning on the title line", () => {
      const { post, problems } = result();
      expect(post.title).toBe("据霍尼韦尔官网消息，5月24日，霍尼韦尔宣布为蔚来旗下ET7新能源汽车提供HFO-1234yf(四氟丙烯)制冷剂。");
      const warning = problems.find((p) => p.reason.startsWith("title is empty"));
      expect(warning).toMatchObject({ file: "_posts/-202205262391921712.md", line: 3, severity: "warning" });
    });

    it("dates itself 2022-05-26 from the file name, warning with the broken date value", () => {
      const { post, problems } = result();
      expect(toIsoShanghai(post.publishedAt)).toBe("2022-05-26T00:00:00+08:00");
      const warning = problems.find((p) => p.reason.includes("file name"));
      expect(warning?.line).toBe(4);
      expect(warning?.reason).toContain("'+0800'");
      expect(warning?.reason).toContain("2022-05-26");
    });

    it("names 上海证券报 as its source (from the credit, not the tag) and has no source URL", () => {
      const { post, problems } = result();
      expect(post.source).toEqual({ name: "上海证券报", url: undefined });
      expect(warnings(problems)).toContain("has no source URL (the '<http://…>' line)");
    });

    it("uses its `> ` line as the summary and keeps it out of the body", () => {
      const { post } = result();
      expect(post.summary.startsWith("据霍尼韦尔官网消息")).toBe(true);
      expect(post.summary.endsWith("（上海证券报）")).toBe(true);
      expect(post.bodyHtml).not.toContain("<blockquote");
      expect(post.bodyHtml).not.toContain("文章来源");
    });

    it("keeps category, tags and id", () => {
      const { post } = result();
      expect(post).toMatchObject({ id: "-202205262391921712", categorySlug: "emnews", tags: ["东财滚动新闻"] });
    });

    it("reports exactly the three repairs it needed", () => {
      expect(result().problems).toHaveLength(3);
    });
  });

  describe("the source-category post `2022-04-18-202204182346860319.md`", () => {
    const result = () => parsedWithBody(fixtureSource("corpus/2022-04-18-202204182346860319.md"));

    it("parses without any problem although no blank line follows the front matter", () => {
      const { post, problems } = result();
      expect(problems).toEqual([]);
      expect(post.title).toBe("山西阳泉以更强活力助推高质量发展");
      expect(toIsoShanghai(post.publishedAt)).toBe("2022-04-18T16:12:05+08:00");
    });

    it("names 中国发展网 with its share URL as the source", () => {
      expect(result().post.source).toEqual({
        name: "中国发展网",
        url: "http://finews.zning.xyz/html_News/NewsShare.html?infoCode=NW202204182346860319",
      });
    });

    it("keeps no trailer or credit text in the body", () => {
      const { post } = result();
      expect(post.bodyHtml).not.toContain("返回");
      expect(post.bodyHtml).not.toContain("finews.zning.xyz");
      expect(post.bodyHtml).not.toContain("文章来源");
      expect(post.bodyHtml.startsWith("<p>赵晓娟")).toBe(true);
      expect(post.bodyHtml).toContain("<p><strong>坚持以开放带发展</strong></p>");
    });

    it("summarises the first sentences in plain text", () => {
      expect(result().post.summary).toBe(
        "赵晓娟记者郭建军报道春天的阳泉，一派盎然生机。3月24日至25日，山西省委书记林武深入阳泉市产业园区、企业车间、项目一线，就开发区建设和智能制造、新能源新材料、数字经济、文化创意等产业发展进行调研。",
      );
    });
  });

  describe("other real shapes", () => {
    it("digest: source URL, tag-derived source name, Shanghai time without offset", () => {
      const { post, problems } = parsedWithBody(fixtureSource("corpus/2021-12-08-202112082206735975.md"));
      expect(problems).toEqual([]);
      expect(post.title).toBe("国家知识产权局：打击非正常专利申请和商标恶意抢注行为");
      expect(toIsoShanghai(post.publishedAt)).toBe("2021-12-08T10:39:01+08:00");
      expect(post.source).toEqual({ name: "东财滚动", url: "http://finance.eastmoney.com/news/1355,202112082206735975.html" });
      expect(post.bodyHtml).toMatch(/^<p>记者今天从国家知识产权局[^<]*<\/p>$/);
    });

    it("digest with `+0800`: the offset is honoured", () => {
      const { post } = parsedWithBody(fixtureSource("corpus/2021-12-08-202112082206704122.md"));
      expect(toIsoShanghai(post.publishedAt)).toBe("2021-12-08T10:19:17+08:00");
    });

    it("`…870651.md` with an empty `<>` has no source URL, with a warning", () => {
      const { post, problems } = parsedWithBody(fixtureSource("corpus/2021-12-08-202112082206870651.md"));
      expect(post.source.url).toBeUndefined();
      expect(post.bodyHtml).not.toContain("&lt;>");
      expect(warnings(problems)).toEqual(["has no source URL (the '<http://…>' line)"]);
    });

    it("`…703990.md` with a blank line before `---` parses", () => {
      const { post, problems } = parsedWithBody(fixtureSource("corpus/2021-12-08-202112082206703990.md"));
      expect(problems).toEqual([]);
      expect(post.title).toBe("FF：有充足的现金支持到FF 91完成投产");
      expect(toIsoShanghai(post.publishedAt)).toBe("2021-12-08T10:18:31+08:00");
    });

    it("`…796814.md` keeps its bare `<1%` as text", () => {
      const { post } = parsedWithBody(fixtureSource("corpus/2021-12-08-202112082206796814.md"));
      expect(post.bodyHtml).toContain("精度满足&lt;1%");
    });

    it("the site notice files under sitenews with 站长消息", () => {
      const { post } = parsedWithBody(fixtureSource("corpus/2021-12-01-init.md"));
      expect(post).toMatchObject({ title: "开站大吉", categorySlug: "sitenews", tags: ["站长消息"], summary: "祝贺开站" });
      expect(post.source.name).toBe("站长消息");
    });
  });

  describe("skipped posts: one error naming the file and the reason", () => {
    it.each([
      ["posts/broken-yaml-unclosed-quote.md", /^YAML: unclosed quote on line 3$/, 3],
      ["posts/broken-yaml-bad-indentation.md", /^YAML: .* on line 4$/, 4],
      ["posts/gbk-encoded.md", /^not UTF-8 \(looks like GBK\)/, undefined],
      ["posts/latin1-encoded.md", /^not UTF-8/, undefined],
      ["posts/no-front-matter.md", /^no front matter/, 1],
      ["posts/front-matter-never-closed.md", /^front matter never closed/, 1],
      ["posts/neither-title-nor-date.md", /^has neither a title nor a date$/, undefined],
    ])("%s", (fixture, reason, line) => {
      const problem = skipped(parsePost(fixtureSource(fixture)));
      expect(problem.file).toBe(`_posts/${path.basename(fixture)}`);
      expect(problem.reason).toMatch(reason);
      expect(problem.line).toBe(line);
    });

    it("an empty file", () => {
      expect(skipped(parsePost(textSource("_posts/empty.md", ""))).reason).toBe("the file is empty");
    });

    it("an empty title with no text to take one from", () => {
      const problems = parsePost(textSource("_posts/2021-12-08-blank.md", '---\ntitle: ""\ndate: 2021-12-08\n---\n\n<p style="display:none">x</p>'));
      expect(problems.ok).toBe(false);
      expect(problems.problems.at(-1)).toMatchObject({ severity: "error", line: 2 });
      expect(problems.problems.at(-1)?.reason).toMatch(/^title is empty and the post has no text/);
    });

    it("never throws, whatever the bytes", () => {
      let seed = 7;
      const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
      for (let i = 0; i < 200; i++) {
        const bytes = new Uint8Array(1 + (i % 50)).map(next);
        const prefixed = new Uint8Array([...new TextEncoder().encode("---\ntitle: x\n---\n"), ...bytes]);
        for (const b of [bytes, prefixed]) {
          const result = parsePost({ path: "/x", relativePath: "_posts/x.md", bytes: b, mtimeMs: 0 });
          expect(typeof result.ok).toBe("boolean");
        }
      }
    });
  });

  describe("repairs: published with a warning", () => {
    it("a title but no date anywhere: the file's modification time, with a warning", () => {
      const mtime = Date.UTC(2021, 11, 8, 1, 2, 3);
      const { post, problems } = parsedWithBody(fixtureSource("posts/title-but-no-date.md", { mtimeMs: mtime }));
      expect(post.publishedAt).toBe(mtime);
      expect(post.title).toBe("只有标题");
      expect(warnings(problems)).toEqual([
        "has no date in its front matter or file name; the file's modification time stands in for it",
      ]);
    });

    it("a date that is only `+0800` in a dated file name: the name's date, with the value in the warning", () => {
      const { post, problems } = parsed(
        parsePost(textSource("_posts/2021-12-08-x.md", post_("title: 标题\ndate:  +0800\ncategories: emnews\ntags: 东财滚动新闻"))),
      );
      expect(toIsoShanghai(post.publishedAt)).toBe("2021-12-08T00:00:00+08:00");
      expect(problems[0]).toMatchObject({ line: 3, severity: "warning" });
      expect(problems[0].reason).toBe("date '+0800' has no date; the date in the file name (2021-12-08) stands in for it");
    });

    it("a date in year 1: never published as 1901 (Date.UTC reads years 0-99 as 1900-1999); the file's time, saying why", () => {
      const mtime = Date.UTC(2021, 11, 8, 1, 2, 3);
      const { post, problems } = parsedWithBody(fixtureSource("posts/date-year-one.md", { mtimeMs: mtime }));
      expect(post.publishedAt).toBe(mtime);
      expect(problems).toEqual([
        {
          file: "_posts/date-year-one.md",
          line: 4,
          severity: "warning",
          reason: "date '0001-01-01 00:00:00 +0800' is out of range (year 1 is before 1000); the file's modification time stands in for it",
        },
      ]);
    });

    it.each([
      ["0001-01-01", "year 1 is before 1000"],
      ["0999-12-31", "year 999 is before 1000"],
      ["10000-01-01", "year 10000 is after 9999"],
    ])("a date '%s' in a dated file name: the name's date, saying why", (value, why) => {
      const { post, problems } = parsed(parsePost(textSource("_posts/2021-12-08-x.md", post_(`title: 标题\ndate: ${value}\ncategories: emnews\ntags: 东财滚动新闻`))));
      expect(toIsoShanghai(post.publishedAt)).toBe("2021-12-08T00:00:00+08:00");
      expect(problems[0].reason).toBe(`date '${value}' is out of range (${why}); the date in the file name (2021-12-08) stands in for it`);
    });

    it("no date field in a dated file name: the name's date, with a warning", () => {
      const { post, problems } = parsedWithBody(textSource("_posts/2021-12-08-x.md", post_("title: 标题\ncategories: emnews")));
      expect(toIsoShanghai(post.publishedAt)).toBe("2021-12-08T00:00:00+08:00");
      expect(warnings(problems)).toContain("has no date; the date in the file name (2021-12-08) stands in for it");
    });

    it("a post without a category files under 'uncategorized', with a warning", () => {
      const { post, problems } = parsedWithBody(fixtureSource("posts/no-category.md"));
      expect(post.categorySlug).toBe("uncategorized");
      expect(warnings(problems)).toContain("has no category; filed under 'uncategorized'");
    });

    it("numbers and `+0800` stay text: `title: 2021` is the title 2021", () => {
      const { post } = parsedWithBody(fixtureSource("posts/values-stay-strings.md"));
      expect(post).toMatchObject({ title: "2021", categorySlug: "2022", tags: ["2023", "true"], publishedAt: FIXED_MTIME });
    });
  });

  describe("fields", () => {
    it("reads a BOM + CRLF file like any other", () => {
      const { post, problems } = parsedWithBody(fixtureSource("posts/crlf-bom.md"));
      expect(problems).toEqual([]);
      expect(post.title).toBe("Windows 保存的文件");
      expect(toIsoShanghai(post.publishedAt)).toBe("2021-12-08T10:46:18+08:00");
      expect(post.bodyHtml).toBe("<p>第一段。</p>\n<p>第二段。</p>");
      expect(post.source.url).toBe("http://finance.eastmoney.com/news/1,2.html");
    });

    it("takes the first of a categories list and keeps a tags list", () => {
      const { post } = parsedWithBody(fixtureSource("posts/categories-list.md"));
      expect(post.categorySlug).toBe("Wind");
      expect(post.tags).toEqual(["万得新闻", "东财滚动新闻"]);
      expect(post.source.name).toBe("万得");
    });

    it("reads Jekyll's singular `category`", () => {
      expect(parsedWithBody(fixtureSource("posts/category-singular.md")).post.categorySlug).toBe("sitenews");
    });

    it("keeps slugs with spaces and parentheses exactly", () => {
      expect(parsedWithBody(fixtureSource("posts/category-with-spaces.md")).post.categorySlug).toBe("21shijijingjibaodao 21caijingAPP");
      expect(parsedWithBody(fixtureSource("posts/category-with-parentheses.md")).post.categorySlug).toBe("anxinguojizhengquan(xianggang)");
    });

    it("takes the source link and drops the trailer of a post whose category has parentheses", () => {
      const { post, problems } = parsedWithBody(fixtureSource("posts/category-with-parentheses.md"));
      expect(post.source.url).toBe("http://www.eastmoney.com/a/202112082206431111.html");
      expect(post.bodyHtml).not.toContain("返回");
      expect(problems.map((p) => p.reason)).not.toContainEqual(expect.stringContaining("no source URL"));
    });

    it("keeps a `../../etc` slug as data (its URL key is safe), and strips control characters", () => {
      const traversal = parsedWithBody(fixtureSource("posts/category-path-traversal.md")).post.categorySlug;
      expect(traversal).toBe("../../etc");
      expect(urlKey(traversal)).toMatch(/^etc-[0-9a-f]{8}$/);
      expect(parsedWithBody(fixtureSource("posts/category-control-characters.md")).post.categorySlug).toBe("emnews");
    });

    it("keeps a tags list as is, without duplicates", () => {
      expect(parsedWithBody(fixtureSource("posts/tags-list-kept-as-is.md")).post.tags).toEqual(["中国 发展网新闻", "东财滚动新闻"]);
    });

    it("collapses whitespace in titles", () => {
      const { post } = parsedWithBody(textSource("_posts/2021-12-08-x.md", post_('title: "  甲\\t乙   丙 "\ndate: 2021-12-08')));
      expect(post.title).toBe("甲 乙 丙");
    });

    it("does not take a `javascript:` autolink as the source URL, nor let it into a link", () => {
      const { post, problems } = parsedWithBody(fixtureSource("posts/javascript-autolink.md"));
      expect(post.source.url).toBeUndefined();
      expect(warnings(problems)).toContain("has no source URL (the '<http://…>' line)");
      expect(post.bodyHtml).not.toMatch(/href=["']?\s*javascript:/i);
      expect(post.bodyHtml).not.toContain("返回");
    });

    it("drops one-line relative back links", () => {
      const { post } = parsedWithBody(fixtureSource("posts/one-line-relative-back-links.md"));
      expect(post.bodyHtml).toBe("<p>正文。</p>");
      expect(post.source.url).toBe("https://finance.eastmoney.com/a/1.html");
    });

    it("a multi-line lede becomes a plain-text summary and leaves the body", () => {
      const { post } = parsedWithBody(fixtureSource("posts/multi-line-lede.md"));
      expect(post.summary).toBe("第一行摘要，加粗。 第二行摘要。");
      expect(post.bodyHtml).toBe("<p>正文第一段。</p>");
    });

    it("a summary from the body is at most about 120 characters and plain text", () => {
      const body = `<p><strong>${"市场".repeat(40)}。</strong>${"下跌".repeat(80)}。</p>`;
      const { post } = parsedWithBody(textSource("_posts/2021-12-08-x.md", post_("title: t\ndate: 2021-12-08", body)));
      expect(post.summary).toBe(`${"市场".repeat(40)}。`);
      expect(post.summary).not.toMatch(MARKUP);
    });

    it("sanitizes a hostile post's body", () => {
      const { post } = parsedWithBody(fixtureSource("posts/hostile-html.md"));
      expect(toIsoShanghai(post.publishedAt)).toBe("2021-12-08T10:46:18+08:00");
      expect(post.bodyHtml).toContain("<p>可见的正文。</p>");
      expect(post.bodyHtml).not.toMatch(/<(?:script|iframe|object|embed|form|input|style|base|meta)\b/i);
      expect(post.bodyHtml).not.toMatch(/\son[a-z]+=|\s(?:class|style|id)=|javascript:|data:|<!--/i);
      expect(post.bodyHtml).not.toContain("隐藏的文字");
      expect(post.summary).toBe("可见的正文。 脚本链接");
    });
  });
});

function post_(frontMatter: string, body = "正文。"): string {
  return `---\n${frontMatter}\n---\n\n${body}`;
}

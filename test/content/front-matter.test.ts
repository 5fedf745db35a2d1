import { describe, expect, it } from "vitest";
import { decodePostBytes } from "@/lib/content/decode";
import { splitFrontMatter } from "@/lib/content/front-matter";
import { fixtureBytes } from "../helpers/fixtures";
import { LINEAR_RATIO_BOUND, describeGrowth, growth } from "../helpers/timing";

function splitFixture(relative: string) {
  const decoded = decodePostBytes(fixtureBytes(relative));
  if (!decoded.ok) throw new Error(decoded.reason);
  return splitFrontMatter(decoded.text);
}

describe("lib/content/front-matter", () => {
  it("splits fields from the body and says on which line the body starts", () => {
    const result = splitFrontMatter('---\ntitle: "标题"\ncategories: emnews\n---\n\n正文第一行\n第二行');
    expect(result).toEqual({
      ok: true,
      data: { title: "标题", categories: "emnews" },
      body: "\n正文第一行\n第二行",
      bodyStartLine: 5,
    });
  });

  it("reads a real post with a body directly under the closing `---`", () => {
    const result = splitFixture("corpus/2022-04-18-202204182346860319.md");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ layout: "post", date: "2022-04-18 16:12:05 +0800", tags: "中国发展网新闻" });
    expect(result.body.startsWith("<p>")).toBe(true);
    expect(result.bodyStartLine).toBe(8);
  });

  it("tolerates blank lines before the opening `---` (the real `…703990.md`)", () => {
    const result = splitFixture("corpus/2021-12-08-202112082206703990.md");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.title).toBe("FF：有充足的现金支持到FF 91完成投产");
    expect(result.data.date).toBe("2021-12-08 10:18:31");
    expect(result.bodyStartLine).toBe(9);
  });

  it("tolerates several blank lines before `---` and counts them in line numbers", () => {
    const result = splitFixture("posts/leading-blank-line.md");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data.title).toBe("前面有两个空行");
    expect(result.bodyStartLine).toBe(10);
  });

  it("reports a file without front matter as 'no front matter' at its first line", () => {
    const result = splitFixture("posts/no-front-matter.md");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.startsWith("no front matter")).toBe(true);
    expect(result.line).toBe(1);
  });

  it("reports an empty or blank file as empty", () => {
    expect(splitFrontMatter("")).toMatchObject({ ok: false, reason: "the file is empty" });
    expect(splitFrontMatter("\n  \n\n")).toMatchObject({ ok: false, reason: "the file is empty" });
  });

  it("reports front matter without a closing `---` as never closed, pointing at the opening line", () => {
    const result = splitFixture("posts/front-matter-never-closed.md");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.startsWith("front matter never closed")).toBe(true);
    expect(result.line).toBe(1);
  });

  it("reports an unclosed quote as YAML, on the file line where the quote opens", () => {
    const result = splitFixture("posts/broken-yaml-unclosed-quote.md");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.startsWith("YAML:")).toBe(true);
    expect(result.reason).toContain("unclosed quote");
    // Line 3 is `title: "没有闭合的引号`.
    expect(result.line).toBe(3);
    expect(result.reason).toContain("line 3");
  });

  it("counts blank lines before `---` in the line of a YAML error", () => {
    const result = splitFrontMatter("\n\n---\nlayout: post\ntitle: 'abc\ndate: x\n---\nbody");
    expect(result).toMatchObject({ ok: false, line: 5 });
  });

  it("reports other YAML errors with the file line of the offending field", () => {
    const result = splitFixture("posts/broken-yaml-bad-indentation.md");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.startsWith("YAML:")).toBe(true);
    // Line 4 is the wrongly indented `  date: …`.
    expect(result.line).toBe(4);
    expect(result.reason).toContain("line 4");
  });

  it("rejects front matter that is not a mapping", () => {
    const result = splitFrontMatter("---\njust a sentence\n---\nbody");
    expect(result).toMatchObject({ ok: false, line: 2 });
    if (result.ok) return;
    expect(result.reason).toContain("not a list of 'field: value' lines");
  });

  it("keeps every value a string: `date:  +0800`, `title: 2021`, a bare date, `true`", () => {
    const result = splitFixture("posts/values-stay-strings.md");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.data).toMatchObject({ title: "2021", date: "+0800", categories: "2022", tags: "2023 true" });

    const dated = splitFrontMatter("---\ndate: 2021-12-08 10:46:18\npublished: false\ncount: 0x10\n---\n");
    expect(dated.ok && dated.data).toEqual({ date: "2021-12-08 10:46:18", published: "false", count: "0x10" });
  });

  it("keeps YAML lists as lists of strings", () => {
    const result = splitFrontMatter("---\ncategories: [Wind, 2021]\ntags:\n  - a\n  - 12\n---\n");
    expect(result.ok && result.data).toEqual({ categories: ["Wind", "2021"], tags: ["a", "12"] });
  });

  it("accepts `...` as the closing delimiter and leaves later `---` lines in the body", () => {
    const result = splitFrontMatter("---\ntitle: x\n...\npara\n\n---\n\nmore");
    expect(result).toMatchObject({ ok: true, data: { title: "x" }, body: "para\n\n---\n\nmore", bodyStartLine: 4 });
  });

  it("reads front matter holding thousands of blank lines in time in proportion to it", () => {
    // gray-matter's comment-stripping regex (`^\s*#…` with `\s` spanning lines) rescanned every blank line after each line.
    const make = (n: number) => `---\ntitle: x\n${"  \n".repeat(n)}date: 2021-12-08\n---\n正文`;
    const g = growth(make, splitFrontMatter, 3000);
    expect(g.ratio, describeGrowth("blank lines in front matter", 3000, g)).toBeLessThan(LINEAR_RATIO_BOUND);
    expect(splitFrontMatter(make(3))).toMatchObject({ ok: true, data: { title: "x", date: "2021-12-08" } });
  });

  it("reads empty front matter, or comments only, as no fields", () => {
    expect(splitFrontMatter("---\n---\n正文")).toMatchObject({ ok: true, data: {}, body: "正文" });
    expect(splitFrontMatter("---\n# 只有注释\n\n---\n正文")).toMatchObject({ ok: true, data: {} });
  });
});

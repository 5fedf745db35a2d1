/**
 * Deeply nested bodies: the linear depth measure, and what `parsePost`
 * (index, checker) and `renderPostBody` (page) do with a body deeper than
 * MAX_POST_DEPTH: publish it with a warning and show its text as plain
 * paragraphs, both deciding alike.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { unified } from "unified";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import rehypeRaw from "rehype-raw";
import { describe, expect, it } from "vitest";
import { decodePostBytes } from "@/lib/content/decode";
import { splitFrontMatter } from "@/lib/content/front-matter";
import { MAX_INLINE_MARKS, measureNesting } from "@/lib/content/nesting";
import { parsePost, renderPostBody, renderPostBodyResult } from "@/lib/content/parse";
import { FIXTURES_DIR, REPO_CONTENT_DIR, fixtureBody, fixtureSource, textSource } from "../helpers/fixtures";
import { LINEAR_RATIO_BOUND, describeGrowth, growth } from "../helpers/timing";

const depth = (markdown: string) => measureNesting(markdown).depth;
const post = (body: string) => textSource("_posts/2024-01-01-deep.md", `---\ntitle: 深\ndate: 2024-01-01\ncategories: emnews\n---\n\n${body}\n\n<https://a.example/1>`);
const warnings = (file: ReturnType<typeof post>, limits?: { maxPostDepth: number }) => {
  const result = parsePost(file, limits);
  expect(result.ok).toBe(true);
  return result.problems.filter((p) => p.severity === "warning").map((p) => p.reason);
};

describe("lib/content/nesting: measureNesting", () => {
  it("counts markdown quotes and list levels at line starts", () => {
    expect(depth("正文")).toBe(0);
    expect(depth("> 引用")).toBe(1);
    expect(depth(">>>> x")).toBe(4);
    expect(depth("> > > x")).toBe(3);
    expect(depth("- a\n  - b\n    - c")).toBe(3);
    expect(depth("1. a\n   1. b")).toBe(2);
    expect(depth(`${">".repeat(50_000)} x`)).toBe(50_000);
  });

  it("counts HTML elements left open, not void elements, and closes what a parser closes", () => {
    expect(depth("<div><p>x</p></div>")).toBe(2);
    expect(depth("<div><div><div>x")).toBe(3);
    expect(depth("<p>a<br><img src=x><hr>b")).toBe(1);
    expect(depth("<p>一<p>二<p>三")).toBe(1);
    expect(depth("<ul><li>一<li>二<li>三</ul>")).toBe(2);
    expect(depth("<table><tr><td>1<td>2<tr><td>3</table>")).toBe(3);
    expect(depth("<svg><path/><path/><g><path/></g></svg>")).toBe(2);
    expect(depth("<!-- <div><div> -->正文")).toBe(2); // start tags in a comment still count: never shallower than the parser
    expect(depth("<div>".repeat(100_000))).toBe(100_000);
  });

  it("counts nested emphasis, and every mark of a paragraph that mixes them with raw HTML", () => {
    expect(depth("*一* **二** ***三***")).toBe(2);
    expect(depth(`${"*".repeat(4000)}x${"*".repeat(4000)}`)).toBe(2000);
    expect(depth("~~<h2>".repeat(50))).toBeGreaterThanOrEqual(50);
  });

  it("finds every real post shallow, the deepest real publisher layout included", () => {
    const dirs = [path.join(REPO_CONTENT_DIR, "_posts"), path.join(FIXTURES_DIR, "corpus")];
    for (const dir of dirs) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith(".md"))) {
        const decoded = decodePostBytes(readFileSync(path.join(dir, name)));
        const split = decoded.ok ? splitFrontMatter(decoded.text) : undefined;
        if (split?.ok) expect(depth(split.body), name).toBeLessThanOrEqual(30);
      }
    }
    // The rich eastmoney post nests its stock links in spans in paragraphs in hidden and credit blocks.
    expect(depth(fixtureBody("corpus/-202205262391921712.md"))).toBeGreaterThanOrEqual(20);
    const layout = depth(fixtureBody("posts/deep-publisher-layout.md"));
    expect(layout).toBeGreaterThanOrEqual(20);
    expect(layout).toBeLessThanOrEqual(30);
  });

  it("is never shallower than the tree the render pipeline builds (within a factor of 3)", () => {
    // The pipeline up to the HTML parser, whose tree the recursive plugins walk.
    const parse = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
    type Node = { children?: Node[]; content?: Node };
    const treeDepth = (root: Node) => {
      let max = 0;
      const stack: [Node, number][] = [[root, 0]];
      while (stack.length) {
        const [node, d] = stack.pop()!;
        max = Math.max(max, d);
        for (const child of node.children ?? []) stack.push([child, d + 1]);
        if (node.content) stack.push([node.content, d + 1]);
      }
      return max;
    };
    const TOKENS = [
      "<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<b class=1>", "<a>", "</a>", "<table>", "<tr>", "<td>", "</td>", "</table>", "<li>", "<ul>", "</ul>",
      "<blockquote>", "<svg>", "</svg>", "<foreignObject>", "<math>", "<mi>", "<mtext>", "<span>", "</span>", "<select>", "<option>", "<button>", "<h2>",
      "<dl>", "<dd>", "<template>", "</template>", "<form>", "</form>", "<noscript>", "<script>", "</script>", "<style>", "<title>", "<xmp>", "<!--", "-->",
      "*", "**", "_", "~~", "[", "](u)", "`", "```\n", "> ", "- ", "1. ", "\n", "\n\n", "    ", "x", "中", "(", "\\", "<br>", "<img>", "<div/>",
    ];
    const unit = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 5 }).map((tokens) => tokens.join(""));
    fc.assert(
      fc.property(unit, fc.integer({ min: 10, max: 60 }), (u, times) => {
        const body = `前言。\n\n${u.repeat(times)}`;
        const real = treeDepth(parse.runSync(parse.parse(body)) as Node);
        expect(real, JSON.stringify(u)).toBeLessThanOrEqual(3 * depth(body) + 10);
      }),
      { numRuns: Number(process.env.FC_RUNS) || 60 },
    );
  });

  it("takes time in proportion to the body", () => {
    const bodies: [string, (n: number) => string][] = [
      ["nested quotes", (n) => ">".repeat(n)],
      ["nested divs", (n) => "<div>".repeat(n / 5)],
      ["lines of a space", (n) => " \n".repeat(n / 2)],
      ["emphasis marks", (n) => "*a_".repeat(n / 3)],
      ["unclosed comments and scripts", (n) => "`<!--<script>".repeat(n / 13)],
      ["end tags with nothing open", (n) => "</div>".repeat(n / 6)],
    ];
    for (const [name, make] of bodies) {
      const g = growth(make, measureNesting, 65_536);
      expect(g.ratio, describeGrowth(name, 65_536, g)).toBeLessThan(LINEAR_RATIO_BOUND);
    }
  });
});

describe("a body deeper than MAX_POST_DEPTH", () => {
  const fiftyThousandQuotes = post(`正文开头。\n\n${">".repeat(50_000)} 引用的话`);
  const hundredThousandDivs = post(`正文开头。\n\n${"<div>".repeat(100_000)}最里面的字`);

  it("is published with a warning that says how deep and which limit", () => {
    expect(warnings(fiftyThousandQuotes)).toContain("nested 50,000 levels deep (limit 100, MAX_POST_DEPTH); shown as plain text");
    expect(warnings(hundredThousandDivs)).toContain("nested 100,000 levels deep (limit 100, MAX_POST_DEPTH); shown as plain text");
  });

  it("shows its reader text as plain paragraphs on its page, instead of no page", () => {
    expect(renderPostBody(fiftyThousandQuotes)).toBe("<p>正文开头。</p><p>引用的话</p>");
    expect(renderPostBody(hundredThousandDivs)).toBe("<p>正文开头。</p><p>最里面的字</p>");
  });

  it("escapes the text it shows: markup in a flattened body is never markup", () => {
    const html = renderPostBody(post(`${"<div>".repeat(200)}&lt;script&gt;alert(1)&lt;/script&gt; <b>粗</b> a < b & c`))!;
    expect(html).toBe("<p>&lt;script>alert(1)&lt;/script> 粗 a &lt; b &#38; c</p>");
  });

  it("is decided alike by the index and the page, at any limit", () => {
    const nine = post(`正文。\n\n${"> ".repeat(9)}引用`);
    const eight = post(`正文。\n\n${"> ".repeat(8)}引用`);
    const limits = { maxPostDepth: 8 };
    expect(warnings(nine, limits)).toContain("nested 9 levels deep (limit 8, MAX_POST_DEPTH); shown as plain text");
    expect(renderPostBodyResult(nine, limits)).toMatchObject({ ok: true, html: "<p>正文。</p><p>引用</p>" });
    expect(warnings(eight, limits).join()).not.toContain("nested");
    const rendered = renderPostBodyResult(eight, limits);
    expect(rendered).toMatchObject({ ok: true, problems: [] });
    expect(rendered.ok && rendered.html.match(/<blockquote>/g)).toHaveLength(8);
  });

  it("renders normally at exactly the default limit: the pipeline survives ten times as deep", () => {
    for (const body of [`前言。\n\n${"> ".repeat(100)}引用`, `${"<div>".repeat(100)}正文`, `${"<table><tr><td>".repeat(33)}正文`]) {
      const file = post(body);
      expect(warnings(file).join()).not.toContain("nested");
      const result = renderPostBodyResult(file);
      expect(result).toMatchObject({ ok: true, problems: [] });
    }
    expect(renderPostBody(post(`前言。\n\n${"> ".repeat(100)}引用`))!.match(/<blockquote>/g)).toHaveLength(100);
  });

  it("leaves real publisher articles nested twenty-odd levels rendered as they are", () => {
    expect(renderPostBodyResult(fixtureSource("corpus/-202205262391921712.md"))).toMatchObject({ ok: true, problems: [] });
    const file = fixtureSource("posts/deep-publisher-layout.md");
    const result = parsePost(file);
    expect(result.problems).toEqual([]);
    const html = renderPostBody(file)!;
    expect(html).toContain("<table><tbody><tr><td><p><b><i><a href='http://data.eastmoney.com/'");
    expect(html).toContain("<ol><li><p><strong>正极材料</strong>：价格企稳</p></li>");
    expect(html).not.toContain("文章来源");
  });
});

describe("a paragraph with more emphasis and link marks than the renderer can afford", () => {
  it("is shown as plain text with a warning; the same marks in short paragraphs render", () => {
    const dense = post("*a_".repeat(2000));
    expect(warnings(dense)).toContain(`has 4,000 emphasis and link marks in one paragraph (limit ${MAX_INLINE_MARKS.toLocaleString("en-US")}); shown as plain text`);
    expect(renderPostBody(dense)).toBe(`<p>${"*a_".repeat(2000)}</p>`);
    const split = post(Array.from({ length: 20 }, () => "*a_".repeat(100)).join("\n\n"));
    expect(warnings(split).join()).not.toContain("marks");
  });
});

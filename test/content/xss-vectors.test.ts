/**
 * The body pipeline against public XSS vector collections (H5SC, DOMPurify's
 * test fixtures, the OWASP filter evasion cheat sheet; see
 * test/fixtures/xss/README.md). Every vector is rendered on its own and
 * inside a Chinese paragraph, and the output is judged by parsing it with a
 * real HTML parser (parse5, the parser rehype-raw uses, in the fragment mode
 * a browser uses for the article body's `<div>`), never by regex:
 *
 * - only the schema's elements, all in the HTML namespace, no comments;
 * - only the schema's attributes (plus those harden adds), so no `on*`,
 *   `style`, `srcdoc`, `formaction`, `xlink:href`, `srcset`…;
 * - every URL-bearing attribute, entity-decoded by the parser and then
 *   stripped of ASCII whitespace/control characters and lowercased, is
 *   http(s)/mailto/tel or relative: never `javascript:`, `vbscript:`, `data:`;
 * - mutation-XSS stability: re-parsing the output the way a browser does and
 *   sanitizing it again gives back exactly the same HTML; rendering the
 *   output once more is still safe;
 * - renderBody never throws.
 *
 * parse5 and hast-util-from-parse5 are what rehype-raw (through
 * hast-util-raw) parses with, which makes them the right parser to check
 * against: the one that built the tree that was sanitized. They are pinned
 * as devDependencies at the versions rehype-raw brings.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Root } from "hast";
import { fromParse5 } from "hast-util-from-parse5";
import { type DefaultTreeAdapterMap, defaultTreeAdapter, html as parse5Html, parseFragment } from "parse5";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { parsePost, renderPostBody } from "@/lib/content/parse";
import rehypeHarden from "@/lib/content/rehype/harden";
import { newsSchema } from "@/lib/content/rehype/news-schema";
import { BODY_HTML_OPTIONS, renderBody } from "@/lib/content/render";
import { POST_END, POST_START } from "../fixtures/xss/extract";
import { textSource } from "../helpers/fixtures";
import { readerText } from "../helpers/reader-text";

type P5Node = DefaultTreeAdapterMap["node"];
type P5Element = DefaultTreeAdapterMap["element"];

const XSS_DIR = new URL("../fixtures/xss/", import.meta.url);
const loadVectors = (name: string): string[] => JSON.parse(readFileSync(new URL(name, XSS_DIR), "utf8")) as string[];

const COLLECTIONS: Array<[string, string[]]> = [
  ["H5SC", loadVectors("h5sc.json")],
  ["DOMPurify", loadVectors("dompurify.json")],
  ["OWASP", loadVectors("owasp.json")],
];

const LEAD = "央行今日宣布，自下月起下调金融机构存款准备金率0.5个百分点……";
const TAIL = "……市场人士认为，此举将释放长期资金约1万亿元。";

/** How each vector is fed to the pipeline: alone, and inside a paragraph of ordinary news text. */
const PLACEMENTS: Array<[string, (vector: string) => string]> = [
  ["alone", (vector) => vector],
  ["in a Chinese paragraph", (vector) => `${LEAD}${vector}${TAIL}`],
];

// ---- What the schema allows, in HTML attribute spelling ---------------------------------------

const ALLOWED_TAGS = new Set(newsSchema.tagNames);

/** Never in a body, whatever the schema says (a second line of defence should the schema grow). */
const FORBIDDEN_TAGS = new Set([
  "script", "iframe", "object", "embed", "form", "base", "meta", "style", "link", "svg", "math",
  "frame", "frameset", "applet", "template", "input", "button", "textarea", "select",
]);

/** What rehype-harden adds after sanitizing. */
const HARDEN_ATTRIBUTES: Record<string, string[]> = { a: ["rel"], img: ["loading", "decoding", "referrerpolicy"] };

function allowedAttributes(tag: string): Set<string> {
  const schema = newsSchema.attributes ?? {};
  const names = [...(schema[tag] ?? []), ...(schema["*"] ?? []), ...(HARDEN_ATTRIBUTES[tag] ?? [])].map((entry) =>
    // hast property names (colSpan) → HTML attribute names (colspan)
    (typeof entry === "string" ? entry : entry[0]).toLowerCase(),
  );
  return new Set(names);
}

const FORBIDDEN_ATTRIBUTES = new Set(["style", "srcdoc", "formaction", "action", "xlink:href", "srcset", "href:xlink"]);

/** Attributes a browser resolves as a URL (on some element or other). */
const URL_ATTRIBUTES = new Set([
  "href", "src", "cite", "action", "formaction", "poster", "background", "longdesc", "lowsrc", "dynsrc",
  "data", "codebase", "classid", "usemap", "srcset", "ping", "manifest", "icon", "profile", "archive", "xlink:href",
]);

const SCHEMES_FOR: Record<string, Set<string>> = {
  href: new Set(["http", "https", "mailto", "tel"]),
  src: new Set(["http", "https"]),
};

/** A URL as a browser compares its scheme: no ASCII whitespace or control characters anywhere, lowercase. */
function normalizeUrl(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020\u007f]/g, "").toLowerCase();
}

function urlProblem(name: string, value: string): string | undefined {
  const url = normalizeUrl(value);
  if (/^(?:javascript|vbscript|data|livescript):/.test(url)) return `dangerous URL scheme`;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(url)?.[1];
  if (scheme === undefined) return undefined; // relative (or protocol-relative)
  const allowed = SCHEMES_FOR[name] ?? new Set(["http", "https"]);
  return allowed.has(scheme) ? undefined : `scheme ${scheme}: not allowed in ${name}`;
}

// ---- Parsing the output as a browser would -------------------------------------------------------

/** The article body is set as the innerHTML of a `<div>`: parse in that fragment context. */
function parseBody(html: string) {
  const context = defaultTreeAdapter.createElement("div", parse5Html.NS.HTML, []);
  return parseFragment(context, html, {});
}

function isElement(node: P5Node): node is P5Element {
  return "tagName" in node;
}

/** Everything wrong with one rendered body, as readable strings (empty when the body is safe). */
function problemsIn(html: string): string[] {
  const problems: string[] = [];
  const walk = (node: P5Node) => {
    if (node.nodeName === "#comment") problems.push("comment node");
    if (isElement(node)) {
      const tag = node.tagName;
      const where = `<${tag}>`;
      if (node.namespaceURI !== parse5Html.NS.HTML) problems.push(`${where} in namespace ${node.namespaceURI}`);
      if (!ALLOWED_TAGS.has(tag)) problems.push(`${where} is not in the schema`);
      if (FORBIDDEN_TAGS.has(tag)) problems.push(`${where} is forbidden`);
      const allowed = allowedAttributes(tag);
      for (const attr of node.attrs) {
        const name = attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name.toLowerCase();
        const at = `${where} ${name}=${JSON.stringify(attr.value)}`;
        if (attr.namespace) problems.push(`${at}: namespaced attribute`);
        if (name.startsWith("on")) problems.push(`${at}: event handler`);
        if (FORBIDDEN_ATTRIBUTES.has(name)) problems.push(`${at}: forbidden attribute`);
        if (!allowed.has(name)) problems.push(`${at}: not allowed on ${tag}`);
        if (URL_ATTRIBUTES.has(name)) {
          const problem = urlProblem(name, attr.value);
          if (problem) problems.push(`${at}: ${problem}`);
        }
      }
      if ("content" in node) walk(node.content); // a <template>'s children live in its content fragment
    }
    if ("childNodes" in node) for (const child of node.childNodes) walk(child);
  };
  walk(parseBody(html));
  return problems;
}

/**
 * The mutation-XSS check: what a browser builds from the output, sanitized
 * again with the same schema (and hardened again, since harden's attributes
 * are outside the schema), serialized. A sanitizer whose output re-parses
 * into something else is the shape of every mXSS bypass.
 */
const resanitizer = unified().use(rehypeSanitize, newsSchema).use(rehypeHarden).use(rehypeStringify, BODY_HTML_OPTIONS).freeze();

function resanitize(html: string): string {
  const tree = fromParse5(parseBody(html)) as Root;
  return resanitizer.stringify(resanitizer.runSync(tree));
}

function preview(vector: string): string {
  const flat = JSON.stringify(vector);
  return flat.length > 90 ? `${flat.slice(0, 87)}…` : flat;
}

// ---- The vectors -------------------------------------------------------------------------------

describe("public XSS vectors through renderBody", () => {
  it("loaded every collection", () => {
    for (const [name, vectors] of COLLECTIONS) {
      expect(vectors.length, name).toBeGreaterThan(100);
      for (const vector of vectors) expect(typeof vector).toBe("string");
    }
  });

  describe.each(COLLECTIONS)("%s", (_name, vectors) => {
    describe.each(PLACEMENTS)("%s", (placement, place) => {
      const cases = vectors.map((vector, index) => ({ vector, label: `#${index} ${preview(vector)}` }));

      it.each(cases)("$label", ({ vector }) => {
        const markdown = place(vector);
        let first: ReturnType<typeof renderBody> | undefined;
        expect(() => {
          first = renderBody(markdown);
        }).not.toThrow();
        const html = first!.html;

        expect(problemsIn(html), html).toEqual([]);

        // mXSS: the browser's reading of the output, sanitized again, is the output.
        expect(resanitize(html)).toBe(html);

        // Rendering the output once more (as if a post quoted another's body) stays safe, and its
        // HTML stage is as stable. (renderBody(html) is *not* required to equal html: its input is
        // markdown, so a second pass wraps bare inline output in <p>, demotes headings again, and
        // reads literal backticks / 4-space indents in the text as code: benign, and checked safe.)
        const second = renderBody(html).html;
        expect(problemsIn(second), second).toEqual([]);
        expect(resanitize(second)).toBe(second);

        // Ordinary text before the vector is never lost with it.
        if (placement !== "alone") expect(readerText(first!.html)).toContain(LEAD);
      });
    });
  });
});

// ---- Markdown's own link syntax ------------------------------------------------------------------
// Not from the collections above (those are HTML): our own cases for the markdown ways of writing a
// URL, since the body is markdown first.

describe("markdown link syntax with script URLs", () => {
  it.each([
    "[点击](javascript:alert(1))",
    "[点击](JaVaScRiPt:alert(1))",
    "[点击](  javascript:alert(1) )",
    "[点击](<javascript:alert(1)>)",
    "[点击](java&#x09;script:alert(1))",
    "[点击](&#106;avascript:alert(1))",
    "[点击](javascript&colon;alert(1))",
    "[点击](vbscript:msgbox(1))",
    "[点击](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![图](javascript:alert(1))",
    "![图](data:image/svg+xml,%3Csvg%20onload%3Dalert(1)%3E)",
    "<javascript:alert(1)>",
    "[点击][x]\n\n[x]: javascript:alert(1)",
    // the title escapes its quotes in markdown; it must stay one attribute value
    '[点击](https://example.com/ "x\\" onmouseover=\\"alert(1)")',
  ])("%s", (markdown) => {
    const { html } = renderBody(markdown);
    expect(problemsIn(html), html).toEqual([]);
    expect(resanitize(html)).toBe(html);
  });
});

// ---- The e2e post built from these vectors (test/fixtures/xss/extract.ts --post) ---------------

describe("e2e/fixtures/jekyll-site/_posts/2024-03-05-xss-vectors.md", () => {
  const file = fileURLToPath(new URL("../../e2e/fixtures/jekyll-site/_posts/2024-03-05-xss-vectors.md", import.meta.url));
  const source = () => textSource("_posts/2024-03-05-xss-vectors.md", readFileSync(file, "utf8"));

  it("is a post the portal accepts without problems, title kept as text", () => {
    const result = parsePost(source());
    expect(result.problems).toEqual([]);
    expect(result.ok && result.post.title).toBe('恶意代码测试 <script>alert("title")</script>');
  });

  it("renders safe and stable, with its opening, closing and every vector's label visible", () => {
    const html = renderPostBody(source())!;
    expect(problemsIn(html)).toEqual([]);
    expect(resanitize(html)).toBe(html);
    const text = readerText(renderBody(html).html);
    expect(text.startsWith(POST_START)).toBe(true);
    expect(text.endsWith(POST_END)).toBe(true);
    const labels = [...text.matchAll(/向量 (\d+)（/g)].map((m) => Number(m[1]));
    expect(labels).toEqual(Array.from({ length: labels.length }, (_, i) => i + 1));
    expect(labels.length).toBeGreaterThanOrEqual(150);
  });
});

// ---- The checker checks what it claims to (so a green run means something) ----------------------

describe("the output checker", () => {
  it.each([
    ['<p><script>alert(1)</script></p>', "<script> is not in the schema"],
    ['<img src="x" onerror="alert(1)">', "event handler"],
    ['<a href=" jav&#x09;ascript:alert(1)">x</a>', "dangerous URL scheme"],
    ['<a href="&#x6A;avascript&colon;alert(1)">x</a>', "dangerous URL scheme"],
    ['<a href="data:text/html,x">x</a>', "dangerous URL scheme"],
    ['<img src="vbscript:msgbox(1)">', "dangerous URL scheme"],
    ['<a href="ftp://example.com/">x</a>', "scheme ftp: not allowed in href"],
    ['<img src="mailto:a@b.c">', "scheme mailto: not allowed in src"],
    ['<p style="color:red">x</p>', "forbidden attribute"],
    ["<svg><a>x</a></svg>", "in namespace"],
    ["<p><!-- x --></p>", "comment node"],
    ['<a href="/x" target="_blank">x</a>', "not allowed on a"],
    ['<template><a href="javascript:alert(1)">x</a></template>', "dangerous URL scheme"],
  ])("flags %s", (html, expected) => {
    expect(problemsIn(html).join("\n")).toContain(expected);
  });

  it("passes safe markup", () => {
    expect(
      problemsIn(
        '<p>正文 <a href="https://example.com/" rel="noopener noreferrer nofollow">链接</a> <a href="/category/x">站内</a> <a href="mailto:a@b.c">信</a></p>' +
          '<img src="https://cdn.example.com/a.jpg" alt="图" loading="lazy" decoding="async" referrerpolicy="no-referrer">' +
          '<table><tbody><tr><td colspan="2" align="left">1</td></tr></tbody></table>',
      ),
    ).toEqual([]);
  });

  it("reports a re-parse that changes the markup", () => {
    // A sanitizer that emitted this would hand the browser an <img> it never saw.
    expect(resanitize('<p title="x">a</p>')).toBe("<p>a</p>");
  });
});

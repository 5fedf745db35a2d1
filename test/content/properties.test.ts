/**
 * Property tests: whatever a publisher's scraper produces, one post never
 * throws out of `parsePost`, and no body's HTML can run code or break the
 * page around it.
 */
import fc from "fast-check";
import { parse } from "parse5";
import rehypeParse from "rehype-parse";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import { unified } from "unified";
import { describe, expect, it } from "vitest";
import { parsePost } from "@/lib/content/parse";
import rehypeHarden from "@/lib/content/rehype/harden";
import { newsSchema } from "@/lib/content/rehype/news-schema";
import { BODY_HTML_OPTIONS, renderBody } from "@/lib/content/render";
import { textSource } from "../helpers/fixtures";

// More with FC_RUNS=5000 when changing the pipeline; 400 keeps `npm test` quick.
const RUNS = Number(process.env.FC_RUNS) || 400;

// ---- front matter --------------------------------------------------------

const FIELDS = ["title", "date", "categories", "category", "tags", "layout", "published", "permalink", "x"];
const scalar = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fc.constantFrom("", "  +0800", "2021-13-45", "2024-02-30 25:61:00 +0800", "../../x", "a/b", "null", "~", "true", "1e999", "0x1F", "<script>alert(1)</script>", "\u0000\u0007", "&&&", "'", '"', "*anchor", "&anchor", "!!binary aGk=", "{", "[", "|", ">"),
  fc.integer().map(String),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
);
/** A YAML value: a scalar as JSON (always valid YAML), a list, a map, or raw text (often invalid YAML). */
const yamlValue = fc.oneof(
  scalar.map((s) => JSON.stringify(s)),
  fc.array(scalar, { maxLength: 4 }).map((a) => JSON.stringify(a)),
  fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 3 }).map((o) => JSON.stringify(o)),
  scalar.map((s) => s.replace(/\n/g, " ")),
);
const frontMatter = fc.array(fc.tuple(fc.constantFrom(...FIELDS), yamlValue), { maxLength: 8 });
const fileName = fc.oneof(
  fc.constantFrom("2024-01-02-a.md", "-202205262391921712.md", "20240102123.md", "x.md", "..md", "2024-01-02-标题.md"),
  fc.string({ minLength: 1, maxLength: 30 }).map((s) => `${s.replace(/[/\\]/g, "_")}.md`),
);

describe("parsePost on arbitrary front matter", { timeout: 120_000 }, () => {
  it("never throws, never hits the bug fallback, and publishes only well-formed posts", () => {
    fc.assert(
      fc.property(fileName, frontMatter, fc.string({ unit: "grapheme", maxLength: 200 }), (name, fields, body) => {
        const text = ["---", ...fields.map(([k, v]) => `${k}: ${v}`), "---", body].join("\n");
        const result = parsePost(textSource(`_posts/${name}`, text));
        for (const problem of result.problems) {
          expect(problem.file).toBe(`_posts/${name}`);
          expect(problem.reason).not.toMatch(/^could not be read/);
          expect(problem.reason.trim()).not.toBe("");
        }
        if (!result.ok) return;
        const post = result.post;
        expect(post.title.trim()).not.toBe("");
        expect(post.title).not.toMatch(/[\n\r]/);
        expect(Number.isFinite(post.publishedAt)).toBe(true);
        expect(post.id).toMatch(/^[A-Za-z0-9_.-]+$/);
        expect(post.categorySlug).not.toBe("");
        expect(post.categorySlug).not.toMatch(/[\u0000-\u001f\u007f]/);
        for (const tag of post.tags) expect(tag).not.toMatch(/[\u0000-\u001f\u007f]/);
      }),
      { numRuns: RUNS },
    );
  });

  it("never throws on arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const result = parsePost({ path: "/virtual/_posts/x.md", relativePath: "_posts/x.md", bytes, mtimeMs: 0 });
        for (const problem of result.problems) expect(problem.reason).not.toMatch(/^could not be read/);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---- bodies --------------------------------------------------------------

const TAGS = ["p", "a", "img", "div", "span", "b", "table", "tr", "td", "ul", "li", "script", "style", "iframe", "svg", "math", "mglyph", "noscript", "template", "form", "input", "textarea", "title", "select", "option", "object", "embed", "base", "meta", "link", "xmp", "plaintext", "noembed", "frameset", "annotation-xml", "foreignObject", "desc", "button", "details", "select"];
const ATTRS = ["href", "src", "srcset", "onerror", "onclick", "onload", "style", "xlink:href", "formaction", "action", "srcdoc", "id", "name", "class", "data-x", "background", "poster", "http-equiv", "content", "is", "encoding"];
const attrValue = fc.oneof(
  fc.constantFrom("javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "&#106;avascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>", "https://ok.example/", "//evil.example/x", "alert(1)", "</p><script>alert(1)</script>", "x\" onerror=\"alert(1)", "refresh", "0;url=javascript:alert(1)"),
  fc.string({ maxLength: 20 }),
);
const attr = fc.tuple(fc.constantFrom(...ATTRS), attrValue).map(([n, v]) => `${n}="${v.replace(/"/g, "&quot;")}"`);
const text = fc.oneof(fc.constantFrom("央行今日宣布降准。", "<", ">", "&", "-->", "<!--", "]]>", "*强调*", "[链接](javascript:alert(1))", "\n\n", "</script>", "<![CDATA[x]]>"), fc.string({ maxLength: 12 }));
const { html: htmlTree } = fc.letrec<{ html: string }>((tie) => ({
  html: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    text,
    fc.tuple(fc.constantFrom(...TAGS), fc.array(attr, { maxLength: 3 }), fc.array(tie("html"), { maxLength: 3 }), fc.boolean()).map(
      ([tag, attrs, children, close]) => `<${tag}${attrs.length ? " " : ""}${attrs.join(" ")}>${children.join("")}${close ? `</${tag}>` : ""}`,
    ),
  ),
}));

const ALLOWED_TAGS = new Set(newsSchema.tagNames);
const ADDED_BY_HARDEN = ["rel", "loading", "decoding", "referrerpolicy"];
const allowedAttributes = (tag: string) => new Set([...(newsSchema.attributes?.[tag] ?? []).map((a) => String(a).toLowerCase()), ...ADDED_BY_HARDEN, "colspan", "rowspan"]);
const SAFE_URL = /^(?:https?:|mailto:|tel:|#|\/(?!\/)|[^:]*$)/i;

type Node5 = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node5[]; parentNode?: Node5 };

function* elements(node: Node5): Generator<Node5> {
  for (const child of node.childNodes ?? []) {
    if (child.tagName) yield child;
    yield* elements(child);
  }
}

function findById(node: Node5, id: string): Node5 | undefined {
  for (const el of elements(node)) if (el.attrs?.some((a) => a.name === "id" && a.value === id)) return el;
  return undefined;
}

/** The output re-parsed as HTML and sent through the sanitizer again (and harden, which adds image attributes the schema does not list). */
const sanitizeHtmlOnly = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, newsSchema).use(rehypeHarden).use(rehypeStringify, BODY_HTML_OPTIONS).freeze();

describe("renderBody on arbitrary HTML", { timeout: 120_000 }, () => {
  it("never throws, and outputs only the schema's elements, attributes and safe URLs", () => {
    fc.assert(
      fc.property(fc.array(htmlTree, { minLength: 1, maxLength: 4 }), (parts) => {
        const { html } = renderBody(parts.join("\n"));
        const doc = parse(`<!doctype html><html><head></head><body><div id="body-under-test">${html}</div><p id="after-body">after</p></body></html>`) as unknown as Node5;
        const container = findById(doc, "body-under-test")!;
        for (const el of elements(container)) {
          expect(ALLOWED_TAGS.has(el.tagName!), `element <${el.tagName}> in ${html}`).toBe(true);
          const allowed = allowedAttributes(el.tagName!);
          for (const { name, value } of el.attrs ?? []) {
            expect(allowed.has(name), `attribute ${name} on <${el.tagName}> in ${html}`).toBe(true);
            if (name === "href" || name === "src") {
              // eslint-disable-next-line no-control-regex
              expect(value.replace(/[\u0000-\u0020]/g, ""), `${name}="${value}"`).toMatch(SAFE_URL);
            }
          }
        }
        // The body cannot swallow or escape its container: what follows it in the page stays where it was.
        const after = findById(doc, "after-body")!;
        expect(after.parentNode?.nodeName).toBe("body");
      }),
      { numRuns: RUNS },
    );
  });

  it("is a fixed point of the sanitizer: re-parsing and sanitizing the output changes nothing (no mutation XSS)", () => {
    fc.assert(
      fc.property(fc.array(htmlTree, { minLength: 1, maxLength: 4 }), (parts) => {
        const { html } = renderBody(parts.join("\n"));
        expect(String(sanitizeHtmlOnly.processSync(html))).toBe(html);
      }),
      { numRuns: RUNS },
    );
  });
});

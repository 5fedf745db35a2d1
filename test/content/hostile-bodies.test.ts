/**
 * Property: whatever a scraper writes into a body, what the content engine
 * does with it costs time in proportion to its size. Each body is timed at
 * n, 2n and 4n within this run (test/helpers/timing.ts), and a 4× larger
 * body may cost at most LINEAR_RATIO_BOUND times more: a quadratic step
 * costs 16 times more, a cubic one 64. No millisecond threshold, so a slow
 * or busy machine does not fail it.
 *
 * Sizes: up to 1 MB through `parsePost` and `markupToPlainText` (the index
 * reads every post), up to 256 KB through `renderPostBody` (a page, and the
 * render pipeline costs up to a few ms a KB).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePost, renderPostBody } from "@/lib/content/parse";
import { markupToPlainText } from "@/lib/content/plain-text";
import type { SourceFile } from "@/lib/content/types";
import { LINEAR_RATIO_BOUND, describeGrowth, growth } from "../helpers/timing";

/** `unit` repeated to `size` characters (give or take one unit). */
const repeatTo = (unit: string, size: number) => unit.repeat(Math.max(1, Math.round(size / unit.length)));

const asPost = (body: string): SourceFile => ({
  path: "/virtual/_posts/2024-01-01-hostile.md",
  relativePath: "_posts/2024-01-01-hostile.md",
  bytes: new TextEncoder().encode(`---\ntitle: 标题\ndate: 2024-01-01\ncategories: emnews\n---\n\n${body}`),
  mtimeMs: 0,
});

/** The shapes that froze the old code, and their neighbours. */
const FAMILIES: [string, string][] = [
  ["lines of a space", " \n"],
  ["a whitespace run", "    \t   \u3000  "],
  ["nested quotes", ">"],
  ["nested quotes with spaces", "> "],
  ["nested divs", "<div>"],
  ["nested list items", "- "],
  ["indented list lines", "      - x\n"],
  ["a long line", "央行今天开展了逆回购操作，利率保持不变。"],
  ["pipes and dashes", "| --- |:-:"],
  ["table rules", "|---|---|\n"],
  ["unclosed script", "<script>"],
  ["unclosed start tags", "<a"],
  ["unclosed hiding tags", '<p style="display:none"'],
  ["unclosed images", "!["],
  ["unclosed links", "[x]("],
  ["brackets", "["],
  ["ampersands", "&#x"],
  ["bold marks", "**"],
  ["emphasis pairs", "*a_"],
  ["comments", "<!--"],
  ["unclosed comments among text", "中中<!--"],
  ["unclosed comments among spaces", "    \t   \u3000  <!-- \n"],
  ["back links", "[返回首页](../) ｜ "],
  ["credits", "（来源：   "],
];

describe("hostile bodies cost time in proportion to their size", { timeout: 120_000 }, () => {
  it.each(FAMILIES)("markupToPlainText and parsePost: %s, 256 KB against 1 MB", (name, unit) => {
    const n = 256 * 1024;
    const plain = growth((size) => repeatTo(unit, size), markupToPlainText, n);
    expect(plain.ratio, describeGrowth(`markupToPlainText: ${name}`, n, plain)).toBeLessThan(LINEAR_RATIO_BOUND);
    const parse = growth((size) => asPost(repeatTo(unit, size)), parsePost, n);
    expect(parse.ratio, describeGrowth(`parsePost: ${name}`, n, parse)).toBeLessThan(LINEAR_RATIO_BOUND);
  });

  it("parsePost: any mix of the hostile pieces, 64 KB against 256 KB", () => {
    const pieces = fc.constantFrom(...FAMILIES.map(([, unit]) => unit), "\n", "\n\n", "x", "中", "</div>", "</script>", "-->", ")", "]", ">", "`", "~~", "_");
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 1, maxLength: 6 }), (parts) => {
        const unit = parts.join("");
        const n = 64 * 1024;
        const g = growth((size) => asPost(repeatTo(unit, size)), parsePost, n);
        expect(g.ratio, describeGrowth(`parsePost: ${JSON.stringify(unit)}`, n, g)).toBeLessThan(LINEAR_RATIO_BOUND);
      }),
      { numRuns: Number(process.env.FC_RUNS_TIMING) || 12 },
    );
  });

  it.each(FAMILIES.filter(([name]) => !["a long line", "a whitespace run", "ampersands", "back links"].includes(name)))(
    "renderPostBody: %s, 64 KB against 256 KB (8 KB against 32 KB where the pipeline is slow)",
    (name, unit) => {
      // A big GFM table and a deep list cost the pipeline ms a KB (linear, but slow): smaller there keeps the test quick.
      // Elsewhere from 64 K characters: below that the flattened bodies' time steps up about eightfold once
      // (their strings leave V8's young generation), which is not how their time grows.
      const n = ["table rules", "indented list lines", "unclosed start tags"].includes(name) ? 8 * 1024 : 64 * 1024;
      // A paragraph before it, so that a leading `>` is not the post's summary line.
      const g = growth((size) => asPost(`前言。\n\n${repeatTo(unit, size)}`), renderPostBody, n);
      expect(g.ratio, describeGrowth(`renderPostBody: ${name}`, n, g)).toBeLessThan(LINEAR_RATIO_BOUND);
    },
  );
});

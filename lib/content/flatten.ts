/**
 * A body the render pipeline must not take (nested too deep, too dense in
 * marks) → its reader text as plain paragraphs: what `markupToPlainText`
 * keeps, split where the markdown had blank lines, as escaped text in `<p>`
 * elements that go through the same sanitizer and serializer as every
 * rendered body. Linear in the body and flat, so nothing a body holds can
 * make it throw; nothing a reader could see is lost, only its layout.
 */
import type { Root } from "hast";
import { sanitize } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";
import { markupToPlainText } from "./plain-text";
import { newsSchema } from "./rehype/news-schema";
import { BODY_HTML_OPTIONS } from "./render";

/** Marks a paragraph break through `markupToPlainText`: a private-use character, neither whitespace nor markup. */
const BREAK = "\uE000";

export function flattenedBodyHtml(markdown: string): string {
  const text = markupToPlainText(markdown.replace(/\n(?:[ \t]*\n)+/g, `\n${BREAK}\n`));
  const tree: Root = { type: "root", children: [] };
  for (const paragraph of text.split(BREAK)) {
    const value = paragraph.trim();
    if (value) tree.children.push({ type: "element", tagName: "p", properties: {}, children: [{ type: "text", value }] });
  }
  return toHtml(sanitize(tree, newsSchema) as Root, BODY_HTML_OPTIONS);
}

/**
 * What a reader sees of a rendered body: its text, whitespace collapsed.
 * Tests read it from the HTML a page actually gets, so it cannot disagree
 * with what is shown.
 */
import { fromHtml } from "hast-util-from-html";
import { toText } from "hast-util-to-text";

export function readerText(html: string): string {
  return toText(fromHtml(html, { fragment: true }), { whitespace: "normal" }).replace(/\s+/g, " ").trim();
}

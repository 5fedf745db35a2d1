/**
 * rehype plugin, after sanitizing: drops what is left empty (the publishers'
 * tracking spans unwrap to nothing, leaving `<p></p>` shells; images whose
 * unsafe `src` was removed) and demotes
 * headings one level, because the page's `<h1>` is the headline.
 */
import type { Element, Root } from "hast";
import { toText } from "hast-util-to-text";
import { SKIP, visit } from "unist-util-visit";

const KEEP_WHEN_EMPTY = new Set(["br", "hr", "img", "td", "th", "tr"]);

function isEmpty(node: Element): boolean {
  if (KEEP_WHEN_EMPTY.has(node.tagName)) return false;
  let hasContent = false;
  visit(node, "element", (child) => {
    if (child !== node && KEEP_WHEN_EMPTY.has(child.tagName) && child.tagName !== "br") hasContent = true;
  });
  return !hasContent && toText(node).trim() === "";
}

export default function rehypeTidy() {
  return (tree: Root) => {
    // First the images whose unsafe `src` was removed (they show nothing but a
    // broken-image box), so that a paragraph holding only such an image counts
    // as empty below.
    visit(tree, "element", (node, index, parent) => {
      if (parent && index !== undefined && node.tagName === "img" && typeof node.properties.src !== "string") {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    });
    visit(tree, "element", (node, index, parent) => {
      if (/^h[1-5]$/.test(node.tagName)) node.tagName = `h${Number(node.tagName[1]) + 1}`;
      if (parent && index !== undefined && isEmpty(node)) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    });
  };
}

/**
 * rehype plugin, after sanitizing: drops what is left empty (the publishers'
 * tracking spans unwrap to nothing, leaving `<p></p>` shells; images whose
 * unsafe `src` was removed) and demotes
 * headings one level, because the page's `<h1>` is the headline.
 *
 * One pass, children before parents: whether an element is empty is known
 * from its children's answers, instead of reading its whole subtree again
 * for every element in it (which made a body nested a few hundred levels
 * deep cost seconds).
 */
import type { Element, ElementContent, Root } from "hast";

const KEEP_WHEN_EMPTY = new Set(["br", "hr", "img", "td", "th", "tr"]);

/** An image whose unsafe `src` was removed shows nothing but a broken-image box. */
const isImageWithoutSource = (node: Element) => node.tagName === "img" && typeof node.properties.src !== "string";

/**
 * Tidies `parent`'s children in place and says whether anything in them is
 * worth showing: text that is not blank, or an element kept when empty
 * (a `<br>` alone does not count: a paragraph of line breaks is empty).
 */
function tidyChildren(parent: Root | Element): boolean {
  let hasContent = false;
  const kept: (typeof parent.children)[number][] = [];
  for (const child of parent.children) {
    if (child.type === "text") {
      if (child.value.trim() !== "") hasContent = true;
    } else if (child.type === "element") {
      if (isImageWithoutSource(child)) continue;
      if (/^h[1-5]$/.test(child.tagName)) child.tagName = `h${Number(child.tagName[1]) + 1}`;
      const inner = tidyChildren(child);
      const keepsItself = KEEP_WHEN_EMPTY.has(child.tagName);
      if (!inner && !keepsItself) continue;
      if (inner || child.tagName !== "br") hasContent = true;
    }
    kept.push(child);
  }
  parent.children = kept as ElementContent[];
  return hasContent;
}

export default function rehypeTidy() {
  return (tree: Root) => {
    tidyChildren(tree);
  };
}

/**
 * rehype plugin: removes elements a publisher hid from readers
 * (`style="display:none"`, `visibility:hidden`, the `hidden` attribute,
 * `<input type=hidden>`), with their content. Runs before sanitizing,
 * because sanitizing removes the `style` attribute this rule reads.
 */
import type { Element, ElementContent, Root } from "hast";

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)/i;

export function isHiddenElement(node: Element): boolean {
  const { style, hidden, type } = node.properties;
  if (hidden !== undefined && hidden !== null && hidden !== false) return true;
  if (node.tagName === "input" && String(type).toLowerCase() === "hidden") return true;
  return typeof style === "string" && HIDDEN_STYLE.test(style);
}

/** Filters each children list once (splicing out one element at a time costs the list's length each time). */
function dropHidden(parent: Root | Element): void {
  const kept: (typeof parent.children)[number][] = [];
  for (const child of parent.children) {
    if (child.type === "element") {
      if (isHiddenElement(child)) continue;
      dropHidden(child);
    }
    kept.push(child);
  }
  if (kept.length !== parent.children.length) parent.children = kept as ElementContent[];
}

export default function rehypeDropHidden() {
  return (tree: Root) => {
    dropHidden(tree);
  };
}

/**
 * rehype plugin: removes elements a publisher hid from readers
 * (`style="display:none"`, `visibility:hidden`, the `hidden` attribute,
 * `<input type=hidden>`), with their content. Runs before sanitizing,
 * because sanitizing removes the `style` attribute this rule reads.
 */
import type { Element, Root } from "hast";
import { SKIP, visit } from "unist-util-visit";

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\s*(?:!\s*important\s*)?(?:;|$)/i;

export function isHiddenElement(node: Element): boolean {
  const { style, hidden, type } = node.properties;
  if (hidden !== undefined && hidden !== null && hidden !== false) return true;
  if (node.tagName === "input" && String(type).toLowerCase() === "hidden") return true;
  return typeof style === "string" && HIDDEN_STYLE.test(style);
}

export default function rehypeDropHidden() {
  return (tree: Root) => {
    visit(tree, "element", (node, index, parent) => {
      if (parent && index !== undefined && isHiddenElement(node)) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    });
  };
}

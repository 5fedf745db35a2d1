/**
 * rehype plugin: finds the `（文章来源：上海证券报）` credit the publishers
 * put at the end of an article, records the media name in `file.data`, and
 * removes the paragraph when the credit is all it says (the source
 * attribution shows it instead).
 */
import type { Root } from "hast";
import { toText } from "hast-util-to-text";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import { SOURCE_CREDIT as CREDIT } from "../plain-text";
const ONLY_CREDIT = new RegExp(`^\\s*${CREDIT.source}\\s*$`);

declare module "vfile" {
  interface DataMap {
    sourceCredit: string;
  }
}

export default function rehypeSourceCredit() {
  return (tree: Root, file: VFile) => {
    visit(tree, "element", (node, index, parent) => {
      if (node.tagName !== "p" || !parent || index === undefined) return;
      const text = toText(node);
      const credit = CREDIT.exec(text);
      if (!credit) return;
      file.data.sourceCredit = credit[1].trim();
      if (ONLY_CREDIT.test(text)) {
        parent.children.splice(index, 1);
        return [SKIP, index];
      }
    });
  };
}

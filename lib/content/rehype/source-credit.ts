/**
 * rehype plugin: finds the `（文章来源：上海证券报）` credit the publishers
 * put at the end of an article, records the media name in `file.data`, and
 * removes the paragraph when the credit is all it says (the source
 * attribution shows it instead).
 */
import type { Element, ElementContent, Root } from "hast";
import { toText } from "hast-util-to-text";
import type { VFile } from "vfile";
import { SOURCE_CREDIT as CREDIT } from "../plain-text";
const ONLY_CREDIT = new RegExp(`^\\s*${CREDIT.source}\\s*$`);

declare module "vfile" {
  interface DataMap {
    sourceCredit: string;
  }
}

/** The paragraphs under `parent`, in document order; those that are only a credit leave the tree. */
function readCredits(parent: Root | Element, file: VFile): void {
  const kept: (typeof parent.children)[number][] = [];
  for (const child of parent.children) {
    if (child.type === "element") {
      if (child.tagName !== "p") readCredits(child, file);
      else {
        // Whitespace collapsed first: the credit's `\s*` on either side of a
        // 40-character name would try every split of a run of `<br>`s.
        const text = toText(child).replace(/\s+/g, " ");
        const credit = CREDIT.exec(text);
        if (credit) {
          file.data.sourceCredit = credit[1].trim();
          if (ONLY_CREDIT.test(text)) continue;
        }
      }
    }
    kept.push(child);
  }
  if (kept.length !== parent.children.length) parent.children = kept as ElementContent[];
}

export default function rehypeSourceCredit() {
  return (tree: Root, file: VFile) => {
    readCredits(tree, file);
  };
}

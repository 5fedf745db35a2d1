/**
 * rehype plugin, right after sanitizing: serializes the tree, parses it
 * again the way a browser will, and sanitizes that. A sanitized tree can
 * still nest what HTML cannot hold (`<p>` inside `<p>` once `<button>` is
 * unwrapped); written out as is, the browser would build a different tree
 * from it, which is how mutation XSS slips past sanitizers. After this step
 * the tree is the one the reader's browser builds.
 *
 * (A second `.use(rehypeSanitize)` would not do: unified applies a plugin
 * once, so this step sanitizes by itself.)
 */
import type { Root } from "hast";
import { fromHtml } from "hast-util-from-html";
import { sanitize, type Schema } from "hast-util-sanitize";
import { toHtml } from "hast-util-to-html";

export default function rehypeReparse(schema: Schema) {
  return (tree: Root): Root => sanitize(fromHtml(toHtml(tree), { fragment: true }), schema) as Root;
}

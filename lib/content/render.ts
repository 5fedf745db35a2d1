/**
 * Markdown (with raw publisher HTML and GFM tables) → sanitized HTML, plus
 * the plain text and the source credit found on the way. The pipeline reads
 * as the list of what happens to a body.
 */
import type { Root } from "hast";
import { toText } from "hast-util-to-text";
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import type { VFile } from "vfile";
import rehypeDropHidden from "./rehype/drop-hidden";
import rehypeHarden from "./rehype/harden";
import rehypeReparse from "./rehype/reparse";
import { newsSchema } from "./rehype/news-schema";
import rehypeSourceCredit from "./rehype/source-credit";
import rehypeTidy from "./rehype/tidy";

declare module "vfile" {
  interface DataMap {
    plainText: string;
  }
}

/** Keeps the tree's reader-visible text, for summaries and search. */
function rehypeCapturePlainText() {
  return (tree: Root, file: VFile) => {
    file.data.plainText = toText(tree, { whitespace: "normal" }).replace(/\s+/g, " ").trim();
  };
}

/**
 * How the body is written out. Single-quoted attributes and the shortest
 * character references: an article page carries its body twice (as HTML and
 * inside the React Server Components payload, a double-quoted JS string),
 * and there every `"` costs a backslash more.
 */
export const BODY_HTML_OPTIONS = { quote: "'", quoteSmart: true, characterReferences: { useShortestReferences: true } } as const;

const pipeline = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeDropHidden)
  .use(rehypeSanitize, newsSchema)
  .use(rehypeReparse, newsSchema)
  .use(rehypeTidy)
  .use(rehypeSourceCredit)
  .use(rehypeHarden)
  .use(rehypeCapturePlainText)
  .use(rehypeStringify, BODY_HTML_OPTIONS)
  .freeze();

export interface RenderedBody {
  html: string;
  /** Reader-visible text of the body, whitespace collapsed. */
  text: string;
  /** Media name from a `（文章来源：X）` credit, if the body had one. */
  sourceCredit?: string;
}

/** Renders one markdown body. Pure: the same input always gives the same output. */
export function renderBody(markdown: string): RenderedBody {
  const file = pipeline.processSync(markdown);
  return {
    html: String(file.value),
    text: file.data.plainText ?? "",
    sourceCredit: file.data.sourceCredit,
  };
}

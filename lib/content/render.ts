/**
 * Markdown (with raw publisher HTML and GFM tables) → sanitized HTML, plus
 * the source credit found on the way. The pipeline reads as the list of what
 * happens to a body.
 */
import rehypeRaw from "rehype-raw";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import rehypeDropHidden from "./rehype/drop-hidden";
import rehypeHarden from "./rehype/harden";
import rehypeReparse from "./rehype/reparse";
import { newsSchema } from "./rehype/news-schema";
import rehypeSourceCredit from "./rehype/source-credit";
import rehypeTidy from "./rehype/tidy";

/**
 * How the body is written out: the shortest character references, and
 * attribute quotes that need no escaping (single unless the value holds
 * one). The rendered-body cache, the export's fingerprints and the tests
 * all see these exact bytes.
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
  .use(rehypeStringify, BODY_HTML_OPTIONS)
  .freeze();

export interface RenderedBody {
  html: string;
  /** Media name from a `（文章来源：X）` credit, if the body had one. */
  sourceCredit?: string;
}

/** Renders one markdown body. Pure: the same input always gives the same output. */
export function renderBody(markdown: string): RenderedBody {
  const file = pipeline.processSync(markdown);
  return {
    html: String(file.value),
    sourceCredit: file.data.sourceCredit,
  };
}

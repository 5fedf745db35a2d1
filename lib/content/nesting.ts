/**
 * How deeply a post's body nests, and how dense its inline marks are,
 * measured in one pass over the text: cheap enough for the index (no
 * parsing), so that `parsePost` (index, checker) and `renderPostBody`
 * (page) decide alike whether a body goes through the render pipeline.
 *
 * The pipeline (remark → rehype → sanitize) recurses over the tree: a body
 * nested thousands of levels deep overflows the stack. Measured on the
 * 2-core dev machine, each in a fresh process (no JIT yet, when frames are
 * largest): it survives 1,500 nested `<div>`s, 1,000 `>` quotes, 700 nested
 * markdown lists, 350 nested tables (1,400 elements), 500 `<ul><li>` (1,000
 * elements) and emphasis 1,000 deep; it throws at 1,500 quotes, 1,000
 * markdown lists, 900 `<ul><li>` and emphasis 1,500 deep. The default limit
 * of 100 (MAX_POST_DEPTH, at most 1,000) keeps every body at a tenth of
 * that or less; real publisher articles nest 20–30 levels.
 *
 * Each measure errs on the side of more depth where the exact answer would
 * need a full parser: a body that is wrongly judged too deep is still shown
 * (as plain paragraphs, with a warning); one wrongly judged shallow could
 * take its page down.
 */

export interface BodyNesting {
  /** Deepest nesting: markdown containers + HTML elements + emphasis, each at its deepest. */
  depth: number;
  /** Most emphasis, strikethrough, code and link marks (`*_~\`[]`, and `<!`) in one paragraph. */
  inlineMarks: number;
}

export function measureNesting(markdown: string): BodyNesting {
  const blocks = markdownBlocks(markdown);
  return { depth: blocks.containerDepth + htmlDepth(markdown, blocks) + blocks.emphasisDepth, inlineMarks: blocks.inlineMarks };
}

/**
 * The marks micromark resolves per paragraph by looking over the whole
 * paragraph for a partner (an unmatched `*` before each `_`, a `]` before
 * each `[`, a `-->` after each `<!--`…), so a paragraph's cost grows with
 * their number times its length: 20,000 `*a_` in one paragraph took 45 s. Measured: at 1,000 marks
 * a paragraph, a megabyte of the worst mix renders in about the time of a
 * megabyte of plain text, while real paragraphs hold a few dozen at most.
 */
export const MAX_INLINE_MARKS = 1000;

/**
 * Why a body must be shown as plain text instead of being rendered, or
 * undefined when it can be rendered. The same words for the checker's
 * warning and the page's log.
 */
export function flattenReason(nesting: BodyNesting, maxDepth: number): string | undefined {
  if (nesting.depth > maxDepth) {
    return `nested ${nesting.depth.toLocaleString("en-US")} levels deep (limit ${maxDepth}, MAX_POST_DEPTH); shown as plain text`;
  }
  if (nesting.inlineMarks > MAX_INLINE_MARKS) {
    return `has ${nesting.inlineMarks.toLocaleString("en-US")} emphasis and link marks in one paragraph (limit ${MAX_INLINE_MARKS.toLocaleString("en-US")}); shown as plain text`;
  }
  return undefined;
}

// ---- markdown: containers at line starts, emphasis and marks per paragraph ----

const SPACE = 32;
const TAB = 9;
const GT = 62;

interface MarkdownBlocks {
  containerDepth: number;
  emphasisDepth: number;
  inlineMarks: number;
  /**
   * Where markdown paragraphs (and headings) begin and end, as [start, end)
   * pairs in order. Markdown wraps them in an element whose end closes the
   * inline HTML left open in them; a block that opens with `<` may be an
   * HTML block instead, and is not listed.
   */
  paragraphs: number[];
  /**
   * [start, end) pairs, in order, of what may be code: a block (between
   * blank lines) with a fence or a line indented four columns, and the
   * stretch between a block's first and last backtick (a code span lies in
   * it). There a `<script>` or `<!--` may be text, and the tags after it real.
   */
  mayHoldCode: number[];
}

/**
 * Every line's container prefix (`>` quotes, `-`/`*`/`+`/`1.` list
 * markers, the spaces between them) and every paragraph's inline marks.
 */
function markdownBlocks(markdown: string): MarkdownBlocks {
  let containerDepth = 0;
  let emphasisDepth = 0;
  let inlineMarks = 0;
  const paragraphs: number[] = [];
  const mayHoldCode: number[] = [];
  let inBlock = false;
  let paragraphStart = -1;
  let blockStart = -1;
  let blockHoldsCode = false;
  let firstBacktick = -1;
  let lastBacktick = -1;
  const endBlock = (at: number) => {
    if (blockStart >= 0 && blockHoldsCode) mayHoldCode.push(blockStart, at);
    else if (lastBacktick > firstBacktick) mayHoldCode.push(firstBacktick, lastBacktick + 1);
    blockStart = firstBacktick = lastBacktick = -1;
    blockHoldsCode = false;
  };
  let fence: { char: string; length: number } | undefined;
  let nextBacktick = -2;
  let paragraph = new Paragraph();
  let start = 0;
  while (start <= markdown.length) {
    let end = markdown.indexOf("\n", start);
    if (end < 0) end = markdown.length;
    const prefix = containerPrefix(markdown, start, end);
    containerDepth = Math.max(containerDepth, prefix.depth);
    if (prefix.blank) endBlock(start);
    else {
      if (blockStart < 0) blockStart = start;
      if (nextBacktick !== -1 && nextBacktick < start) nextBacktick = markdown.indexOf("`", start);
      if (nextBacktick >= 0 && nextBacktick < end) {
        if (firstBacktick < 0) firstBacktick = nextBacktick;
        lastBacktick = markdown.lastIndexOf("`", end - 1);
      }
      const fenceMark = /^(`{3,}|~{3,})/.exec(markdown.slice(prefix.contentStart, Math.min(end, prefix.contentStart + 64)))?.[1];
      const wasInFence = fence !== undefined;
      if (fenceMark && prefix.indent <= 3) {
        if (!fence) fence = { char: fenceMark[0], length: fenceMark.length };
        else if (fenceMark[0] === fence.char && fenceMark.length >= fence.length) fence = undefined;
      }
      if (wasInFence || fence || fenceMark || prefix.indent >= 4) blockHoldsCode = true;
    }
    // A blank line, a list item or a heading starts a new paragraph: marks before it never pair with marks after it.
    if (prefix.blank || prefix.startsBlock) {
      emphasisDepth = Math.max(emphasisDepth, paragraph.maxDepth);
      inlineMarks = Math.max(inlineMarks, paragraph.marks);
      paragraph = new Paragraph();
      if (paragraphStart >= 0) paragraphs.push(paragraphStart, start);
      paragraphStart = -1;
      inBlock = false;
    }
    if (!prefix.blank && !inBlock) {
      inBlock = true;
      if (prefix.opensParagraph) paragraphStart = start;
    }
    paragraph.scan(markdown, start, end);
    start = end + 1;
  }
  if (paragraphStart >= 0) paragraphs.push(paragraphStart, markdown.length);
  endBlock(markdown.length);
  emphasisDepth = Math.max(emphasisDepth, paragraph.maxDepth);
  inlineMarks = Math.max(inlineMarks, paragraph.marks);
  return { containerDepth, emphasisDepth, inlineMarks, paragraphs, mayHoldCode };
}

/**
 * The containers a line opens or continues: each `>` and each list marker
 * is a level, and so is every two columns of indentation before a marker
 * (a nested list item sits at least two columns right of its parent's
 * marker, even after lazy lines that did not repeat the indentation).
 */
function containerPrefix(
  text: string,
  start: number,
  end: number,
): { depth: number; blank: boolean; startsBlock: boolean; opensParagraph: boolean; contentStart: number; indent: number } {
  let depth = 0;
  let columns = 0;
  /** Whitespace since the last marker; -1 right after a list marker, whose one separating space is part of it. */
  let pending = 0;
  let firstMarkerIndent = -1;
  let i = start;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === SPACE || c === TAB) {
      pending += c === TAB ? 4 : 1;
      continue;
    }
    if (c === GT) {
      // A quote's `>` needs no indentation: the spaces around it are not levels.
      depth++;
      pending = 0;
      continue;
    }
    const marker = listMarkerLength(text, i, end);
    if (marker === 0) break;
    if (firstMarkerIndent < 0) firstMarkerIndent = pending;
    columns += Math.max(0, pending);
    depth++;
    i += marker - 1;
    pending = -1;
  }
  const blank = i === end && depth === 0;
  const startsBlock =
    !blank && ((firstMarkerIndent >= 0 && firstMarkerIndent <= 3) || (depth === 0 && pending <= 3 && /^#{1,6}(?:[ \t]|$)/.test(text.slice(i, Math.min(end, i + 7)))));
  // A list item's text is no paragraph in a tight list; a line that opens with `<` may be an HTML block.
  const opensParagraph = !blank && firstMarkerIndent < 0 && i < end && text[i] !== "<";
  return { depth: depth + Math.floor(columns / 2), blank, startsBlock, opensParagraph, contentStart: i, indent: Math.max(0, pending) };
}

/** Length of a list marker (`-`, `*`, `+`, `1.`, `12)`) at `i` followed by a space, a tab or the line's end; else 0. */
function listMarkerLength(text: string, i: number, end: number): number {
  const c = text[i];
  let length = 0;
  if (c === "-" || c === "*" || c === "+") length = 1;
  else {
    let j = i;
    while (j < end && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
    if (j > i && j < end && (text[j] === "." || text[j] === ")")) length = j - i + 1;
  }
  if (length === 0) return 0;
  const after = i + length;
  return after === end || text[after] === " " || text[after] === "\t" ? length : 0;
}

const PUNCTUATION = /[\p{P}\p{S}]/u;
const WHITESPACE = /\s/;

/**
 * One paragraph's inline marks and how deeply its emphasis nests. Emphasis
 * runs pair like CommonMark's delimiter stack (a closing run takes the
 * nearest opening run of its character; what lay between is closed too),
 * with one liberty: any run not followed by a space may open, and any run
 * not preceded by one may close unless it stands between punctuation and a
 * letter (`：**正文`, an opener to CommonMark too), so pairs are found where
 * CommonMark's flanking rules might refuse them. A pair of runs `min`
 * characters long nests ceil(min / 2) levels (`***x***` is em > strong).
 */
class Paragraph {
  marks = 0;
  private pairedDepth = 0;
  /** Whether raw HTML tags sit among the marks. */
  private hasTag = false;
  /** Open runs: their character, characters left and the deepest pair closed inside them. */
  private readonly open: { char: string; left: number; inner: number }[] = [];
  /** Indexes into `open` of each character's runs. */
  private readonly byChar = new Map<string, number[]>();

  /**
   * How deeply the paragraph's inline elements may nest. Where raw HTML sits
   * among them, a tag left open can make the parser ignore the end of every
   * element markdown made around it (`***<select>` repeated nests without
   * end), so then every element counts: at most one for each two marks.
   */
  get maxDepth(): number {
    return this.hasTag ? Math.max(this.pairedDepth, Math.floor(this.marks / 2)) : this.pairedDepth;
  }

  scan(text: string, start: number, end: number): void {
    let i = start;
    while (i < end) {
      const c = text[i];
      if (c === "<") {
        const next = text[i + 1] ?? "";
        if (/[a-z/]/i.test(next)) this.hasTag = true;
        // A `<!--` never closed is looked for to the paragraph's end, each one: a mark like the others.
        else if (next === "!") this.marks++;
      }
      if (c === "[" || c === "]" || c === "`") {
        this.marks++;
        i++;
        continue;
      }
      if (c !== "*" && c !== "_" && c !== "~") {
        i++;
        continue;
      }
      let j = i + 1;
      while (j < end && text[j] === c) j++;
      this.marks += j - i;
      const before = i > 0 ? text[i - 1] : "\n";
      const after = j < text.length ? text[j] : "\n";
      this.run(c, j - i, !WHITESPACE.test(after), !WHITESPACE.test(before) && !(PUNCTUATION.test(before) && /[\p{L}\p{N}]/u.test(after)));
      i = j;
    }
  }

  private run(char: string, length: number, canOpen: boolean, canClose: boolean): void {
    let left = length;
    if (canClose) {
      const stack = this.byChar.get(char);
      while (left > 0 && stack && stack.length > 0) {
        const at = stack[stack.length - 1];
        this.closeAbove(at);
        const opener = this.open[at];
        const used = Math.min(opener.left, left);
        const depth = opener.inner + Math.ceil(used / 2);
        opener.left -= used;
        left -= used;
        opener.inner = depth;
        if (opener.left === 0) this.closeAbove(at - 1);
        else this.pairedDepth = Math.max(this.pairedDepth, depth);
      }
    }
    if (left > 0 && canOpen) {
      this.open.push({ char, left, inner: 0 });
      let stack = this.byChar.get(char);
      if (!stack) this.byChar.set(char, (stack = []));
      stack.push(this.open.length - 1);
    }
  }

  /** Discards the open runs above index `keep`, handing the depth closed inside them down to the run below. */
  private closeAbove(keep: number): void {
    while (this.open.length - 1 > keep) {
      const top = this.open.pop()!;
      this.byChar.get(top.char)!.pop();
      this.pairedDepth = Math.max(this.pairedDepth, top.inner);
      if (this.open.length > 0) {
        const below = this.open[this.open.length - 1];
        below.inner = Math.max(below.inner, top.inner);
      }
    }
  }
}

// ---- HTML: a tag scan that builds only the stack of open elements ----

const VOID = new Set(["area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
/** Their content is text up to their own end tag. */
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"]); // not noscript: rehype-raw parses it with scripting off
/** Formatting elements: closed only by their own end tag; an implied close keeps them active (the parser rebuilds them). */
const FORMATTING = new Set(["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"]);
/** Elements whose closing ends the formatting elements opened inside them. */
const MARKERS = new Set(["applet", "caption", "marquee", "object", "template", "td", "th"]);
/** Start tags a parser ignores in a body (it merges their attributes into the page's own). */
const IGNORED_IN_BODY = new Set(["html", "head", "body", "frameset"]);
/** Start tags that close an open `<p>`. */
const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
  "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "listing", "main", "menu", "nav", "ol", "p", "pre",
  "search", "section", "summary", "table", "ul", "xmp",
]);
/** Elements a `<li>`, `<dd>` or `<dt>` does not close its predecessor across (HTML's "special" category, less address, div and p). */
const SPECIAL = new Set([
  "applet", "article", "aside", "blockquote", "body", "button", "caption", "center", "colgroup", "dd", "details", "dir", "dl", "dt",
  "fieldset", "figcaption", "figure", "footer", "form", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hgroup", "html",
  "li", "listing", "main", "marquee", "menu", "nav", "noscript", "object", "ol", "pre", "search", "section", "select", "summary", "table", "tbody",
  "td", "template", "tfoot", "th", "thead", "tr", "ul",
]);
/** What an end tag without a rule of its own (`</span>`) does not close across: all of HTML's "special" elements. */
const SPECIAL_ALL = new Set([...SPECIAL, "address", "div", "p"]);
const DEFAULT_SCOPE = new Set(["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"]);
const BUTTON_SCOPE = new Set([...DEFAULT_SCOPE, "button"]);
const LIST_SCOPE = new Set([...DEFAULT_SCOPE, "ol", "ul"]);
const TABLE_SCOPE = new Set(["html", "table", "template"]);
/** HTML start tags that end foreign (SVG, MathML) content. */
const BREAKOUT = new Set([
  "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em", "embed", "h1", "h2", "h3", "h4", "h5", "h6",
  "head", "hr", "i", "img", "li", "listing", "menu", "meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike",
  "sub", "sup", "table", "tt", "u", "ul", "var",
]);

/** SVG and MathML elements whose content is parsed as HTML again. */
const INTEGRATION_POINTS = { svg: new Set(["foreignobject", "desc", "title"]), math: new Set(["mi", "mo", "mn", "ms", "mtext", "annotation-xml"]) };
type Namespace = keyof typeof INTEGRATION_POINTS;
/** The kind under which integration points are kept (a set no HTML element name is in). */
const INTEGRATION_MARK = new Set<string>();

/**
 * The open-element stack an HTML parser would build, kept only as far as
 * depth needs it: which elements are open and where the nearest of each
 * name and of each scope-closing kind is, so that every implied end
 * (`<p>` closing a `<p>`, `<li>` a `<li>`, `</div>` its `<div>` unless a
 * table lies between) costs O(1) amortised.
 */
class OpenElements {
  private readonly names: string[] = [];
  /** SVG or MathML, for the elements in them; undefined for HTML elements. */
  private readonly namespaces: (Namespace | undefined)[] = [];
  /** Stack positions of each name, ascending. */
  private readonly byName = new Map<string, number[]>();
  /** Stack positions of the elements of each kind (special, scope barriers), ascending. */
  private readonly byKind = new Map<Set<string>, number[]>();
  /** Stack positions of HTML (not SVG or MathML) elements, ascending. */
  private readonly html: number[] = [];
  /** Active formatting elements (undefined once ended), in the order they opened. */
  private readonly formatting: (string | undefined)[] = [];
  private formattingLive = 0;
  private readonly formattingByName = new Map<string, number[]>();
  /** For each open marker (td, th, …): how long `formatting` was when it opened. */
  private readonly markerFormatting: number[] = [];
  maxDepth = 0;

  private static readonly KINDS = [SPECIAL, SPECIAL_ALL, DEFAULT_SCOPE, BUTTON_SCOPE, LIST_SCOPE, TABLE_SCOPE];
  /** SVG's foreignObject and MathML's mtext (…) are special and bound every scope but a table's. */
  private static readonly INTEGRATION_KINDS = [SPECIAL, SPECIAL_ALL, DEFAULT_SCOPE, BUTTON_SCOPE, LIST_SCOPE, INTEGRATION_MARK];

  private static kindsOf(name: string, namespace: Namespace | undefined): Set<string>[] {
    if (namespace) return INTEGRATION_POINTS[namespace].has(name) ? OpenElements.INTEGRATION_KINDS : [];
    return OpenElements.KINDS.filter((kind) => kind.has(name));
  }

  /**
   * The one open `<form>` (a parser ignores a `<form>` inside it, and
   * `</form>` takes it off the stack leaving what is inside it open): kept
   * out of the stack, counted as one level while open.
   */
  formOpen = false;

  get depth(): number {
    return this.names.length + this.formattingLive + (this.formOpen ? 1 : 0) + this.uncertain;
  }

  /**
   * Elements that may or may not be real (a start tag escaped with `\`, or
   * in a comment or raw text): counted, and never closed, since whatever
   * might close them may have been meant for another element.
   */
  private uncertain = 0;

  openForGood(): void {
    this.uncertain++;
    this.maxDepth = Math.max(this.maxDepth, this.depth);
  }

  openForm(): void {
    this.formOpen = true;
    this.maxDepth = Math.max(this.maxDepth, this.depth);
  }

  nearest(name: string): number {
    const list = this.byName.get(name);
    return list && list.length > 0 ? list[list.length - 1] : -1;
  }

  nearestOf(kind: Set<string>): number {
    const list = this.byKind.get(kind);
    return list && list.length > 0 ? list[list.length - 1] : -1;
  }

  /** The namespace of the current node when it is an SVG or MathML element whose content is not HTML. */
  foreignContent(): Namespace | undefined {
    const at = this.names.length - 1;
    const namespace = at >= 0 ? this.namespaces[at] : undefined;
    return namespace && !INTEGRATION_POINTS[namespace].has(this.names[at]) ? namespace : undefined;
  }

  /** Stack position of the nearest HTML element, or -1. */
  nearestHtml(): number {
    return this.html.length > 0 ? this.html[this.html.length - 1] : -1;
  }

  /**
   * Pops the SVG and MathML elements above the nearest HTML element or
   * integration point (what an HTML tag inside an `<svg>` does).
   */
  leaveForeignContent(): void {
    const integration = this.nearestOf(INTEGRATION_MARK);
    this.truncate(Math.max(this.nearestHtml(), integration) + 1);
  }

  push(name: string, namespace?: Namespace): void {
    const foreign = namespace !== undefined;
    if (!foreign && FORMATTING.has(name)) {
      // (A second <a> ends the first in a parser, but moves the blocks inside it under a copy: counted as open.)
      this.formatting.push(name);
      this.formattingLive++;
      let list = this.formattingByName.get(name);
      if (!list) this.formattingByName.set(name, (list = []));
      list.push(this.formatting.length - 1);
    } else {
      const at = this.names.length;
      this.names.push(name);
      this.namespaces.push(namespace);
      let list = this.byName.get(name);
      if (!list) this.byName.set(name, (list = []));
      list.push(at);
      for (const kind of OpenElements.kindsOf(name, namespace)) {
        let positions = this.byKind.get(kind);
        if (!positions) this.byKind.set(kind, (positions = []));
        positions.push(at);
      }
      if (!foreign) {
        this.html.push(at);
        if (MARKERS.has(name)) this.markerFormatting.push(this.formatting.length);
      }
    }
    this.maxDepth = Math.max(this.maxDepth, this.depth);
  }

  /** Pops the element at stack position `at` and everything above it. */
  truncate(at: number): void {
    while (this.names.length > Math.max(at, 0)) {
      const name = this.names.pop()!;
      const namespace = this.namespaces.pop();
      this.byName.get(name)!.pop();
      for (const kind of OpenElements.kindsOf(name, namespace)) this.byKind.get(kind)!.pop();
      if (namespace) continue;
      this.html.pop();
      if (MARKERS.has(name)) this.dropFormattingAfter(this.markerFormatting.pop()!);
    }
  }

  /** Ends the nearest active formatting element named `name`, if any. */
  endFormatting(name: string): void {
    const list = this.formattingByName.get(name);
    if (!list || list.length === 0) return;
    this.formatting[list.pop()!] = undefined;
    this.formattingLive--;
  }

  private dropFormattingAfter(length: number): void {
    while (this.formatting.length > length) {
      const name = this.formatting.pop();
      if (name === undefined) continue;
      this.formattingByName.get(name)!.pop();
      this.formattingLive--;
    }
  }
}

/**
 * Deepest element nesting of the HTML in a body. Markdown around it is text
 * to this scan, with the markdown rules that decide what is a tag kept:
 *
 * - A tag cannot span a blank line (micromark leaves such a `<div` as text,
 *   and the tags after it count), except a `<script>`, `<style>`,
 *   `<textarea>` or `<pre>` start that opens a line (an HTML block).
 * - A paragraph is wrapped in markdown's own `<p>`, whose end closes the
 *   inline tags left open in it.
 * - A comment is one when it opens a line (an HTML block, running to its
 *   `-->`), or closes before the paragraph ends; else `<!--` is text.
 * - A comment or raw text (`<script>…</script>`) hides the tags in it, but
 *   markdown may have made the `<!--` or `<script>` itself text (in a code
 *   span, a fence), and then the tags after it are real. So in them start
 *   tags still count and only end tags do not, and raw text runs to the
 *   first end tag of its name that cannot be code: the measure comes out
 *   deeper than the parser's tree, never shallower.
 */
function htmlDepth(text: string, blocks: Pick<MarkdownBlocks, "paragraphs" | "mayHoldCode">): number {
  if (!text.includes("<")) return 0;
  const { paragraphs } = blocks;
  const lower = text.toLowerCase();
  const open = new OpenElements();
  const blankLines = new BlankLines(lower);
  // `\<` is text in markdown but a tag in an HTML block: it counts when it opens something, never when it closes.
  const escaped = (at: number) => at > 0 && lower[at - 1] === "\\";
  const certain = (at: number) => !escaped(at) && !inRanges(blocks.mayHoldCode, at);
  /** End of the comment or raw text the scan is in: end tags before it are not counted. */
  let hiddenUntil = -1;
  let nextGt = -2;
  let nextCommentEnd = -2;
  /** The next paragraph start or end to apply, as an index into `paragraphs`. */
  let event = 0;
  let at = lower.indexOf("<");
  while (at >= 0) {
    for (; event < paragraphs.length && paragraphs[event] <= at; event++) {
      if (paragraphs[event] < hiddenUntil) continue;
      if (event % 2 === 0) startTag(open, "p", false);
      else endTag(open, "p");
    }
    const hidden = at < hiddenUntil;
    if (lower.startsWith("<!--", at)) {
      if (!hidden) {
        // The next `-->`, looked up once for every `<!--` before it: ten thousand unclosed ones cost one scan.
        if (nextCommentEnd !== -1 && nextCommentEnd < at + 4) nextCommentEnd = lower.indexOf("-->", at + 4);
        const close = nextCommentEnd;
        const end = close < 0 ? lower.length : close + 3;
        // A comment block (it opens a line, in a quote or list too), or an inline comment closed before the paragraph ends.
        if (opensLine(lower, at, true) || (close >= 0 && !blankLines.between(at, close))) hiddenUntil = end;
      }
      at = lower.indexOf("<", at + 4);
      continue;
    }
    const isEnd = lower.charCodeAt(at + 1) === 47; // "/"
    const nameStart = isEnd ? at + 2 : at + 1;
    const first = lower.charCodeAt(nameStart);
    if (!(first >= 97 && first <= 122)) {
      at = lower.indexOf("<", at + 1);
      continue;
    }
    if (nextGt !== -1 && nextGt < nameStart) nextGt = lower.indexOf(">", nameStart);
    if (nextGt === -1) break; // A tag never closed: the parser drops it, and there is no later one.
    let nameEnd = nameStart + 1;
    while (nameEnd < nextGt && !isTagNameEnd(lower.charCodeAt(nameEnd))) nameEnd++;
    const name = lower.slice(nameStart, nameEnd);
    if (blankLines.between(at, nextGt) && !(!isEnd && BLOCK_RAW.has(name) && opensLine(lower, at, true))) {
      at = lower.indexOf("<", at + 1); // Not a tag to markdown: text.
      continue;
    }
    const selfClosing = lower.charCodeAt(nextGt - 1) === 47;
    if (hidden) {
      if (!isEnd) uncertainStartTag(open, name, selfClosing);
    } else if (isEnd) {
      if (!escaped(at)) endTag(open, name);
    } else {
      const opened = escaped(at) ? uncertainStartTag(open, name, selfClosing) : startTag(open, name, selfClosing);
      if (opened && (RAW_TEXT.has(name) || name === "plaintext")) {
        // Raw text runs to the first end tag of its name that is surely one (one in a code span is text).
        let close = name === "plaintext" ? -1 : lower.indexOf(`</${name}`, nextGt + 1);
        while (close >= 0 && !certain(close)) close = lower.indexOf(`</${name}`, close + 2);
        hiddenUntil = close < 0 ? lower.length : close;
      }
    }
    at = lower.indexOf("<", nextGt + 1);
  }
  return open.maxDepth;
}

/** Start tags that begin an HTML block running to their end tag, blank lines and all. */
const BLOCK_RAW = new Set(["script", "style", "textarea", "pre"]);

/**
 * True when `at` opens its line: after at most three spaces, and (with
 * `inContainer`) after quote marks too.
 */
function opensLine(text: string, at: number, inContainer: boolean): boolean {
  let spaces = 0;
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i];
    if (c === "\n") return true;
    if (c === " " || c === "\t") {
      if (!inContainer && ++spaces > 3) return false;
    } else if (!(inContainer && c === ">")) return false;
    if (at - i > 200) return false;
  }
  return true;
}

/** Whether `at` lies in one of the ascending [start, end) `ranges`. */
function inRanges(ranges: number[], at: number): boolean {
  let lo = 0;
  let hi = ranges.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid * 2 + 1] <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo < ranges.length / 2 && ranges[lo * 2] <= at;
}

/** Where the blank lines are, asked in increasing order: is there one between two positions? */
class BlankLines {
  private next = -2;
  private readonly pattern = /\n[ \t]*\n/g;

  constructor(private readonly text: string) {}

  between(from: number, to: number): boolean {
    if (this.next !== -1 && this.next < from) {
      this.pattern.lastIndex = from;
      const m = this.pattern.exec(this.text);
      this.next = m ? m.index : -1;
    }
    return this.next !== -1 && this.next < to;
  }
}

function isTagNameEnd(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 12 || code === 13 || code === 47 || code === 62;
}

/**
 * A start tag that may be text after all (escaped with `\`, inside a
 * comment or raw text): it counts as an open element, but closes nothing.
 */
function uncertainStartTag(open: OpenElements, name: string, selfClosing: boolean): boolean {
  const namespace = open.foreignContent() ?? (name === "svg" || name === "math" ? name : undefined);
  const opens = namespace ? !selfClosing : !VOID.has(name) && !IGNORED_IN_BODY.has(name);
  if (opens) open.openForGood();
  return opens && !namespace;
}

/**
 * Applies a start tag; true when it opened an HTML element (whose content
 * may then be raw text). The rules that look only at the current node (a
 * heading closing a heading, an option an option) are left out: in a body
 * the current node may be markdown's `<em>` or `<del>`, and then nothing
 * closes (`~~<h2>` repeated nests without end).
 */
function startTag(open: OpenElements, name: string, selfClosing: boolean): boolean {
  const namespace = open.foreignContent();
  if (namespace) {
    if (!BREAKOUT.has(name)) {
      if (!selfClosing) open.push(name, namespace);
      return false;
    }
    open.leaveForeignContent();
  }
  if (name === "svg" || name === "math") {
    if (!selfClosing) open.push(name, name);
    return false;
  }
  if (VOID.has(name) || IGNORED_IN_BODY.has(name)) return false;
  // Outside a table (or a template, which may hold table parts) the parser ignores them.
  if (TABLE_PARTS.has(name) && open.nearest("table") < 0 && open.nearest("template") < 0) return false;
  // Outside a template, a parser keeps one form at most (see OpenElements.formOpen); inside one, forms nest as any element.
  const formOutsideTemplate = name === "form" && open.nearest("template") < 0;
  if (formOutsideTemplate && open.formOpen) return false;
  // A list item first closes the item before it (unless a special element lies between), then an open <p>.
  if (name === "li") closeWithin(open, "li", SPECIAL);
  else if (name === "dd" || name === "dt") closeWithin(open, open.nearest("dd") > open.nearest("dt") ? "dd" : "dt", SPECIAL);
  if (CLOSES_P.has(name)) closeWithin(open, "p", BUTTON_SCOPE);
  if (formOutsideTemplate) {
    open.openForm();
    return true;
  }
  if (name === "tr") closeWithin(open, "tr", TABLE_SCOPE);
  else if (name === "td" || name === "th") {
    closeWithin(open, "td", TABLE_SCOPE);
    closeWithin(open, "th", TABLE_SCOPE);
  } else if (name === "button") closeWithin(open, "button", DEFAULT_SCOPE);
  else if (name === "select" && open.nearest("select") > open.nearest("template")) {
    open.truncate(open.nearest("select")); // a <select> inside a <select> ends it
    return false;
  }
  open.push(name);
  return true;
}

/** Closes the nearest open `name` unless an element of `barriers` is open inside it (the element itself may be one). */
function closeWithin(open: OpenElements, name: string, barriers: Set<string>): void {
  const at = open.nearest(name);
  if (at < 0 || open.nearestOf(barriers) > at) return;
  open.truncate(at);
}

const TABLE_ELEMENTS = new Set(["table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"]);
const TABLE_PARTS = new Set(["tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup"]);
/** End tags that close their element when it is in scope, whatever is open inside it. */
const CLOSED_IN_SCOPE = new Set([
  "address", "applet", "article", "aside", "blockquote", "button", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset",
  "figcaption", "figure", "footer", "header", "hgroup", "listing", "main", "marquee", "menu", "nav", "object", "ol", "pre", "search",
  "section", "summary", "ul",
]);

function endTag(open: OpenElements, name: string): void {
  if (open.foreignContent()) {
    // Only an SVG or MathML element of that name closes; an HTML end tag here is not counted as closing anything.
    const at = open.nearest(name);
    if (at > open.nearestHtml()) open.truncate(at);
    return;
  }
  if (FORMATTING.has(name)) {
    open.endFormatting(name);
    return;
  }
  if (name === "form" && open.nearest("template") < 0) {
    open.formOpen = false;
    return;
  }
  const barriers = name === "li" ? LIST_SCOPE : name === "p" ? BUTTON_SCOPE : TABLE_ELEMENTS.has(name) ? TABLE_SCOPE : CLOSED_IN_SCOPE.has(name) ? DEFAULT_SCOPE : SPECIAL_ALL;
  closeWithin(open, name, barriers);
}

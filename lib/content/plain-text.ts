/**
 * Markdown/HTML body → its reader text, cheaply, for summaries and the
 * source credit when the index is built.
 *
 * Why not the render pipeline: it costs 2–5 ms a post (parse5 + sanitize),
 * 5–8 minutes of CPU for a 100,000-post archive at every cold start, while
 * this costs microseconds. The result is only ever plain text that React
 * escapes, so a rough strip can make a summary untidy but never unsafe; the
 * article page itself always uses the full pipeline (`render.ts`).
 *
 * Every step is linear in the length of the body, because the body is
 * written by a scraper and every byte of it is untrusted: no pattern here
 * may rescan the text behind a match attempt that failed. Where a regex
 * would have to ("every `<script` up to its end tag", "every `![` up to its
 * `]`"), a small scanner looks the closing part up once (`indexOf`, or a
 * table of end tags built in one pass) instead.
 */

/** Elements whose content is never reader text; dropped with their content. */
const DROPPED_WITH_CONTENT = /<(script|style|template|noscript|textarea|title|iframe|object|embed|svg|math|head|select)\b/gi;
/**
 * Of those, the ones whose content a browser reads as raw text up to their
 * end tag: left open, they swallow the rest of the document, so the rest is
 * dropped too. (An unclosed `<svg>` or `<embed>`, a void element, does not.)
 */
const SWALLOWS_REST = new Set(["script", "style", "textarea", "title", "iframe", "noscript"]);
/** Any element's start (its name in group 1), for the hidden-element scan. */
const START_TAG = /<([a-z][a-z0-9]*)\b/gi;
/**
 * The rest of a start tag whose `style` hides it, from just after its name
 * to its `>`. Outside the quoted style value a tag holds no `<`, so a start
 * tag that never closes costs no more than the text up to the next `<`.
 */
const HIDING_TAG_REST =
  /[^<>]*?\sstyle\s*=\s*(["'])[^"']*?(?:display\s*:\s*none|visibility\s*:\s*hidden)[^"']*?\1[^<>]*>/iy;
/** Every end tag; group 1 is its name. */
const END_TAG = /<\/([a-z][a-z0-9]*)\s*>/gi;
const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tfoot|tr|td|th|caption|blockquote|pre|center|section|article|header|footer|aside|figure|figcaption|img)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", middot: "·", mdash: "—", ndash: "–", hellip: "…", ldquo: "“", rdquo: "”", lsquo: "‘", rsquo: "’" };

function decodeEntities(text: string): string {
  // Split keeps each reference's name at the odd places (see markupToPlainText on why not replace).
  const parts = text.split(/&(#x[0-9a-f]+|#\d+|[a-z]+);/i);
  for (let i = 1; i < parts.length; i += 2) parts[i] = decodeEntity(parts[i]);
  return parts.join("");
}

function decodeEntity(name: string): string {
  if (name[0] === "#") {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code < 0x110000 && !(code >= 0xd800 && code < 0xe000) ? String.fromCodePoint(code) : "";
  }
  return ENTITIES[name.toLowerCase()] ?? `&${name};`;
}

/**
 * The text a reader would see in a body, whitespace collapsed.
 *
 * (Replacements that match everywhere, such as one per run of spaces, are
 * split and joined: V8's global `replace` slows down beyond linear on a
 * megabyte with a few hundred thousand matches, `split` does not.)
 */
export function markupToPlainText(markup: string): string {
  let text = markup.replace(/<!--[\s\S]*?(?:-->|$)/g, " ");
  text = dropElementsWithContent(text);
  text = dropHiddenElements(text);
  // Block boundaries separate words; inline tags (<b>, <span>, <a>) sit inside them.
  text = replaceTags(replaceTags(text, BLOCK_TAG, " "), /<\/?[a-z][^>]*>/gi, "");
  text = replaceBracketed(text, "![", () => " ");
  text = replaceBracketed(text, "[", (label) => label);
  // Every container mark opening a line goes: `>>>> 引用` nested a thousand deep is just 引用.
  text = text.replace(/^(?:\s{0,3}(?:>(?:\s+|(?=>))|(?:#{1,6}|[-*+]|\d+\.)\s+))+/gm, "");
  text = dropTableRules(text).split("|").join(" ");
  // `**bold**` → `bold`: split keeps the two groups of each match, and the marks (every third piece) go.
  text = text
    .split(/(\*\*|__)(.+?)\1/)
    .filter((_, i) => i % 3 !== 1)
    .join("");
  text = decodeEntities(text)
    .split(/[\u0000-\u0008\u000b-\u001f\u007f]+/)
    .join("")
    .split(/[ \t\n\r\f\u00a0\u3000]+/)
    .join(" ");
  // Markup boundaries leave spaces between CJK characters and their punctuation.
  return text.split(/ (?=[，。！？；：、）》」』”’])/).join("").split(/(?<=[（《「『“‘]) /).join("").trim();
}

/**
 * `text` with every match of `tag` (global, `<…[^>]*>`) replaced, in one
 * pass: a tag runs to the next `>`, so a `<a` after the last `>` can never
 * match, and only the text up to that `>` is searched. (Searched whole, each
 * of 20,000 `<a` with no `>` after it would scan to the end of the text.)
 */
function replaceTags(text: string, tag: RegExp, replacement: string): string {
  const last = text.lastIndexOf(">");
  if (last < 0) return text;
  return text.slice(0, last + 1).replace(tag, replacement) + text.slice(last + 1);
}

/**
 * Where each element's end tags are (`</div >`), by lower-case name, in
 * ascending order: one pass over the text, so that finding "the first
 * `</x>` after here" never rescans it.
 */
class EndTags {
  private readonly positions = new Map<string, number[]>();

  constructor(text: string) {
    for (const m of text.matchAll(END_TAG)) {
      const name = m[1].toLowerCase();
      let list = this.positions.get(name);
      if (!list) this.positions.set(name, (list = []));
      list.push(m.index, m.index + m[0].length);
    }
  }

  /** [start, end) of the first end tag of `name` starting at or after `from`, if any. */
  firstAfter(name: string, from: number): [number, number] | undefined {
    const list = this.positions.get(name.toLowerCase());
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid * 2] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length / 2 ? [list[lo * 2], list[lo * 2 + 1]] : undefined;
  }
}

/**
 * `<script>…</script>` and the other elements whose content is never text
 * become one space. Each runs to the first end tag of its name; one that is
 * never closed drops the rest of the text when a browser would (raw text
 * elements), else only its start tag goes (later, with the other tags).
 */
function dropElementsWithContent(text: string): string {
  let endTags: EndTags | undefined;
  let out = "";
  let kept = 0;
  const start = new RegExp(DROPPED_WITH_CONTENT.source, "gi");
  for (let m = start.exec(text); m; m = start.exec(text)) {
    const name = m[1].toLowerCase();
    const afterName = m.index + m[0].length;
    const end = (endTags ??= new EndTags(text)).firstAfter(name, afterName);
    if (end) {
      out += `${text.slice(kept, m.index)} `;
      kept = start.lastIndex = end[1];
    } else if (SWALLOWS_REST.has(name)) {
      return `${out}${text.slice(kept, m.index)} `;
    }
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/**
 * Elements a publisher hid with `style="display:none"` (or
 * `visibility:hidden`) become one space with their content, up to the first
 * end tag of their name. One never closed stays (its tags go later).
 */
function dropHiddenElements(text: string): string {
  if (!/display|visibility/i.test(text)) return text;
  let endTags: EndTags | undefined;
  let out = "";
  let kept = 0;
  const start = new RegExp(START_TAG.source, "gi");
  const rest = new RegExp(HIDING_TAG_REST.source, "iy");
  for (let m = start.exec(text); m; m = start.exec(text)) {
    rest.lastIndex = m.index + m[0].length;
    if (!rest.test(text)) continue;
    const end = (endTags ??= new EndTags(text)).firstAfter(m[1], rest.lastIndex);
    if (!end) {
      start.lastIndex = m.index + 1;
      continue;
    }
    out += `${text.slice(kept, m.index)} `;
    kept = start.lastIndex = end[1];
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/**
 * Markdown images (`opener` `![`) and links (`[`): `opener label](url)`,
 * the label running to the next `]` and the URL to the next `)`, is
 * replaced by `replacement(label)`. "The next `]`" is looked up once and
 * remembered, so a body of unclosed brackets costs one pass, not one pass
 * per bracket.
 */
function replaceBracketed(text: string, opener: string, replacement: (label: string) => string): string {
  let out = "";
  let kept = 0;
  let nextClose = -2;
  let nextParen = -2;
  for (let at = text.indexOf(opener); at >= 0; at = text.indexOf(opener, at)) {
    const labelStart = at + opener.length;
    if (nextClose !== -1 && nextClose < labelStart) nextClose = text.indexOf("]", labelStart);
    if (nextClose === -1) break; // No `]` after here: no more links either.
    if (text[nextClose + 1] !== "(") {
      at++;
      continue;
    }
    if (nextParen !== -1 && nextParen < nextClose + 2) nextParen = text.indexOf(")", nextClose + 2);
    if (nextParen === -1) break; // No `)` after here: no more links either.
    out += text.slice(kept, at) + replacement(text.slice(labelStart, nextClose));
    kept = at = nextParen + 1;
  }
  return kept === 0 ? text : out + text.slice(kept);
}

/** One cell of a table's delimiter row, and the row's last (which may lack dashes: `|---|:`). */
const RULE_CELL = /^\s*:?-{3,}:?\s*$/;
const RULE_TAIL = /^\s*:?-*:?\s*$/;

/**
 * The delimiter rows of GFM tables (`| --- | :---: |`) become a space. A
 * line is one when it is an optional `|`, then cells of three or more
 * dashes (a colon at either end allowed) each closed by `|`, then at most
 * one more cell. Checked line by line: one regex over the whole text would
 * try every split of every whitespace run.
 */
function dropTableRules(text: string): string {
  if (!text.includes("---")) return text;
  const lines = text.split("\n");
  let changed = false;
  for (let i = 0; i < lines.length; i++) {
    if (isTableRule(lines[i])) {
      lines[i] = " ";
      changed = true;
    }
  }
  return changed ? lines.join("\n") : text;
}

function isTableRule(line: string): boolean {
  if (!line.includes("|") || !line.includes("---")) return false;
  const trimmed = line.trimStart();
  const cells = (trimmed.startsWith("|") ? trimmed.slice(1) : trimmed).split("|");
  if (cells.length < 2) return false;
  const tail = cells.pop()!;
  return cells.every((cell) => RULE_CELL.test(cell)) && RULE_TAIL.test(tail);
}

/** A publisher's `（文章来源：X）` credit; group 1 is the media name. One definition for the index and the renderer. */
export const SOURCE_CREDIT = /[（(]\s*(?:文章)?来源\s*[：:]\s*([^）)]{1,40}?)\s*[）)]/;

/**
 * The media name of a `（文章来源：上海证券报）` credit in plain text, if any.
 * The text must have its whitespace collapsed (as `markupToPlainText`'s is):
 * the pattern's `\s*` around a 40-character name would try every split of a
 * long whitespace run.
 */
export function findSourceCredit(text: string): string | undefined {
  let last: string | undefined;
  for (const m of text.matchAll(new RegExp(SOURCE_CREDIT.source, "g"))) last = m[1].replace(/\s+/g, "");
  return last;
}

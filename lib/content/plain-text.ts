/**
 * Markdown/HTML body → its reader text, cheaply, for summaries and the
 * source credit when the index is built.
 *
 * Why not the render pipeline: it costs 2–5 ms a post (parse5 + sanitize),
 * 5–8 minutes of CPU for a 100,000-post archive at every cold start, while
 * this costs microseconds. The result is only ever plain text that React
 * escapes, so a rough strip can make a summary untidy but never unsafe; the
 * article page itself always uses the full pipeline (`render.ts`).
 */

const DROPPED_WITH_CONTENT =
  /<(script|style|template|noscript|textarea|title|iframe|object|embed|svg|math|head|select)\b[\s\S]*?<\/\1\s*>/gi;
const HIDDEN_ELEMENT =
  /<([a-z][a-z0-9]*)\b[^>]*?\sstyle\s*=\s*(["'])[^"']*?(?:display\s*:\s*none|visibility\s*:\s*hidden)[^"']*?\2[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK_TAG =
  /<\/?(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|table|thead|tbody|tfoot|tr|td|th|caption|blockquote|pre|center|section|article|header|footer|aside|figure|figcaption|img)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ensp: " ", emsp: " ", middot: "·", mdash: "—", ndash: "–", hellip: "…", ldquo: "“", rdquo: "”", lsquo: "‘", rsquo: "’" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === "#") {
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code < 0x110000 && !(code >= 0xd800 && code < 0xe000) ? String.fromCodePoint(code) : "";
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The text a reader would see in a body, whitespace collapsed. */
export function markupToPlainText(markup: string): string {
  const text = markup
    .replace(/<!--[\s\S]*?(?:-->|$)/g, " ")
    .replace(DROPPED_WITH_CONTENT, " ")
    .replace(HIDDEN_ELEMENT, " ")
    // Block boundaries separate words; inline tags (<b>, <span>, <a>) sit inside them.
    .replace(BLOCK_TAG, " ")
    .replace(/<\/?[a-z][^>]*>/gi, "")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/gm, "")
    .replace(/^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*$/gm, " ")
    .replace(/\|/g, " ")
    .replace(/(\*\*|__)(.+?)\1/g, "$2");
  return decodeEntities(text)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
    .replace(/[ \t\n\r\f\u00a0\u3000]+/g, " ")
    // Markup boundaries leave spaces between CJK characters and their punctuation.
    .replace(/ (?=[，。！？；：、）》」』”’])/g, "")
    .replace(/(?<=[（《「『“‘]) /g, "")
    .trim();
}

/** A publisher's `（文章来源：X）` credit; group 1 is the media name. One definition for the index and the renderer. */
export const SOURCE_CREDIT = /[（(]\s*(?:文章)?来源\s*[：:]\s*([^）)]{1,40}?)\s*[）)]/;

/** The media name of a `（文章来源：上海证券报）` credit in plain text, if any. */
export function findSourceCredit(text: string): string | undefined {
  let last: string | undefined;
  for (const m of text.matchAll(new RegExp(SOURCE_CREDIT.source, "g"))) last = m[1].replace(/\s+/g, "");
  return last;
}

/**
 * The finews scraper ended every post with a trailer: the source URL as an
 * autolink (`<http://…>`, or an empty `<>`), then links back to the category
 * and the home page (`[返回东财滚动新闻](../emnews/)`, on two lines or joined
 * by `｜`). The portal shows those as structure (source attribution,
 * breadcrumbs), so they leave the body here, before markdown is parsed.
 */

export interface TrailerResult {
  /** The body without its trailer. */
  body: string;
  /** The source link from the last `<url>` line, if it was an http(s) URL. */
  sourceUrl?: string;
}

const BLANK = /^\s*$/;
// `\s*(?:[｜|]\s*)?`, not `\s*[｜|]?\s*`: two optional runs side by side would try every split of a long run of spaces.
// The destination may hold one level of balanced parentheses, as CommonMark allows:
// finews categories such as `xxx(yyy)` link back to `//…/category/xxx(yyy).html`.
// The two alternatives start with different characters, so matching stays linear.
const BACK_LINKS = /^\s*(?:\[返回[^\]\n]*\]\((?:[^()\n]|\([^()\n]*\))*\)\s*(?:[｜|]\s*)?)+$/;
const EMPTY_AUTOLINK = /^\s*<\s*>\s*$/;
const AUTOLINK = /^\s*<([^<>\s]+)>\s*$/;

/** Removes the legacy trailer from a markdown body and returns the source URL it held. */
export function stripLegacyTrailer(markdown: string): TrailerResult {
  const lines = markdown.split("\n");
  let sourceUrl: string | undefined;
  while (lines.length > 0) {
    const last = lines[lines.length - 1];
    if (BLANK.test(last) || BACK_LINKS.test(last) || EMPTY_AUTOLINK.test(last)) {
      lines.pop();
      continue;
    }
    const autolink = sourceUrl === undefined ? AUTOLINK.exec(last) : null;
    const url = autolink ? toHttpUrl(autolink[1]) : undefined;
    if (!url) break;
    sourceUrl = url;
    lines.pop();
  }
  return { body: lines.join("\n"), sourceUrl };
}

/** An absolute http(s) URL, or undefined; protocol-relative links become https. */
export function toHttpUrl(raw: string): string | undefined {
  const candidate = raw.startsWith("//") ? `https:${raw}` : raw;
  try {
    const url = new URL(candidate);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export interface LedeResult {
  body: string;
  /** The text of leading `> ` lines, the post's own summary. */
  lede?: string;
}

/**
 * A body that opens with `> ` lines carries its summary there (the rich
 * eastmoney posts do); it becomes the article's lede and leaves the body.
 */
export function extractLede(markdown: string): LedeResult {
  const lines = markdown.split("\n");
  let start = 0;
  while (start < lines.length && BLANK.test(lines[start])) start++;
  let end = start;
  while (end < lines.length && /^\s{0,3}>/.test(lines[end])) end++;
  if (end === start) return { body: markdown };
  const lede = lines
    .slice(start, end)
    .map((line) => line.replace(/^\s{0,3}>\s?/, "").trim())
    .join(" ")
    .trim();
  if (!lede) return { body: markdown };
  return { body: lines.slice(end).join("\n"), lede };
}

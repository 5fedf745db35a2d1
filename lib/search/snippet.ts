/**
 * A matching article as the reader sees it: the title with its matches
 * marked, and a one-line passage around the first match in the body (else
 * the summary). Ranges are found in normalised text and mapped back to the
 * original, so they point at what is displayed (`ＥＴ７` is marked where it
 * stands). Everything stays plain text: the UI renders ranges, never markup.
 */
import type { Fragment } from "./layout";
import { matchRanges, type ParsedQuery } from "./query";
import { normalizeWithOrigin } from "./tokenize";
import type { Highlight, SearchHit } from "./types";

/** Characters of context before the first match, and the passage's length. */
const BEFORE = 30;
const LENGTH = 110;
const ELLIPSIS = "…";

export function presentHit(query: ParsedQuery, fragment: Fragment): SearchHit {
  const { snippet, snippetHighlights } = snippetOf(query, fragment);
  return {
    id: fragment.id,
    url: fragment.url,
    title: fragment.title,
    titleHighlights: highlightsIn(query, fragment.title),
    sourceKey: fragment.sourceKey,
    sourceName: fragment.sourceName,
    publishedAt: fragment.publishedAt,
    snippet,
    snippetHighlights,
  };
}

/** Where the query's words occur in `text`, as ranges of `text` itself. */
export function highlightsIn(query: ParsedQuery, text: string): Highlight[] {
  const { text: normalized, origin } = normalizeWithOrigin(text);
  return matchRanges(query, normalized).map(([start, end]): Highlight => {
    // The end is after the original character that produced normalised unit end − 1
    // (one character can normalise to several: `㍿` → 株式会社).
    let next = end;
    while (next < normalized.length && origin[next] === origin[end - 1]) next++;
    return [origin[start], origin[next]];
  });
}

function snippetOf(query: ParsedQuery, fragment: Fragment): { snippet: string; snippetHighlights: Highlight[] } {
  for (const text of [fragment.body, fragment.summary]) {
    const ranges = highlightsIn(query, text);
    if (ranges.length) return window(text, ranges[0][0], ranges);
  }
  const fallback = fragment.summary || fragment.body;
  return window(fallback, 0, []);
}

/** About LENGTH characters of `text` starting a little before `at`, with the ranges inside it shifted to match. */
function window(text: string, at: number, ranges: Highlight[]): { snippet: string; snippetHighlights: Highlight[] } {
  let start = Math.max(0, at - BEFORE);
  let end = Math.min(text.length, start + LENGTH);
  start = Math.max(0, Math.min(start, end - LENGTH));
  // Never cut a surrogate pair (an Extension B character) in half.
  if (start > 0 && isLowSurrogate(text.charCodeAt(start))) start++;
  if (end < text.length && isLowSurrogate(text.charCodeAt(end))) end--;
  const lead = start > 0 ? ELLIPSIS : "";
  const snippet = lead + text.slice(start, end) + (end < text.length ? ELLIPSIS : "");
  const shift = lead.length - start;
  const snippetHighlights = ranges
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]): Highlight => [Math.max(s, start) + shift, Math.min(e, end) + shift]);
  return { snippet, snippetHighlights };
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

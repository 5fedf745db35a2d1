/**
 * A query string → what to look up in the index and how to check a text.
 *
 * The query is split into words at whitespace. Inside a word the pieces must
 * appear in order and next to each other in the text (only punctuation or
 * spaces between them): `HFO-1234yf` is one word, so `hfo` and `1234yf` must be
 * adjacent; `央行 降准` is two words, found anywhere in the article. Postings
 * only prove that every term occurs somewhere, so `pattern` is checked on the
 * article's text (its fragment) before a hit is shown.
 */
import { hanBigrams, normalize, pieces } from "./tokenize";

/** A term to look up: exact, or (the word being typed) every term it begins. */
export interface Clause {
  term: string;
  prefix: boolean;
  /**
   * The typed tail of a word whose other pieces are looked up (`1` of `hfo-1`):
   * the word's pattern checks it on each candidate's text anyway, so the client
   * may skip a lookup that would cost many shards (every term starting with `1`).
   */
  optional?: true;
}

export interface QueryWord {
  /** Matches the word in normalised text (global, so `matchAll` finds every occurrence). */
  pattern: RegExp;
}

export interface ParsedQuery {
  words: QueryWord[];
  /** Distinct lookup terms, all required. Empty: nothing the index can find (only punctuation, or one Han character). */
  clauses: Clause[];
  /** False when the postings alone prove a match (one bigram, or one Latin term): totals are then exact. */
  needsCheck: boolean;
}

/** Longer queries are still checked in full on the text; looking up this many terms is plenty to find candidates. */
const MAX_CLAUSES = 12;
/** Anything that is neither a Latin/digit nor a Han character, possibly nothing. */
const GAP = "[^a-z0-9\\p{Script=Han}]*";

/**
 * The last Latin word is a prefix while the reader types (`tes` finds Tesla);
 * a trailing space says the word is finished. A one-letter word alone stays
 * exact: as a prefix it would match half the index. The typed tail of a word
 * with other looked-up pieces (`hfo-1`, `hfo-12`) is a prefix of any length
 * but optional: those pieces find the candidates, the pattern checks the tail.
 */
export function parseQuery(raw: string): ParsedQuery {
  const normalized = normalize(raw);
  const typing = !/\s$/.test(normalized);
  const wordTexts = normalized.split(/\s+/).filter(Boolean);
  const words: QueryWord[] = [];
  const clauses = new Map<string, Clause>();
  let needsCheck = false;

  wordTexts.forEach((text, w) => {
    const parts = pieces(text);
    if (parts.length === 0) return;
    const sources: string[] = [];
    // Pieces before the last that give a lookup term (a lone Han character gives none).
    const headLooksUp = parts.slice(0, -1).some((part) => part.kind === "latin" || hanBigrams(part.text).length > 0);
    parts.forEach((part, p) => {
      const last = typing && w === wordTexts.length - 1 && p === parts.length - 1;
      if (part.kind === "latin") {
        const optional = last && headLooksUp;
        const prefix = optional || (last && part.text.length >= 2);
        sources.push(`(?<![a-z0-9])${part.text}${prefix ? "" : "(?![a-z0-9])"}`);
        const key = `${prefix ? "*" : "="}${part.text}`;
        if (!clauses.has(key)) clauses.set(key, optional ? { term: part.text, prefix, optional } : { term: part.text, prefix });
      } else {
        sources.push(part.text);
        const bigrams = hanBigrams(part.text);
        // A lone Han character has no bigram: it is only checked on the text, next to its neighbours.
        if (bigrams.length !== 1) needsCheck = true;
        for (const term of bigrams) if (!clauses.has(`=${term}`)) clauses.set(`=${term}`, { term, prefix: false });
      }
    });
    if (parts.length > 1) needsCheck = true;
    words.push({ pattern: new RegExp(sources.join(GAP), "gu") });
  });

  let list = [...clauses.values()];
  if (list.length > MAX_CLAUSES) {
    list = spread(list, MAX_CLAUSES);
    needsCheck = true;
  }
  return { words, clauses: list, needsCheck };
}

/** `count` items spread evenly over `items` (first and last included). */
function spread<T>(items: T[], count: number): T[] {
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(items[Math.round((i * (items.length - 1)) / (count - 1))]);
  return out;
}

/** Every [start, end) in `normalized` where some word of the query occurs, sorted and merged. */
export function matchRanges(query: ParsedQuery, normalized: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const word of query.words) {
    for (const m of normalized.matchAll(word.pattern)) {
      if (m[0].length > 0) ranges.push([m.index, m.index + m[0].length]);
    }
  }
  return mergeRanges(ranges);
}

/** True when every word of the query occurs in at least one of the (normalised) fields. */
export function matchesAll(query: ParsedQuery, fields: string[]): boolean {
  return query.words.every((word) =>
    fields.some((field) => {
      word.pattern.lastIndex = 0;
      const found = word.pattern.test(field);
      word.pattern.lastIndex = 0;
      return found;
    }),
  );
}

export function mergeRanges(ranges: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Array<[number, number]> = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

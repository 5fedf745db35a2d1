/**
 * Text → search terms, one definition for the builder (Node) and the client
 * (browser), so a query is split exactly like the text it must find.
 *
 *  - Normalisation: NFKC (full-width `ＥＴ７`, `１２３` fold to `et7`, `123`) then
 *    lower case, one code point at a time so every normalised character knows
 *    where it came from in the original (highlights point at the original).
 *  - Han text has no spaces: a run of Han characters yields its overlapping
 *    character bigrams (`新能源车` → 新能, 能源, 源车), so any 2+ character
 *    substring is found through its bigrams. A lone Han character yields no term.
 *  - Latin letters and digits: each `[a-z0-9]+` run is one term (`hfo-1234yf` →
 *    `hfo`, `1234yf`; `00388.hk` → `00388`, `hk`).
 *  - Everything else (punctuation, spaces, other scripts) separates.
 */

const HAN = /\p{Script=Han}/u;

export type Piece = { kind: "han" | "latin"; text: string; start: number; end: number };

export interface NormalizedText {
  text: string;
  /** `origin[i]` is the index in the original string of normalised UTF-16 unit `i`; one extra entry for the end. */
  origin: number[];
}

/** NFKC + lower case, without the index map (the builder's fast path). */
export function normalize(text: string): string {
  let out = "";
  for (const ch of text) out += normalizeChar(ch);
  return out;
}

/** NFKC + lower case, with each normalised unit's index in the original. */
export function normalizeWithOrigin(text: string): NormalizedText {
  let out = "";
  const origin: number[] = [];
  let at = 0;
  for (const ch of text) {
    const folded = normalizeChar(ch);
    for (let i = 0; i < folded.length; i++) origin.push(at);
    out += folded;
    at += ch.length;
  }
  origin.push(at);
  return { text: out, origin };
}

// Most characters in this corpus are ASCII or common Han, which NFKC leaves alone:
// skipping `normalize` for them makes indexing several times faster.
function normalizeChar(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code < 0x80) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  if (code >= 0x4e00 && code <= 0x9fff) return ch;
  return ch.normalize("NFKC").toLowerCase();
}

export function isHan(ch: string): boolean {
  const code = ch.charCodeAt(0);
  // The common blocks (CJK Unified Ideographs and Extension A) without the regex.
  if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) return true;
  return code >= 0x2e80 && HAN.test(ch);
}

function isLatin(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * Normalised text → its runs: Han runs and `[a-z0-9]+` runs, in order, with
 * their [start, end) in the normalised text. Separators are skipped.
 */
export function pieces(normalized: string): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < normalized.length) {
    const code = normalized.charCodeAt(i);
    if (isLatin(code)) {
      let j = i + 1;
      while (j < normalized.length && isLatin(normalized.charCodeAt(j))) j++;
      out.push({ kind: "latin", text: normalized.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    const ch = charAt(normalized, i);
    if (isHan(ch)) {
      let j = i + ch.length;
      while (j < normalized.length) {
        const next = charAt(normalized, j);
        if (!isHan(next)) break;
        j += next.length;
      }
      out.push({ kind: "han", text: normalized.slice(i, j), start: i, end: j });
      i = j;
      continue;
    }
    i += ch.length;
  }
  return out;
}

/** The code point at UTF-16 index `i`, as a string of one or two units. */
function charAt(text: string, i: number): string {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && i + 1 < text.length ? text.slice(i, i + 2) : text[i];
}

/** The overlapping bigrams of a Han run (by code point: Extension B characters are two units). */
export function hanBigrams(run: string): string[] {
  const out: string[] = [];
  // Fast path: no surrogates, one unit a character.
  if (!/[\ud800-\udfff]/.test(run)) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
    return out;
  }
  const chars = Array.from(run);
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** Every term of an already normalised text, repeats included (the builder counts them). */
export function termsOf(normalized: string): string[] {
  const out: string[] = [];
  for (const piece of pieces(normalized)) {
    if (piece.kind === "latin") out.push(piece.text);
    else for (const bigram of hanBigrams(piece.text)) out.push(bigram);
  }
  return out;
}

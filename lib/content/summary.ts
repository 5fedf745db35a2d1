/**
 * Plain-text summaries: the first sentences of a body, cut at a sentence end
 * (Chinese or Latin punctuation) near a target length, never mid-character.
 */

const SENTENCE_END = /[。！？!?；;]/g;

/** The first sentences of `text`, at most about `max` characters, ending on a sentence end when one is near. */
export function firstSentences(text: string, max = 120): string {
  const clean = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(clean);
  if (chars.length <= max) return clean;
  const head = chars.slice(0, max).join("");
  let cut = -1;
  for (const m of head.matchAll(SENTENCE_END)) cut = m.index + m[0].length;
  if (cut >= head.length * 0.4) return head.slice(0, cut);
  return `${head.replace(/[\s，,、：:]+$/, "")}…`;
}

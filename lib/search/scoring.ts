/**
 * Relevance: BM25 over the query's terms, with title occurrences counted
 * TITLE_WEIGHT times in an article's term weight (one number per posting
 * instead of per-field counts). The builder and the client's brute-force
 * search of fresh articles weigh terms with the same function, so their
 * scores compare.
 */
import { normalize, termsOf } from "./tokenize";
import type { SearchRecord } from "./types";

export const TITLE_WEIGHT = 4;
const K1 = 1.2;
const B = 0.75;

/** An article's terms with their weights, and its length in terms. */
export function termWeights(record: Pick<SearchRecord, "title" | "summary" | "body">): {
  weights: Map<string, number>;
  length: number;
} {
  const weights = new Map<string, number>();
  let length = 0;
  const add = (text: string, weight: number) => {
    for (const term of termsOf(normalize(text))) {
      weights.set(term, (weights.get(term) ?? 0) + weight);
      length++;
    }
  };
  add(record.title, TITLE_WEIGHT);
  add(record.summary, 1);
  add(record.body, 1);
  return { weights, length };
}

/** Inverse document frequency of a term in `df` of `docCount` articles (never negative). */
export function idf(df: number, docCount: number): number {
  return Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
}

/** One term's share of an article's score. */
export function bm25(weight: number, termIdf: number, length: number, avgLength: number): number {
  const norm = 1 - B + (B * length) / (avgLength || 1);
  return (termIdf * weight * (K1 + 1)) / (weight + K1 * norm);
}

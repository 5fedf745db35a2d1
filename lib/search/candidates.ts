/**
 * Indexed candidates: the docs in every clause's postings, inside the date
 * range and source, scored, and handed out in result order.
 *
 * A common query matches most of the index (50,000 docs at the top size), yet
 * a page shows ten: the arrays are typed, and by relevance only the best few
 * are ordered (a bounded heap), more only when the reader pages that far.
 */
import { docRange, type DocTable } from "./doc-table";
import type { Manifest } from "./layout";
import { bm25, idf } from "./scoring";
import type { Postings } from "./shard";
import type { SearchQuery, SearchSort } from "./types";

export interface Candidate {
  doc: number;
  score: number;
  /** Published instant (whole seconds, as ms). */
  at: number;
}

export class RankedDocs {
  /** Positions into docs/scores, best first, for the first `order.length` ranks. */
  private order: Uint32Array;

  constructor(
    private readonly docs: Uint32Array,
    private readonly scores: Float64Array,
    private readonly table: DocTable,
    private readonly sort: SearchSort,
  ) {
    // Docs are numbered newest first: that order needs no sorting.
    this.order = sort === "newest" ? Uint32Array.from(docs.keys()) : new Uint32Array(0);
  }

  get length(): number {
    return this.docs.length;
  }

  /** The candidate at rank `rank` (0 = best). */
  at(rank: number): Candidate {
    if (rank >= this.order.length) this.order = this.best(Math.min(this.length, Math.max(rank + 1, 2 * this.order.length, 32)));
    const i = this.order[rank];
    const doc = this.docs[i];
    return { doc, score: this.scores[i], at: this.table.seconds[doc] * 1000 };
  }

  /** Positions of the best `k` candidates, best first: a min-heap of the k best seen so far. */
  private best(k: number): Uint32Array {
    const { docs, scores } = this;
    // Higher score first; on a tie the newer (lower doc number).
    const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && docs[a] < docs[b]);
    const heap = new Uint32Array(k);
    let size = 0;
    const siftDown = (from: number) => {
      let i = from;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let worst = i;
        if (l < size && better(heap[worst], heap[l])) worst = l;
        if (r < size && better(heap[worst], heap[r])) worst = r;
        if (worst === i) return;
        [heap[i], heap[worst]] = [heap[worst], heap[i]];
        i = worst;
      }
    };
    for (let p = 0; p < docs.length; p++) {
      if (size < k) {
        let i = size++;
        heap[i] = p;
        while (i > 0 && better(heap[(i - 1) >> 1], heap[i])) {
          const parent = (i - 1) >> 1;
          [heap[i], heap[parent]] = [heap[parent], heap[i]];
          i = parent;
        }
      } else if (better(p, heap[0])) {
        heap[0] = p;
        siftDown(0);
      }
    }
    return heap.slice(0, size).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  }
}

/** The docs in every clause, inside the filters, with their BM25 scores. */
export function indexedCandidates(m: Manifest, table: DocTable, clauses: Postings[], query: SearchQuery): RankedDocs {
  const sort = query.sort ?? "relevance";
  const [first, end] = docRange(table, query.from, query.to);
  const source = query.source === undefined ? -1 : m.sources.findIndex(([key]) => key === query.source);
  if (clauses.length === 0 || (query.source !== undefined && source < 0)) return new RankedDocs(new Uint32Array(0), new Float64Array(0), table, sort);

  // Start from the rarest clause: the intersection is never larger than it.
  const byRarity = [...clauses].sort((a, b) => a.docs.length - b.docs.length);
  const rarest = byRarity[0];
  const docs = new Uint32Array(rarest.docs.length);
  const scores = new Float64Array(rarest.docs.length);
  let count = 0;
  const rarestIdf = idf(rarest.docs.length, m.docCount);
  rarest.docs.forEach((doc, k) => {
    if (doc < first || doc >= end || (source >= 0 && table.source[doc] !== source)) return;
    docs[count] = doc;
    scores[count++] = bm25(rarest.weights[k], rarestIdf, table.length[doc], m.avgLength);
  });
  for (const clause of byRarity.slice(1)) {
    const clauseIdf = idf(clause.docs.length, m.docCount);
    let kept = 0;
    let k = 0;
    for (let j = 0; j < count; j++) {
      const doc = docs[j];
      while (k < clause.docs.length && clause.docs[k] < doc) k++;
      if (clause.docs[k] !== doc) continue;
      docs[kept] = doc;
      scores[kept++] = scores[j] + bm25(clause.weights[k], clauseIdf, table.length[doc], m.avgLength);
    }
    count = kept;
  }
  return new RankedDocs(docs.slice(0, count), scores.slice(0, count), table, sort);
}

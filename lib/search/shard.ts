/**
 * A term shard: a sorted slice of the vocabulary with each term's postings.
 *
 *   uint termCount
 *   per term:  uint termByteLength, term (UTF-8), uint df, uint postingsByteLength
 *   postings of each term, in the same order:
 *              per doc: uint (doc − previous doc, the first from −1), uint weight
 *
 * Docs are numbered newest first, so a posting list is also newest first.
 * The weight is the term's count in the article, title occurrences counted
 * TITLE_WEIGHT times (`scoring.ts`).
 */
import { ByteReader, ByteWriter } from "./bytes";

export interface ShardTerm {
  term: string;
  df: number;
  /** Encoded postings (gaps and weights). */
  postings: Uint8Array;
}

export interface Postings {
  docs: Uint32Array;
  weights: Uint32Array;
}

export function encodeShard(terms: ShardTerm[]): Uint8Array {
  const encoder = new TextEncoder();
  const out = new ByteWriter(1024);
  out.uint(terms.length);
  for (const t of terms) {
    const bytes = encoder.encode(t.term);
    out.uint(bytes.length);
    out.append(bytes);
    out.uint(t.df);
    out.uint(t.postings.length);
  }
  for (const t of terms) out.append(t.postings);
  return out.finish();
}

/** Postings are decoded on first use: a query needs a handful of the shard's terms. */
export class Shard {
  private readonly entries = new Map<string, { df: number; start: number; end: number }>();
  private readonly decoded = new Map<string, Postings>();

  constructor(private readonly bytes: Uint8Array) {
    const decoder = new TextDecoder();
    const reader = new ByteReader(bytes);
    const count = reader.uint();
    const heads: Array<{ term: string; df: number; length: number }> = [];
    for (let i = 0; i < count; i++) {
      const length = reader.uint();
      const term = decoder.decode(bytes.subarray(reader.offset, reader.offset + length));
      reader.offset += length;
      heads.push({ term, df: reader.uint(), length: reader.uint() });
    }
    let at = reader.offset;
    for (const h of heads) {
      this.entries.set(h.term, { df: h.df, start: at, end: at + h.length });
      at += h.length;
    }
  }

  /** Every term of the shard (for prefix lookups). */
  terms(): IterableIterator<string> {
    return this.entries.keys();
  }

  postings(term: string): Postings | undefined {
    const cached = this.decoded.get(term);
    if (cached) return cached;
    const entry = this.entries.get(term);
    if (!entry) return undefined;
    const reader = new ByteReader(this.bytes.subarray(0, entry.end), entry.start);
    const docs = new Uint32Array(entry.df);
    const weights = new Uint32Array(entry.df);
    let doc = -1;
    for (let i = 0; i < entry.df; i++) {
      doc += reader.uint();
      docs[i] = doc;
      weights[i] = reader.uint();
    }
    const postings = { docs, weights };
    this.decoded.set(term, postings);
    return postings;
  }
}

/** Appends one posting to a term's list while the builder walks docs in order. */
export function appendPosting(out: ByteWriter, previousDoc: number, doc: number, weight: number): void {
  out.uint(doc - previousDoc);
  out.uint(weight);
}

/**
 * The shards (of a manifest's `shardFirst`) that may hold `term`, or with
 * `prefix` every term it begins, as [first, count]; count 0 for an empty index.
 */
export function shardSpan(shardFirst: string[], term: string, prefix: boolean): [number, number] {
  let first = shardFor(shardFirst, term);
  if (first < 0) return [0, 0];
  if (!prefix) return [first, 1];
  // The builder keeps a two-character group whole in one shard or starts a shard
  // with it: when the next shard begins with a 2+ character prefix and this one is
  // not inside the group, this one holds none of the completions. A one-character
  // prefix spans several groups (`1`, `10`…`12` here, `13`… next), so no such skip.
  const next = shardFirst[first + 1];
  if (term.length >= 2 && next?.startsWith(term) && !shardFirst[first].startsWith(term.slice(0, 2))) first++;
  // Completions of `te` sort between `te` and `te\uffff`.
  const last = shardFor(shardFirst, `${term}\uffff`);
  return [first, last - first + 1];
}

/** The shard whose range holds `term`: the last one starting at or before it (−1 for an empty index). */
function shardFor(shardFirst: string[], term: string): number {
  let lo = 0;
  let hi = shardFirst.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (shardFirst[mid] <= term) lo = mid + 1;
    else hi = mid;
  }
  return shardFirst.length === 0 ? -1 : Math.max(0, lo - 1);
}

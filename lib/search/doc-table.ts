/**
 * The doc table: for every article, newest first, what filtering and ranking
 * need before any article text is fetched. Stored by column (gzip packs
 * similar bytes well):
 *
 *   uint count
 *   published second of doc 0, then per later doc: uint (previous − this)   (newest first: never negative)
 *   per doc: uint source index (into the manifest's sources)
 *   per doc: one byte, the length in terms on a 5 % log scale
 *
 * Seconds, not milliseconds: filters compare at one-second granularity here,
 * and the shown hits are re-checked against their exact instant.
 */
import { ByteReader, ByteWriter } from "./bytes";

export interface DocRow {
  publishedAt: number;
  source: number;
  length: number;
}

export interface DocTable {
  count: number;
  /** Published instant, whole seconds. */
  seconds: Float64Array;
  source: Uint16Array;
  /** Approximate length in terms. */
  length: Float32Array;
}

const LENGTH_BASE = Math.log(1.05);

export function encodeDocTable(rows: DocRow[]): Uint8Array {
  const out = new ByteWriter(rows.length * 4 + 16);
  out.uint(rows.length);
  let previous = 0;
  rows.forEach((row, i) => {
    const second = Math.floor(row.publishedAt / 1000);
    if (i > 0 && second > previous) throw new Error("doc table rows must be newest first");
    out.uint(i === 0 ? second : previous - second);
    previous = second;
  });
  for (const row of rows) out.uint(row.source);
  for (const row of rows) out.byte(Math.min(255, Math.round(Math.log(row.length + 1) / LENGTH_BASE)));
  return out.finish();
}

export function decodeDocTable(bytes: Uint8Array): DocTable {
  const reader = new ByteReader(bytes);
  const count = reader.uint();
  const seconds = new Float64Array(count);
  const source = new Uint16Array(count);
  const length = new Float32Array(count);
  for (let i = 0; i < count; i++) seconds[i] = i === 0 ? reader.uint() : seconds[i - 1] - reader.uint();
  for (let i = 0; i < count; i++) source[i] = reader.uint();
  for (let i = 0; i < count; i++) length[i] = Math.exp(reader.byte() * LENGTH_BASE) - 1;
  return { count, seconds, source, length };
}

/**
 * The docs published in [from, to) as a doc-number range [first, end): docs
 * are newest first, so it is two binary searches. Conservative at the edges
 * (whole seconds); the caller re-checks exact instants.
 */
export function docRange(table: DocTable, from?: number, to?: number): [number, number] {
  // First doc published before `to`, i.e. second ≤ floor((to − 1) / 1000).
  const first = to === undefined ? 0 : firstIndex(table, (s) => s <= Math.floor((to - 1) / 1000));
  // End: first doc older than `from`'s second.
  const end = from === undefined ? table.count : firstIndex(table, (s) => s < Math.floor(from / 1000));
  return [first, Math.max(first, end)];
}

/** The first index whose second satisfies `test` (which is monotone along the newest-first table). */
function firstIndex(table: DocTable, test: (second: number) => boolean): number {
  let lo = 0;
  let hi = table.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(table.seconds[mid])) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Search records → the static files of the index (see `layout.ts`), in
 * memory: no file system here, `write.ts` puts them on disk.
 *
 * One pass over the articles, newest first, appends each term's postings as
 * it goes (gaps are small and already in order), so memory stays near the
 * size of the encoded postings even at 50,000 articles. The sorted
 * vocabulary is then cut into shards of about `shardBytes`, so a query
 * fetches only the few shards its terms live in.
 */
import { createHash } from "node:crypto";
import { compareNewestFirst } from "../content/content-index";
import { ByteWriter } from "./bytes";
import { encodeDocTable, type DocRow } from "./doc-table";
import { DOCS_FILE, FORMAT_VERSION, MANIFEST_PATH, fragmentFile, idsFile, inBuild, shardFile, toFragment, type Manifest } from "./layout";
import { termWeights } from "./scoring";
import { appendPosting, encodeShard, type ShardTerm } from "./shard";
import type { SearchRecord } from "./types";

export interface BuildOptions {
  /** Encoded bytes a shard aims for before it is cut (default 16 KB: a gzip'd shard of a few KB). */
  shardBytes?: number;
  /** Article ids per ids file (default 128); the server reads them, the client does not. */
  idsPerChunk?: number;
}

export interface BuildStats {
  buildId: string;
  docs: number;
  terms: number;
  postings: number;
  shards: number;
  largestShardBytes: number;
  files: number;
  /** Sum of all file sizes, uncompressed. */
  bytes: number;
}

export interface BuiltIndex {
  /** Path relative to the index folder → content (JSON text or binary). */
  files: Map<string, string | Uint8Array>;
  manifest: Manifest;
  stats: BuildStats;
}

interface TermPostings {
  df: number;
  lastDoc: number;
  out: ByteWriter;
}

export function buildSearchIndex(records: SearchRecord[], options: BuildOptions = {}): BuiltIndex {
  const shardBytes = options.shardBytes ?? 16 * 1024;
  const idsPerChunk = options.idsPerChunk ?? 128;
  const docs = [...records].sort(compareNewestFirst);
  checkIds(docs);

  const sources = sourceList(docs);
  const sourceIndex = new Map(sources.map(([key], i) => [key, i]));
  const vocabulary = new Map<string, TermPostings>();
  const rows: DocRow[] = [];
  let totalLength = 0;
  let postingCount = 0;

  docs.forEach((record, doc) => {
    const { weights, length } = termWeights(record);
    for (const [term, weight] of weights) {
      let entry = vocabulary.get(term);
      if (!entry) vocabulary.set(term, (entry = { df: 0, lastDoc: -1, out: new ByteWriter(8) }));
      appendPosting(entry.out, entry.lastDoc, doc, weight);
      entry.lastDoc = doc;
      entry.df++;
    }
    postingCount += weights.size;
    totalLength += length;
    rows.push({ publishedAt: record.publishedAt, source: sourceIndex.get(record.sourceKey)!, length });
  });

  const shards = cutShards(vocabulary, shardBytes);
  const body = new Map<string, string | Uint8Array>();
  body.set(DOCS_FILE, encodeDocTable(rows));
  shards.forEach((terms, i) => body.set(shardFile(i), encodeShard(terms)));
  for (let chunk = 0; chunk * idsPerChunk < docs.length; chunk++) {
    const ids = docs.slice(chunk * idsPerChunk, (chunk + 1) * idsPerChunk).map((d) => d.id);
    body.set(idsFile(chunk), JSON.stringify(ids));
  }
  docs.forEach((record, doc) => body.set(fragmentFile(doc), JSON.stringify(toFragment(record))));

  const manifestWithoutId = {
    version: FORMAT_VERSION,
    docCount: docs.length,
    avgLength: docs.length ? totalLength / docs.length : 0,
    sources,
    shardFirst: shards.map((terms) => terms[0].term),
    idsPerChunk,
  };
  const buildId = contentHash(manifestWithoutId, body);
  const manifest: Manifest = { ...manifestWithoutId, buildId };

  const files = new Map<string, string | Uint8Array>([[MANIFEST_PATH, JSON.stringify(manifest)]]);
  for (const [name, content] of body) files.set(inBuild(buildId, name), content);

  let bytes = 0;
  let largestShardBytes = 0;
  for (const [path, content] of files) {
    const size = typeof content === "string" ? new TextEncoder().encode(content).length : content.length;
    bytes += size;
    if (path.includes("/t/")) largestShardBytes = Math.max(largestShardBytes, size);
  }
  const stats: BuildStats = {
    buildId,
    docs: docs.length,
    terms: vocabulary.size,
    postings: postingCount,
    shards: shards.length,
    largestShardBytes,
    files: files.size,
    bytes,
  };
  return { files, manifest, stats };
}

/**
 * Sorted terms cut into shards of about `target` bytes.
 *
 * Terms sharing their first two characters (a group: `te` → tesla, tech…)
 * stay in one shard, so the prefix the reader is typing is answered by one
 * fetch. A group too big for that (over four shards' worth, like the numbers
 * under `20`) starts a shard of its own and is cut by size; the client relies
 * on this: a group is either whole in one shard or begins one.
 */
function cutShards(vocabulary: Map<string, TermPostings>, target: number): ShardTerm[][] {
  const sorted = [...vocabulary.keys()].sort();
  const termSize = (term: string) => term.length * 3 + 6 + vocabulary.get(term)!.out.length;
  const groupSize = new Map<string, number>();
  for (const term of sorted) groupSize.set(term.slice(0, 2), (groupSize.get(term.slice(0, 2)) ?? 0) + termSize(term));

  const shards: ShardTerm[][] = [];
  let current: ShardTerm[] = [];
  let size = 0;
  let previous = "";
  for (const term of sorted) {
    const entry = vocabulary.get(term)!;
    const startsGroup = commonPrefix(previous, term) < 2;
    const cut = startsGroup ? size >= target || size + groupSize.get(term.slice(0, 2))! > 4 * target : size >= 4 * target;
    if (current.length && cut) {
      shards.push(current);
      current = [];
      size = 0;
    }
    current.push({ term, df: entry.df, postings: entry.out.finish() });
    size += termSize(term);
    previous = term;
  }
  if (current.length) shards.push(current);
  return shards;
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Source keys and names, most articles first: small indexes for the common sources. */
function sourceList(docs: SearchRecord[]): Array<[string, string]> {
  const counts = new Map<string, { name: string; count: number }>();
  for (const d of docs) {
    const entry = counts.get(d.sourceKey);
    if (entry) entry.count++;
    else counts.set(d.sourceKey, { name: d.sourceName, count: 1 });
  }
  return [...counts]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([key, { name }]) => [key, name]);
}

/** Two records with one id are a bug upstream: fail the build. */
function checkIds(docs: SearchRecord[]): void {
  const seen = new Set<string>();
  for (const d of docs) {
    if (seen.has(d.id)) throw new Error(`duplicate search record id ${d.id}`);
    seen.add(d.id);
  }
}

/** 12 hex digits of SHA-256 over every file: the same content always gets the same build id. */
function contentHash(manifest: object, body: Map<string, string | Uint8Array>): string {
  const hash = createHash("sha256").update(JSON.stringify(manifest));
  for (const [name, content] of body) hash.update(`\0${name}\0`).update(content);
  return hash.digest("hex").slice(0, 12);
}

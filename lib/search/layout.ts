/**
 * The index's files, as the builder writes them and the client reads them.
 *
 *   manifest.json                 tiny, fetched first, never cached long: build id, counts, sources, shard directory
 *   <buildId>/docs.bin            doc table: published second, source, length of every article, newest first
 *   <buildId>/t/<n>.bin           term shard n: a sorted slice of the terms with their postings
 *   <buildId>/ids/<n>.json        article ids of docs n·IDS_PER_CHUNK …, to name fragments
 *   <buildId>/f/<id>.json         one article's text: the shown hit, its snippet, and the phrase check
 *
 * Everything but the manifest sits under the build id (a hash of the content),
 * so those files never change once written and may be cached forever; a
 * reader still holding the previous manifest reads the previous build whole.
 */

import type { SearchRecord } from "./types";

export const FORMAT_VERSION = 1 as const;
export const MANIFEST_PATH = "manifest.json";

export interface Manifest {
  version: typeof FORMAT_VERSION;
  buildId: string;
  docCount: number;
  /** Mean article length in terms (BM25's length normalisation). */
  avgLength: number;
  /** Source (category) keys and display names; the doc table stores indexes into this list. */
  sources: Array<[key: string, name: string]>;
  /** First term of each shard, ascending (JS string order): shard i holds terms from shardFirst[i] up to shardFirst[i+1]. */
  shardFirst: string[];
  idsPerChunk: number;
}

/** What a fragment file holds: the record, whitespace collapsed (`toFragment`). */
export type Fragment = SearchRecord;

/** A record as its fragment (and as the client shows a fresh record): whitespace collapsed, so snippets are one line. */
export function toFragment(record: SearchRecord): Fragment {
  const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
  return {
    id: record.id,
    url: record.url,
    title: oneLine(record.title),
    sourceKey: record.sourceKey,
    sourceName: record.sourceName,
    publishedAt: record.publishedAt,
    summary: oneLine(record.summary),
    body: oneLine(record.body),
  };
}

// Paths inside the build folder; `inBuild` puts them under it.
export const DOCS_FILE = "docs.bin";
export const shardFile = (shard: number) => `t/${shard}.bin`;
export const idsFile = (chunk: number) => `ids/${chunk}.json`;
export const fragmentFile = (id: string) => `f/${fragmentName(id)}.json`;
export const inBuild = (buildId: string, file: string) => `${buildId}/${file}`;

const SAFE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,150}$/;

/**
 * An id as a file name. Article ids are already clean (`lib/content/article-id.ts`);
 * anything else (a `/`, `..`, non-ASCII) gets a hash name, so no id can
 * escape the folder or need URL escaping. The builder rejects collisions.
 */
export function fragmentName(id: string): string {
  return SAFE_NAME.test(id) ? id : `~${fnv1a(id)}`;
}

/** 32-bit FNV-1a as 8 hex digits: tiny, synchronous, the same in Node and browsers. */
export function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

/**
 * The index's files, as the builder writes them and the client reads them.
 *
 *   manifest.json                 tiny, fetched first, never cached long: build id, counts, sources, shard directory
 *   <buildId>/docs.bin            doc table: published second, source, length of every article, newest first
 *   <buildId>/t/<n>.bin           term shard n: a sorted slice of the terms with their postings
 *   <buildId>/ids/<n>.json        article ids of docs n·idsPerChunk …: for the server (`fresh.ts`), not the client
 *   <buildId>/f/<doc>.json        doc number <doc>'s text (its id included): the shown hit, its snippet, and the phrase check
 *
 * Everything but the manifest sits under the build id (a hash of the content),
 * so those files never change once written and may be cached forever; a
 * reader still holding the previous manifest reads the previous build whole.
 * Fragments are named by doc number, as postings give them, so the client
 * fetches a hit's text straight away; naming them by article id cost a round
 * trip to an ids file first (format 1).
 */

import type { SearchRecord } from "./types";

/** 2: fragments named by doc number, not by article id. */
export const FORMAT_VERSION = 2 as const;
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
  /** Ids per `ids/<n>.json` file. */
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
// A doc number is a safe file name whatever the article id holds (`/`, `..`, non-ASCII).
export const fragmentFile = (doc: number) => `f/${doc}.json`;
export const inBuild = (buildId: string, file: string) => `${buildId}/${file}`;

/**
 * Search on the server (`npm start`): the same client the browser runs
 * (`client.ts`), reading the build's index files from disk instead of over
 * HTTP, with the articles that changed since the build (`fresh.ts`) handed
 * to it in process. One client per process and index folder: the manifest,
 * doc table and term shards are read once and kept; article texts
 * (fragments) are read per query and not kept, so memory stays what the
 * index costs, whatever strangers search for.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { getContent } from "../content/content-store";
import { contentDir, searchIndexDir } from "../site/config";
import { createSearchClient, type SearchClient } from "./client";
import type { Fetch } from "./file-cache";
import { freshArticles } from "./fresh";
import type { FreshArticles } from "./types";

/** How long one list of fresh articles is reused: the page cache's second, as the pages. */
const FRESH_MAX_AGE_MS = 1000;
/** The base the client puts before every path: any name would do, `folderFetch` strips it. */
const BASE = "search-index:";

/** One answer per state of the content: the index's object changes when the content does. */
const freshAnswers = new WeakMap<object, FreshArticles>();

/** What the index at `indexDir` lacks against the live content (computed once per state of the content). */
export function liveFreshArticles(dir: string = contentDir(), indexDir: string = searchIndexDir()): FreshArticles {
  const content = getContent(dir);
  let answer = freshAnswers.get(content.index);
  if (!answer) freshAnswers.set(content.index, (answer = freshArticles(dir, content, indexDir)));
  return answer;
}

/** A `Fetch` over the files of `dir` (`<base>/<path>`): never a file above it; a missing file is a 404. */
export function folderFetch(dir: string, base: string = BASE): Fetch {
  const root = path.resolve(dir);
  return async (url) => {
    const relative = url.startsWith(`${base}/`) ? url.slice(base.length + 1) : undefined;
    const file = relative === undefined ? undefined : path.resolve(root, relative);
    if (!file || !file.startsWith(`${root}${path.sep}`)) return notFound;
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch {
      return notFound;
    }
    return {
      ok: true,
      status: 200,
      json: async () => JSON.parse(bytes.toString("utf8")) as unknown,
      arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    };
  };
}

const notFound = { ok: false, status: 404, json: () => Promise.reject(new Error("404")), arrayBuffer: () => Promise.reject(new Error("404")) };

const KEY = Symbol.for("finews-portal.search-client");
type Holder = { [KEY]?: Map<string, SearchClient> };

/**
 * The process's search client for the index at `indexDir` (kept on
 * `globalThis`: Next.js may evaluate this module more than once in one process).
 */
export function serverSearchClient(indexDir: string = searchIndexDir(), dir: string = contentDir()): SearchClient {
  const clients = ((globalThis as Holder)[KEY] ??= new Map());
  const key = `${indexDir}\0${dir}`;
  let client = clients.get(key);
  if (!client) {
    client = createSearchClient({
      base: BASE,
      fetch: folderFetch(indexDir),
      extra: async () => liveFreshArticles(dir, indexDir),
      extraMaxAgeMs: FRESH_MAX_AGE_MS,
      keepFragments: false,
    });
    clients.set(key, client);
  }
  return client;
}

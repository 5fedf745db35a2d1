/**
 * Keeping search fresh on a running server without rebuilding the index:
 * the index on disk is what `npm run build` saw; `freshArticles` is what
 * changed since: articles the index does not have or whose file changed
 * after it was written (their records, bodies read from the content
 * folder), and indexed ids that are gone. The client
 * (`createSearchClient`'s `extra`) searches those few by brute force and
 * merges them in. A static export has no server: its index is rebuilt with
 * every build, and this list is empty there.
 */
import fs from "node:fs";
import path from "node:path";
import type { LoadedContent } from "../content/load-content";
import { idsFile, inBuild, MANIFEST_PATH, type Manifest } from "./layout";
import { searchRecords } from "./records";
import type { FreshArticles } from "./types";

interface IndexedIds {
  ids: Set<string>;
  /** When the manifest was written: files changed later are fresher than their indexed copy. */
  writtenAt: number;
}

let cached: (IndexedIds & { buildId: string }) | undefined;

/** Every article id in the index at `indexDir`, read once per build id. Undefined when there is no index. */
export function readIndexedIds(indexDir: string): IndexedIds | undefined {
  let manifest: Manifest;
  let writtenAt: number;
  try {
    const file = path.join(indexDir, MANIFEST_PATH);
    manifest = JSON.parse(fs.readFileSync(file, "utf8")) as Manifest;
    writtenAt = fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
  if (cached?.buildId === manifest.buildId) return { ids: cached.ids, writtenAt };
  const ids = new Set<string>();
  for (let chunk = 0; chunk * manifest.idsPerChunk < manifest.docCount; chunk++) {
    const file = path.join(indexDir, inBuild(manifest.buildId, idsFile(chunk)));
    for (const id of JSON.parse(fs.readFileSync(file, "utf8")) as string[]) ids.add(id);
  }
  cached = { buildId: manifest.buildId, ids, writtenAt };
  return { ids, writtenAt };
}

/**
 * What the index at `indexDir` lacks, against the live content: published
 * articles it does not hold or whose file changed after it was written (the
 * parse cache has each file's mtime), and ids it holds that are no longer
 * published. Without an index on disk there is nothing to add to.
 */
export function freshArticles(contentDir: string, content: Pick<LoadedContent, "index" | "cache">, indexDir: string): FreshArticles {
  const indexed = readIndexedIds(indexDir);
  if (!indexed) return { records: [], removedIds: [] };
  const published = new Set(content.index.articles.map((a) => a.id));
  const changed = content.index.articles.filter(
    (a) => !indexed.ids.has(a.id) || (content.cache.get(a.file)?.mtimeMs ?? Infinity) > indexed.writtenAt,
  );
  return {
    records: searchRecords(contentDir, { articles: changed }).records,
    removedIds: [...indexed.ids].filter((id) => !published.has(id)),
  };
}

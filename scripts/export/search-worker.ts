/**
 * The static export's search index, built in a thread of its own while the
 * pages render (scripts/export/export-site.ts): it reads every post again
 * for its text, which would otherwise keep the main thread (and an
 * incremental export) waiting after the pages are done.
 */
import { parentPort, workerData } from "node:worker_threads";
import { getContent } from "@/lib/content/store";
import { writeSiteSearchIndex } from "../search-index";

export interface SearchJob {
  contentDir: string;
  indexDir: string;
}

if (parentPort && workerData?.searchJob) {
  const { contentDir, indexDir } = workerData.searchJob as SearchJob;
  try {
    parentPort.postMessage({ ok: true, line: writeSiteSearchIndex(getContent(contentDir), contentDir, indexDir) });
  } catch (error) {
    parentPort.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
}

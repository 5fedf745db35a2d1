/**
 * Writes the search index for the published articles of a content folder
 * (lib/search/) into `dir`: the build's `search-index/` folder
 * (`searchIndexDir()`), which the search page reads as static files. Run by
 * `npm run build` after Next.js has built (it empties its dist dir) and by
 * `npm run dev` as it starts.
 * Drafts, unpublished and scheduled posts are never in it: the production
 * index holds none, and `searchRecords` skips them in a dev index too.
 */
import type { LoadedContent } from "../lib/content/load-content";
import { buildSearchIndex } from "../lib/search/build";
import { searchRecords } from "../lib/search/records";
import { writeSearchIndex } from "../lib/search/write";

export function writeSiteSearchIndex(content: Pick<LoadedContent, "index">, contentDir: string, dir: string): string {
  const started = performance.now();
  const { records, unreadable } = searchRecords(contentDir, content.index);
  const built = buildSearchIndex(records);
  const report = writeSearchIndex(dir, built);
  const mb = (built.stats.bytes / 1024 / 1024).toFixed(1);
  const skipped = unreadable.length > 0 ? `; ${unreadable.length} unreadable, left out: ${unreadable.slice(0, 3).join(", ")}${unreadable.length > 3 ? ", …" : ""}` : "";
  return `Search index: ${built.stats.docs} articles, ${built.stats.files} files (${mb} MB, ${report.written} written) in ${Math.round(performance.now() - started)} ms${skipped}`;
}

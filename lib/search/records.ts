/**
 * Published articles → `SearchRecord`s, the only input of any search index.
 *
 * The content index holds everything but the body (it is built without
 * rendering), so the body is read again here, once per article, and cut by
 * the same `postParts` as the index's (no trailer, no lede: the lede is the
 * summary already), then `markupToPlainText`.
 * That is the cheap stripper the index uses for summaries: microseconds a
 * post, against milliseconds for the render pipeline, and search only needs
 * the words.
 */
import type { ContentIndex } from "../content/content-index";
import { readPostAt } from "../content/post-files";
import { markupToPlainText } from "../content/plain-text";
import { postParts } from "../content/post-parts";
import type { Article } from "../content/types";
import { maxPostBytes } from "../site/config";
import { articlePath } from "../site/urls";
import type { SearchRecord } from "./types";

/** One article and its plain-text body → the record the index is built from. */
export function searchRecordFor(article: Article, bodyText: string): SearchRecord {
  return {
    id: article.id,
    url: articlePath(article),
    title: article.title,
    sourceKey: article.category.key,
    sourceName: article.category.name,
    publishedAt: article.publishedAt,
    summary: article.summary,
    body: bodyText,
  };
}

/**
 * A post file's bytes → its body as plain text, as readers see it (no
 * trailer, no lede). Undefined when the file no longer decodes or splits.
 */
export function postBodyText(bytes: Uint8Array): string | undefined {
  const parts = postParts(bytes);
  return parts.ok ? markupToPlainText(parts.body) : undefined;
}

export interface SearchRecordsResult {
  /** Newest first, like `index.articles`. */
  records: SearchRecord[];
  /** Articles whose file could not be read again (changed or removed since the index was built). */
  unreadable: string[];
}

/**
 * Every public article of `index` as a search record, its body read from
 * `contentDir`. Drafts, unpublished and scheduled posts are never in
 * `index.articles`; the `hidden` check keeps a dev index (`includeHidden`)
 * from leaking them all the same.
 */
export function searchRecords(contentDir: string, index: Pick<ContentIndex, "articles">, maxBytes: number = maxPostBytes()): SearchRecordsResult {
  const records: SearchRecord[] = [];
  const unreadable: string[] = [];
  for (const article of index.articles) {
    if (article.hidden) continue;
    // Read as the content engine reads it: a regular file within the size limit, never a FIFO swapped in since.
    const read = readPostAt(contentDir, article.file, maxBytes);
    const body = read.ok ? postBodyText(read.bytes) : undefined;
    if (body === undefined) unreadable.push(article.file);
    else records.push(searchRecordFor(article, body));
  }
  return { records, unreadable };
}

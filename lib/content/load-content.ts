/**
 * The content engine end to end: a content folder → its index and the
 * problems found, with counts. `lib/content/content-store.ts` keeps one per process.
 */
import { articleIdFor } from "./article-id";
import { buildIndex, type ContentIndex, type IndexOptions } from "./content-index";
import { readCategoryTitles, readPostFile, scanPostFiles, tooLargeReason, type PostFileEntry } from "./post-files";
import { contentLimits } from "./limits";
import { parsePost } from "./parse";
import type { ContentLimits, ContentProblem, ParsedPost, ParseResult } from "./types";

/**
 * What each file parsed to, keyed by relative path and valid while the
 * file's size and mtime are unchanged. Reloading with the previous cache
 * re-reads only new and changed files: a running server picks up a new post
 * in milliseconds, not a full re-parse.
 */
export type ParseCache = Map<string, { size: number; mtimeMs: number; result: ParseResult }>;

export interface LoadedContent {
  index: ContentIndex;
  /** Every problem, in file order: errors (skipped posts) and warnings. */
  problems: ContentProblem[];
  published: number;
  skipped: number;
  /** Readable posts that are not public: drafts, unpublished, scheduled (listed only with includeHidden). */
  notPublic: number;
  /** Feed this to the next `loadContent` of the same folder. */
  cache: ParseCache;
  /** Files parsed (not taken from the cache) by this load. */
  parsed: number;
}

export interface LoadOptions extends IndexOptions {
  /** What one post may cost (default: MAX_POST_BYTES and MAX_POST_DEPTH from the environment). */
  limits?: ContentLimits;
}

/**
 * `includeHidden` (for `npm run dev`) also reads `_drafts/` and keeps
 * unpublished and scheduled posts in the index, marked `hidden`.
 */
export function loadContent(contentDir: string, previous: ParseCache = new Map(), options: LoadOptions = {}): LoadedContent {
  const limits = options.limits ?? contentLimits();
  const posts: ParsedPost[] = [];
  const problems: ContentProblem[] = [];
  const cache: ParseCache = new Map();
  let skipped = 0;
  let parsed = 0;
  const folders = options.includeHidden ? ["_posts", "_drafts"] : ["_posts"];
  for (const folder of folders) {
    const listing = scanPostFiles(contentDir, folder);
    // What the listing skipped (special files, unreadable folders) takes its place in file order.
    let next = 0;
    const skipListed = (upTo?: string) => {
      for (; next < listing.problems.length && (upTo === undefined || listing.problems[next].file < upTo); next++) {
        problems.push(listing.problems[next]);
        skipped++;
      }
    };
    for (const entry of listing.files) {
      skipListed(entry.relativePath);
      const known = previous.get(entry.relativePath);
      let result: ParseResult;
      if (known && known.size === entry.size && known.mtimeMs === entry.mtimeMs && entry.size <= limits.maxPostBytes) {
        result = known.result;
      } else {
        const outcome = readAndParsePost(entry, limits);
        if (!outcome.read) {
          problems.push(...outcome.result.problems);
          skipped++;
          continue;
        }
        result = outcome.result;
        parsed++;
      }
      cache.set(entry.relativePath, { size: entry.size, mtimeMs: entry.mtimeMs, result });
      problems.push(...result.problems);
      if (result.ok) posts.push(result.post);
      else skipped++;
    }
    skipListed();
  }
  const categoryPages = readCategoryTitles(contentDir, limits.maxPostBytes);
  problems.push(...categoryPages.problems);
  const index = buildIndex(posts, categoryPages.titles, options);
  problems.push(...index.problems);
  return { index, problems, published: index.articles.length, skipped, notPublic: posts.length - index.articles.length, cache, parsed };
}

/**
 * One listed post file → what it parses to, within the limits: a file over
 * `maxPostBytes` is refused from its listed size (a 20 MB post costs no
 * memory and no parse time), one that is no longer a regular file when
 * opened is refused too. `read` is false then: such a result is not worth
 * remembering, since the file may read next time with the same mtime (its
 * mode changed, a FIFO was swapped back). For any caller that parses listed
 * files (loadContent, a parse worker).
 */
export function readAndParsePost(entry: PostFileEntry, limits: ContentLimits): { result: ParseResult; read: boolean } {
  const refuse = (reason: string) => ({ read: false, result: { ok: false as const, problems: [{ file: entry.relativePath, severity: "error" as const, reason }] } });
  if (entry.size > limits.maxPostBytes) return refuse(tooLargeReason(entry.size, limits.maxPostBytes));
  const read = readPostFile(entry, limits.maxPostBytes);
  if (!read.ok) return refuse(read.problem.reason);
  return { read: true, result: parsePost(read.file, limits) };
}

/** The errors of the file that would be at article `id`, had it been readable (for the dev preview). */
export function problemsForArticleId(content: Pick<LoadedContent, "problems">, id: string): ContentProblem[] {
  return content.problems.filter((p) => p.severity === "error" && articleIdFor(p.file) === id);
}

/**
 * One loaded content folder per process. Every page of a build (and every
 * request of a server) reads this index; the corpus is read and parsed once.
 * Kept on `globalThis` because Next.js may evaluate this module more than
 * once in one process (one copy per bundle layer).
 */
import path from "node:path";
import { contentCacheDir, contentDir, maxPostBytes, maxPostDepth, showsDrafts } from "../site/config";
import { cacheFileFor, parserFingerprint, readParseCache, writeParseCache } from "./disk-cache";
import { hiddenKind } from "./content-index";
import { readRegularFile } from "./load";
import { formatProblem, loadContent, type LoadedContent, type ParseCache } from "./load-content";
import { renderPostBody } from "./parse";
import type { Article } from "./types";

const KEY = Symbol.for("finews-portal.content");
type Loaded = LoadedContent & { loadedAt: number };
type Holder = { [KEY]?: Map<string, Loaded> };

/**
 * How old the index may be in `npm run dev` before a page load re-scans the
 * folder (a stat per file; only new and changed files are parsed again): an
 * editor's save shows on the next reload.
 */
const DEV_RESCAN_MS = 300;

export function getContent(dir: string = contentDir()): LoadedContent {
  const holder = globalThis as Holder;
  const cache = (holder[KEY] ??= new Map());
  const content = cache.get(dir);
  if (!content) return remember(cache, dir, loadWithDiskCache(dir));
  if (showsDrafts() && Date.now() - content.loadedAt > DEV_RESCAN_MS) return refreshContent(dir);
  return content;
}

function remember(cache: Map<string, Loaded>, dir: string, content: LoadedContent, previous?: LoadedContent): Loaded {
  if (showsDrafts()) reportNewProblems(content, previous);
  const loaded = Object.assign(content, { loadedAt: Date.now() });
  cache.set(dir, loaded);
  return loaded;
}

/** In `npm run dev`, the terminal shows each problem once, when it appears (as `npm run check` words it). */
function reportNewProblems(content: LoadedContent, previous?: LoadedContent): void {
  const before = new Set(previous?.problems.map(formatProblem));
  for (const problem of content.problems) {
    const line = formatProblem(problem);
    if (!before.has(line)) console.warn(`content: ${line}`);
  }
}

/** Loads a content folder starting from the on-disk parse cache, and refreshes that cache. */
function loadWithDiskCache(dir: string, inMemory?: LoadedContent["cache"]): LoadedContent {
  const options = { includeHidden: showsDrafts() };
  const cacheDir = contentCacheDir();
  const fingerprint = cacheDir ? parserFingerprint(process.cwd()) : undefined;
  // A parse depends on MAX_POST_DEPTH too (which bodies are flattened): another limit, another cache.
  const parser = fingerprint && `${fingerprint}-depth${maxPostDepth()}`;
  if (!cacheDir || !parser) return loadContent(dir, inMemory, options);
  const file = cacheFileFor(cacheDir, dir);
  const previous = inMemory ?? readParseCache(file, parser, dir);
  const content = loadContent(dir, previous, options);
  // Rewritten only when it would change: a file parsed, added or removed (not-public posts never count).
  const kept = publicOnly(content.cache);
  if (content.parsed > 0 || !previous || publicOnly(previous).size !== kept.size) {
    try {
      writeParseCache(file, parser, dir, kept);
    } catch {
      // A read-only checkout still works; it just parses again next time.
    }
  }
  return content;
}

/**
 * The parse cache without posts that are not public: their text must not
 * sit on disk next to a production build. They are parsed again by the next
 * process (they are few).
 */
function publicOnly(cache: ParseCache): ParseCache {
  const now = Date.now();
  const kept: ParseCache = new Map();
  for (const [file, entry] of cache) if (!entry.result.ok || !hiddenKind(entry.result.post, now)) kept.set(file, entry);
  return kept;
}

export const getIndex = () => getContent().index;

/**
 * Re-scans the content folder and swaps in a fresh index, re-parsing only
 * new and changed files. Pages read the new index on their next render.
 */
export function refreshContent(dir: string = contentDir()): LoadedContent {
  const holder = globalThis as Holder;
  const cache = (holder[KEY] ??= new Map());
  const previous = cache.get(dir);
  return remember(cache, dir, loadWithDiskCache(dir, previous?.cache), previous);
}

/**
 * An article's sanitized body HTML, rendered from its file now (pages are
 * cached, so this runs once a page). Undefined when the file is gone or no
 * longer reads; that, and a body that could not be rendered, is logged.
 */
export function getArticleBody(article: Pick<Article, "file">, dir: string = contentDir()): string | undefined {
  // Read as the index read it: a regular file within the size limit (it may have been swapped since).
  const read = readRegularFile(path.join(/*turbopackIgnore: true*/ dir, article.file), maxPostBytes());
  if (!read.ok) {
    console.error(`content: ${formatProblem({ file: article.file, severity: "error", reason: `its page cannot be shown: ${read.reason}` })}`);
    return undefined;
  }
  return renderPostBody({ bytes: read.bytes, relativePath: article.file });
}

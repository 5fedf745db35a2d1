/**
 * One loaded content folder per process. Every page of a build (and every
 * request of a server) reads this index; the corpus is read and parsed once.
 * Kept on `globalThis` because Next.js may evaluate this module more than
 * once in one process (one copy per bundle layer).
 */
import { createHash } from "node:crypto";
import { contentCacheDir, contentDir, maxPostBytes, maxPostDepth, showsDrafts } from "../site/config";
import { cacheFileFor, parserFingerprint, readParseCache, writeParseCache } from "./disk-cache";
import { hiddenKind } from "./content-index";
import { readPostAt } from "./post-files";
import { loadContent, type LoadedContent, type ParseCache } from "./load-content";
import { formatProblem } from "./problems";
import { renderPostBody } from "./parse";
import type { PostFileEntry } from "./post-files";
import type { Article, ParseResult } from "./types";

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

/** When `dir`'s index was last (re)read, in ms since the epoch; undefined before the first read, which this never starts. */
export function contentLoadedAt(dir: string = contentDir()): number | undefined {
  return (globalThis as Holder)[KEY]?.get(dir)?.loadedAt;
}

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
 * Parse results made elsewhere (the server's parse worker) for files of
 * `dir`: kept in the in-memory parse cache, so the next `refreshContent`
 * finds them unchanged and only rebuilds the index.
 */
export function rememberParsed(dir: string, parsed: { entry: Pick<PostFileEntry, "relativePath" | "size" | "mtimeMs">; result: ParseResult }[]): void {
  const content = ((globalThis as Holder)[KEY] ??= new Map()).get(dir);
  if (!content) return;
  for (const { entry, result } of parsed) content.cache.set(entry.relativePath, { size: entry.size, mtimeMs: entry.mtimeMs, result });
}

/**
 * A digest of which post files the content was read from (path, size and
 * modification time of each): equal digests mean the same posts. A build
 * records it, so that a server started later can tell whether the folder
 * changed in between.
 */
export function contentFingerprint(content: Pick<LoadedContent, "cache">): string {
  const hash = createHash("sha256");
  for (const file of [...content.cache.keys()].sort()) {
    const { size, mtimeMs } = content.cache.get(file)!;
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 32);
}

const BODY_RENDERER = Symbol.for("finews-portal.body-renderer");
/** Renders the body of the post at `file` (relative to the content folder `dir`). */
export type BodyRenderer = (dir: string, file: string) => Promise<string | undefined>;

/**
 * Where article bodies are rendered: `npm start` hands in its content
 * worker (lib/serve/article-bodies.ts), so a long body never stalls the
 * thread that answers readers; builds and `npm run dev` render in place.
 */
export function setBodyRenderer(render: BodyRenderer | undefined): void {
  (globalThis as { [BODY_RENDERER]?: BodyRenderer })[BODY_RENDERER] = render;
}

/**
 * An article's sanitized body HTML (pages are cached, so this runs once a
 * page). Undefined when the file is gone or no longer reads; that, and a
 * body that could not be rendered, is logged.
 */
export async function getArticleBody(article: Pick<Article, "file">, dir: string = contentDir()): Promise<string | undefined> {
  const render = (globalThis as { [BODY_RENDERER]?: BodyRenderer })[BODY_RENDERER];
  return render ? render(dir, article.file) : renderArticleFile(dir, article.file);
}

/** The body HTML of the post at `file` (relative to `dir`), rendered here and now. */
export function renderArticleFile(dir: string, file: string): string | undefined {
  // Read as the index read it: a regular file within the size limit (it may have been swapped since).
  const read = readPostAt(dir, file, maxPostBytes());
  if (!read.ok) {
    console.error(`content: ${formatProblem({ file, severity: "error", reason: `its page cannot be shown: ${read.reason}` })}`);
    return undefined;
  }
  return renderPostBody({ bytes: read.bytes, relativePath: file });
}

/**
 * One loaded content folder per process. Every page of a build (and every
 * request of a server) reads this index; the corpus is read and parsed once.
 * Kept on `globalThis` because Next.js may evaluate this module more than
 * once in one process (one copy per bundle layer).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { contentCacheDir, contentDir } from "../site/config";
import { cacheFileFor, parserFingerprint, readParseCache, writeParseCache } from "./disk-cache";
import { loadContent, type LoadedContent } from "./load-content";
import { renderPostBody } from "./parse";
import type { Article } from "./types";

const KEY = Symbol.for("finews-portal.content");
type Holder = { [KEY]?: Map<string, LoadedContent> };

export function getContent(dir: string = contentDir()): LoadedContent {
  const holder = globalThis as Holder;
  const cache = (holder[KEY] ??= new Map());
  let content = cache.get(dir);
  if (!content) {
    content = loadWithDiskCache(dir);
    cache.set(dir, content);
  }
  return content;
}

/** Loads a content folder starting from the on-disk parse cache, and refreshes that cache. */
function loadWithDiskCache(dir: string, inMemory?: LoadedContent["cache"]): LoadedContent {
  const cacheDir = contentCacheDir();
  const parser = cacheDir ? parserFingerprint(process.cwd()) : undefined;
  if (!cacheDir || !parser) return loadContent(dir, inMemory);
  const file = cacheFileFor(cacheDir, dir);
  const previous = inMemory ?? readParseCache(file, parser, dir);
  const content = loadContent(dir, previous);
  if (content.parsed > 0 || previous?.size !== content.cache.size) {
    try {
      writeParseCache(file, parser, dir, content.cache);
    } catch {
      // A read-only checkout still works; it just parses again next time.
    }
  }
  return content;
}

export const getIndex = () => getContent().index;

/**
 * Re-scans the content folder and swaps in a fresh index, re-parsing only
 * new and changed files. Pages read the new index on their next render.
 */
export function refreshContent(dir: string = contentDir()): LoadedContent {
  const holder = globalThis as Holder;
  const cache = (holder[KEY] ??= new Map());
  const content = loadWithDiskCache(dir, cache.get(dir)?.cache);
  cache.set(dir, content);
  return content;
}

/** An article's sanitized body HTML, rendered from its file now (pages are cached, so this runs once a page). */
export function getArticleBody(article: Pick<Article, "file">, dir: string = contentDir()): string | undefined {
  try {
    return renderPostBody({ bytes: readFileSync(path.join(/*turbopackIgnore: true*/ dir, article.file)) });
  } catch {
    return undefined;
  }
}

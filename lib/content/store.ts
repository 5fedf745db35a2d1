/**
 * One loaded content folder per process. Every page of a build (and every
 * request of a server) reads this index; the corpus is read and parsed once.
 * Kept on `globalThis` because Next.js may evaluate this module more than
 * once in one process (one copy per bundle layer).
 */
import { contentDir } from "../site/config";
import { loadContent, type LoadedContent } from "./load-content";

const KEY = Symbol.for("finews-portal.content");
type Holder = { [KEY]?: Map<string, LoadedContent> };

export function getContent(dir: string = contentDir()): LoadedContent {
  const holder = globalThis as Holder;
  const cache = (holder[KEY] ??= new Map());
  let content = cache.get(dir);
  if (!content) {
    content = loadContent(dir);
    cache.set(dir, content);
  }
  return content;
}

export const getIndex = () => getContent().index;

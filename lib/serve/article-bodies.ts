/**
 * Article bodies for `npm start`: rendered in the content worker, never on
 * the thread that answers readers, and the recent ones kept.
 *
 * Every content change revalidates every page, and an article page is then
 * rendered again on its next visit; its body has not changed unless its
 * file did. So bodies are kept by file, size and modification time (what
 * the parse cache already trusts): a page render after an unrelated change
 * costs a lookup, not a pipeline run, and a changed file is a new key.
 * Concurrent renders of one body share one job.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { LRUCache } from "lru-cache";
import type { ContentWorker } from "../content/content-worker";
import type { BodyRenderer } from "../content/content-store";

export interface ArticleBodiesOptions {
  worker: ContentWorker;
  /** Memory for kept bodies (UTF-16 string bytes, keys included). */
  maxBytes?: number;
}

export type { BodyRenderer } from "../content/content-store";

export function articleBodies({ worker, maxBytes = 32 * 1024 * 1024 }: ArticleBodiesOptions): BodyRenderer & { size: () => number } {
  const kept = new LRUCache<string, string>({
    maxSize: maxBytes,
    sizeCalculation: (html, key) => 2 * (html.length + key.length) || 1,
  });
  const rendering = new Map<string, Promise<string | undefined>>();

  const render = (async (dir: string, file: string) => {
    let key: string;
    try {
      const stat = statSync(path.join(dir, file));
      key = `${dir}\0${file}\0${stat.size}\0${stat.mtimeMs}`;
    } catch {
      return undefined; // gone since the index was built
    }
    const known = kept.get(key);
    if (known !== undefined) return known;
    let job = rendering.get(key);
    if (!job) {
      job = worker.renderBody(dir, file).finally(() => rendering.delete(key));
      rendering.set(key, job);
    }
    const html = await job;
    if (html !== undefined) kept.set(key, html);
    return html;
  }) as BodyRenderer & { size: () => number };
  render.size = () => kept.calculatedSize;
  return render;
}

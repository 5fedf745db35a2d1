/**
 * What keeps a running server's pages current: the content watcher, the
 * timer for the next scheduled post, and the parse worker. The server that
 * owns the port owns these (scripts/serve.ts starts them once it listens and
 * stops them when it closes), so nothing guesses a port or outlives it.
 *
 * A change goes: the watcher reports files → new and changed posts are
 * parsed in the worker thread (lib/content/content-worker.ts), readers
 * meanwhile get the current pages → the results join the store's parse
 * cache → `revalidate` rebuilds the index from that cache (no parsing left
 * to do) and drops the cached pages. Refreshes run one at a time; changes
 * that arrive meanwhile are taken by the next one.
 */
import { getContent, rememberParsed } from "../content/content-store";
import { listPostFiles } from "../content/post-files";
import type { ContentWorker } from "../content/content-worker";
import { scheduleAt } from "../content/schedule";
import { watchContent } from "../content/watch";
import { formatShanghai } from "../time";

export interface FreshnessOptions {
  contentDir: string;
  /** Watch the folder (CONTENT_WATCH); the scheduled-post timer runs either way. */
  watch: boolean;
  /** Rebuilds the index and revalidates the pages (the `/api/revalidate` hook); resolves to its summary line. */
  revalidate: (files: string[]) => Promise<string>;
  /** Where posts are parsed (its owner closes it). */
  worker: ContentWorker;
  log?: (line: string) => void;
}

export interface Freshness {
  /** Parse what changed, then revalidate; `why` goes into the log line. */
  refresh(files: string[], why: string): Promise<void>;
  close(): Promise<void>;
}

export function startFreshness({ contentDir, watch, revalidate, worker, log = console.log }: FreshnessOptions): Freshness {
  let closed = false;
  let queue = Promise.resolve();
  let cancelScheduled = () => {};

  /** New and changed post files, parsed off the main thread and handed to the store. */
  const parseChanged = async () => {
    const known = getContent(contentDir).cache;
    const changed = listPostFiles(contentDir).filter((entry) => {
      const cached = known.get(entry.relativePath);
      return !cached || cached.size !== entry.size || cached.mtimeMs !== entry.mtimeMs;
    });
    const parsed = await worker.parse(changed);
    // A file refused unread (too large, not a regular file) is not remembered: the index build refuses it again from its listing.
    rememberParsed(
      contentDir,
      changed.flatMap((entry, i) => (parsed[i].read ? [{ entry, result: parsed[i].result }] : [])),
    );
  };

  const refresh = (files: string[], why: string): Promise<void> => {
    queue = queue.then(async () => {
      if (closed) return;
      const started = performance.now();
      try {
        await parseChanged();
        const summary = await revalidate(files);
        log(`${why}: ${summary} in ${Math.round(performance.now() - started)} ms`);
      } catch (error) {
        log(`${why}: refresh failed: ${error instanceof Error ? error.message : String(error)}`);
      }
      planScheduled();
    });
    return queue;
  };

  /** One timer, for the earliest scheduled post; planned again after every refresh. */
  const planScheduled = () => {
    cancelScheduled();
    if (closed) return;
    const next = getContent(contentDir).index.nextScheduled;
    if (next) log(`content: next scheduled post goes live at ${formatShanghai(next.at)} (Beijing time)`);
    // Named, so that their own URLs drop a 404 cached before they went live.
    cancelScheduled = scheduleAt(next?.at, () => void refresh(next?.files ?? [], `scheduled post due (${next?.files.join(", ")})`));
  };
  planScheduled();

  const stopWatching = watch
    ? watchContent({
        contentDir,
        log,
        onChange: (files) => refresh(files, `content changed (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""})`),
      })
    : () => {};

  return {
    refresh,
    async close() {
      closed = true;
      stopWatching();
      cancelScheduled();
      await queue;
    },
  };
}

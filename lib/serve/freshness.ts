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
 *
 * With several instances on one content folder (REDIS_URL), `claim`
 * (lib/serve/change-claim.ts) makes one instance parse a change and the
 * others rebuild their index from its results; the one that parsed tells
 * the others, so an instance that does not watch refreshes too.
 */
import { getContent, rememberParsed } from "../content/content-store";
import { listPostFiles } from "../content/post-files";
import type { ContentWorker } from "../content/content-worker";
import { type ChangeClaim, changeIdOf, type ParsedBy, type ParsedPost } from "./change-claim";
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
  /** Shares a change's parsing with the other instances (REDIS_URL); without it, every change is parsed here. */
  claim?: ChangeClaim;
  log?: (line: string) => void;
}

export interface Freshness {
  /**
   * Parse what changed, then revalidate; `why` goes into the log line.
   * `announced`: another instance said content changed; nothing is done when this instance's index already matches the folder.
   */
  refresh(files: string[], why: string, options?: { announced?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export function startFreshness({ contentDir, watch, revalidate, worker, claim, log = console.log }: FreshnessOptions): Freshness {
  let closed = false;
  let queue = Promise.resolve();
  let cancelScheduled = () => {};

  /** Parses `entries` in the worker; a file refused unread (too large, not a regular file) is left out: the index build refuses it again from its listing. */
  const parseHere = async (entries: ReturnType<typeof listPostFiles>): Promise<ParsedPost[]> => {
    const parsed = await worker.parse(entries);
    return entries.flatMap((entry, i) => (parsed[i].read ? [{ entry, result: parsed[i].result }] : []));
  };

  /** New and changed post files, parsed off the main thread (or by the instance that claimed the change) and handed to the store. */
  const parseChanged = async (): Promise<{ by?: ParsedBy; changeId?: string }> => {
    const known = getContent(contentDir).cache;
    const listing = listPostFiles(contentDir);
    const changed = listing.filter((entry) => {
      const cached = known.get(entry.relativePath);
      return !cached || cached.size !== entry.size || cached.mtimeMs !== entry.mtimeMs;
    });
    const changeId = claim ? changeIdOf(listing) : undefined;
    if (!claim || changed.length === 0) {
      rememberParsed(contentDir, await parseHere(changed));
      return { changeId };
    }
    const { parsed, by } = await claim.parse(changeId!, () => parseHere(changed));
    // Another instance's results stand in only for files exactly as this instance sees them.
    const results = new Map(parsed.map((p) => [p.entry.relativePath, p]));
    const fitting = changed.flatMap((entry) => {
      const result = results.get(entry.relativePath);
      return result && result.entry.size === entry.size && result.entry.mtimeMs === entry.mtimeMs ? [result] : [];
    });
    rememberParsed(contentDir, fitting);
    const rest = by === "by another instance" ? changed.filter((entry) => !fitting.some((f) => f.entry.relativePath === entry.relativePath)) : [];
    if (rest.length) rememberParsed(contentDir, await parseHere(rest));
    return { by, changeId };
  };

  /** The listing this instance last refreshed from (with a claim): an announcement of the same content needs nothing. */
  let refreshedFrom = claim ? changeIdOf(listPostFiles(contentDir)) : undefined;

  const refresh = (files: string[], why: string, { announced = false } = {}): Promise<void> => {
    queue = queue.then(async () => {
      if (closed) return;
      const started = performance.now();
      try {
        const { by, changeId } = await parseChanged();
        // Told by another instance, but this one already refreshed from the same files (its own watcher was first).
        if (announced && changeId === refreshedFrom) return;
        const summary = await revalidate(files);
        refreshedFrom = changeId;
        log(`${why}: ${summary} in ${Math.round(performance.now() - started)} ms${by ? ` (parsed ${by})` : ""}`);
        if (claim && changeId && by === "here") await claim.announce(changeId, files);
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

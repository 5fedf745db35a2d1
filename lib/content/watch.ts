/**
 * Watches the content folder and, a moment after files stop changing,
 * reports which changed. The server's freshness loop (lib/serve/freshness.ts)
 * then parses them and revalidates the pages: new, changed, renamed and
 * deleted posts are served within a couple of seconds, without a rebuild or
 * restart.
 */
import { readdirSync, watch, type FSWatcher } from "node:fs";
import path from "node:path";

const DEBOUNCE_MS = 300;

export interface WatchOptions {
  contentDir: string;
  /** Called once changes settle; should trigger the re-scan and revalidation. */
  onChange: (changedFiles: string[]) => Promise<void> | void;
  log?: (line: string) => void;
}

export function watchContent({ contentDir, onChange, log = console.log }: WatchOptions): () => void {
  const watchers: FSWatcher[] = [];
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();

  const flush = () => {
    const files = [...pending];
    pending = new Set();
    running = running.then(async () => {
      try {
        await onChange(files);
      } catch (error) {
        log(`content watcher: refresh failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  };

  const watched = new Set<string>();
  // One watcher per folder, not `recursive: true`: on Linux, Node 20 emulates
  // recursion with a watcher per *file*, which for 100,000 posts costs seconds
  // at start and exhausts inotify. A folder's watcher sees its files change.
  const watchFolder = (dir: string) => {
    if (watched.has(dir)) return;
    try {
      const watcher = watch(dir, (_event, name) => {
        if (!name || String(name).startsWith(".")) return;
        const changed = path.join(dir, String(name));
        pending.add(path.relative(contentDir, changed));
        watchSubfolders(changed); // a new subfolder of posts
        clearTimeout(timer);
        timer = setTimeout(flush, DEBOUNCE_MS);
      });
      watcher.on("error", (error) => log(`content watcher: ${dir}: ${error.message}`));
      watched.add(dir);
      watchers.push(watcher);
      watchSubfolders(dir);
    } catch {
      // Not a folder, or gone (no drafts, no category pages): nothing to watch there.
    }
  };
  const watchSubfolders = (dir: string) => {
    try {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && !entry.name.startsWith(".")) watchFolder(path.join(dir, entry.name));
      }
    } catch {
      // A file, or removed meanwhile.
    }
  };
  for (const folder of ["_posts", "_drafts", "category"]) watchFolder(path.join(/*turbopackIgnore: true*/ contentDir, folder));
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

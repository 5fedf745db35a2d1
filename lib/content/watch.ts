/**
 * Keeps a running server fresh: watches the content folder and, a moment
 * after files stop changing, asks the server to re-scan and revalidate
 * (through `POST /api/revalidate`, because Next.js only invalidates its page
 * cache from inside a request). New, changed, renamed and deleted posts are
 * served within a couple of seconds, without a rebuild or restart.
 */
import { watch, type FSWatcher } from "node:fs";
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

  for (const folder of ["_posts", "_drafts", "category"]) {
    const dir = path.join(/*turbopackIgnore: true*/ contentDir, folder);
    try {
      const watcher = watch(dir, { recursive: true }, (_event, name) => {
        if (name && path.basename(String(name)).startsWith(".")) return;
        pending.add(path.join(folder, String(name ?? "")));
        clearTimeout(timer);
        timer = setTimeout(flush, DEBOUNCE_MS);
      });
      watcher.on("error", (error) => log(`content watcher: ${dir}: ${error.message}`));
      watchers.push(watcher);
    } catch {
      // The folder does not exist (no drafts, no category pages): nothing to watch there.
    }
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

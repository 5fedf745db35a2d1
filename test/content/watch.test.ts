import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchContent } from "@/lib/content/watch";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((f) => f()));

function waitForChange(dir: string): { changes: string[][]; next: () => Promise<string[]> } {
  const changes: string[][] = [];
  let resolve: ((files: string[]) => void) | undefined;
  const stop = watchContent({
    contentDir: dir,
    onChange: (files) => {
      changes.push(files);
      resolve?.(files);
    },
    log: () => {},
  });
  cleanups.push(stop);
  return { changes, next: () => new Promise((r) => (resolve = r)) };
}

describe("lib/content/watch", () => {
  it("reports new, changed and removed posts once they settle, in subfolders too", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "finews-watch-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    mkdirSync(path.join(dir, "_posts", "2021"), { recursive: true });
    const watcher = waitForChange(dir);

    let next = watcher.next();
    writeFileSync(path.join(dir, "_posts", "2021-12-08-a.md"), "a");
    writeFileSync(path.join(dir, "_posts", "2021-12-08-a.md"), "ab");
    expect(await next).toContain(path.join("_posts", "2021-12-08-a.md"));
    // Two writes in quick succession are one refresh.
    expect(watcher.changes).toHaveLength(1);

    next = watcher.next();
    writeFileSync(path.join(dir, "_posts", "2021", "2021-12-09-b.md"), "b");
    expect(await next).toContain(path.join("_posts", "2021", "2021-12-09-b.md"));

    next = watcher.next();
    rmSync(path.join(dir, "_posts", "2021-12-08-a.md"));
    expect(await next).toContain(path.join("_posts", "2021-12-08-a.md"));
  });
});

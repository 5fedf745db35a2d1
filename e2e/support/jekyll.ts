/**
 * Debian's `jekyll` (4.3), run the way a GitHub Pages branch deploy runs
 * Jekyll over a repository: for the tests that check what the old Jekyll
 * site's URLs were, and that a Jekyll pass leaves a static export as it is.
 * `.ci/run` installs it (`apt-get install jekyll`).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Whether `jekyll` runs on this machine. */
export function jekyllAvailable(): boolean {
  return spawnSync("jekyll", ["--version"], { stdio: "ignore" }).status === 0;
}

/**
 * `jekyll build --source src --destination dest`; throws with Jekyll's
 * output when the build fails. `TZ` is left to the site's `timezone`.
 */
export function jekyllBuild(source: string, destination: string): string {
  return execFileSync("jekyll", ["build", "--source", source, "--destination", destination], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 << 20,
  });
}

/** Every file under `dir`, as `/`-separated paths relative to it, sorted. Links are listed, not followed. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** How two folders differ: files only in one of them, and files whose bytes (or kind) differ. */
export function compareTrees(expected: string, actual: string): { missing: string[]; extra: string[]; changed: string[] } {
  const a = listFiles(expected);
  const b = new Set(listFiles(actual));
  const inA = new Set(a);
  const missing = a.filter((f) => !b.has(f));
  const extra = [...b].filter((f) => !inA.has(f));
  const changed = a.filter((f) => {
    if (!b.has(f)) return false;
    const [left, right] = [path.join(expected, f), path.join(actual, f)];
    if (lstatSync(left).isSymbolicLink() || lstatSync(right).isSymbolicLink()) return true;
    return !readFileSync(left).equals(readFileSync(right));
  });
  return { missing, extra, changed };
}

/**
 * Snapshots of the work tree for builds that must not touch it: e2e's static
 * export and GitHub Pages runs (e2e/static-copy.ts, e2e/github-pages.ts) and
 * the benchmarks' export builds (bench/) each build in a copy, so the work
 * tree's own `.next`, `out/` and `.cache` stay as they are. A static export
 * with a custom distDir still writes to `.next` (Next names the custom
 * distDir the export destination), which would clobber the dev build.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import path from "node:path";

/**
 * Copies the work tree (tracked and untracked, not ignored files: what the
 * engineer has now) to `dest`, with node_modules hard-linked (same file
 * system) or, failing that, symlinked (which a Turbopack build refuses).
 */
export function snapshotWorkTree(repoDir: string, dest: string): void {
  const list = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoDir, encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"] });
  for (const rel of new Set(list.split("\0").filter(Boolean))) {
    // A work tree whose node_modules is a symlink (git lists it as an untracked file): linked below, like a folder.
    if (rel === "node_modules") continue;
    const from = path.join(repoDir, rel);
    if (!existsSync(from)) continue; // deleted in the work tree
    mkdirSync(path.dirname(path.join(dest, rel)), { recursive: true });
    copyFileSync(from, path.join(dest, rel));
  }
  // Hard links of the real folder, also when the work tree's node_modules is a symlink: Turbopack refuses a
  // node_modules that leads out of the project root ("Could not find the Next.js package").
  const modules = realpathSync(path.join(repoDir, "node_modules"));
  const linked = spawnSync("cp", ["-al", modules, path.join(dest, "node_modules")], { stdio: "ignore" });
  if (linked.status !== 0) symlinkSync(modules, path.join(dest, "node_modules"), "dir");
}

/**
 * Every file and folder under a snapshot (relative paths), node_modules
 * left out: what `resetWorkTree` brings it back to.
 */
export function listWorkTree(dir: string): Set<string> {
  const found = new Set<string>();
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (!prefix && entry.name === "node_modules") continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      found.add(rel);
      if (entry.isDirectory()) walk(path.join(d, entry.name), rel);
    }
  };
  walk(dir, "");
  return found;
}

/** The top-most files and folders under `dir` that `keep` does not name (node_modules aside): what builds added. */
export function extraneousPaths(dir: string, keep: Set<string>): string[] {
  const found: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (!prefix && entry.name === "node_modules") continue;
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (!keep.has(rel)) found.push(rel);
      else if (entry.isDirectory()) walk(path.join(d, entry.name), rel);
    }
  };
  walk(dir, "");
  return found;
}

/**
 * Removes from `dir` every file and folder `keep` does not name (a folder
 * whole, without walking it), node_modules untouched: whatever builds wrote
 * since the snapshot was listed (.next, out/, .cache/, public/js/, and any
 * folder a future build adds) goes, so the next build starts cold. Files of
 * the snapshot that a build edited in place (Next adds its types folder to
 * tsconfig.json) stay as edited. Returns the removed paths, top-most only.
 */
export function resetWorkTree(dir: string, keep: Set<string>): string[] {
  const removed = extraneousPaths(dir, keep);
  for (const rel of removed) rmSync(path.join(dir, rel), { recursive: true, force: true });
  return removed;
}

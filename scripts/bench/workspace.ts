/**
 * Keeping the benchmark's builds out of the engineer's way.
 *
 * `next build` with NEXT_DIST_DIR=.next-bench rewrites two files of the
 * repo: it adds `.next-bench/types/**` to tsconfig.json's include and points
 * next-env.d.ts at `.next-bench/types`. Both would then show up in the
 * engineer's diff (or typecheck against the bench build), so the bench's
 * part of those changes is undone after each build.
 *
 * A static export (`output: "export"`) with a custom distDir writes its
 * build artifacts to `.next` (Next names the custom distDir the export
 * destination), which would clobber the dev build; it runs in a snapshot of
 * the work tree instead.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";

interface Saved {
  tsconfig?: string;
  nextEnv?: string;
}

const read = (file: string) => (existsSync(file) ? readFileSync(file, "utf8") : undefined);

export function saveNextWrittenFiles(repoDir: string): Saved {
  return { tsconfig: read(path.join(repoDir, "tsconfig.json")), nextEnv: read(path.join(repoDir, "next-env.d.ts")) };
}

/**
 * Undoes what `next build` changed for `distDir`: its include entries in
 * tsconfig.json (only those, so a concurrent edit or another build's
 * entries stay) and next-env.d.ts when it now points at `distDir`.
 */
export function restoreNextWrittenFiles(repoDir: string, distDir: string, saved: Saved): string[] {
  const notes: string[] = [];
  const tsconfigFile = path.join(repoDir, "tsconfig.json");
  const now = read(tsconfigFile);
  if (saved.tsconfig !== undefined && now !== undefined && now !== saved.tsconfig) {
    try {
      const before = JSON.parse(saved.tsconfig) as { include?: string[] };
      const after = JSON.parse(now) as { include?: string[] };
      const hadBefore = new Set(before.include ?? []);
      const ours = (entry: string) => entry.startsWith(`${distDir}/`) && !hadBefore.has(entry);
      // Rewritten only when the file is plain 2-space JSON, as Next writes it, so no comment or layout is lost.
      const plain = `${JSON.stringify(after, null, 2)}\n` === now;
      if (after.include?.some(ours)) {
        if (plain) writeFileSync(tsconfigFile, `${JSON.stringify({ ...after, include: after.include.filter((e) => !ours(e)) }, null, 2)}\n`);
        else notes.push(`next build added ${distDir}/ entries to tsconfig.json's include; not removed because the file is not in Next's plain JSON layout`);
      }
    } catch {
      notes.push("tsconfig.json changed during the build and is not plain JSON; left as is");
    }
  }
  const nextEnvFile = path.join(repoDir, "next-env.d.ts");
  const env = read(nextEnvFile);
  if (saved.nextEnv !== undefined && env !== undefined && env !== saved.nextEnv && env.includes(`./${distDir}/`)) {
    writeFileSync(nextEnvFile, saved.nextEnv);
  }
  return notes;
}

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

/**
 * The commit being measured, marked when the portal's code has uncommitted
 * changes (the bench's own files and report don't count: they are not what is measured).
 */
export function codeVersion(repoDir: string): string {
  try {
    const git = (args: string[]) => execFileSync("git", args, { cwd: repoDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const head = git(["rev-parse", "--short", "HEAD"]);
    const dirty = git(["status", "--porcelain", "--untracked-files=no", "--", ".", ":!scripts/bench", ":!test/bench", ":!docs/benchmarks.md", ":!docs/export-bench.md"]) !== "";
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

/**
 * Keeping the benchmark's builds out of the engineer's way.
 *
 * `next build` with NEXT_DIST_DIR=.next-bench points next-env.d.ts at
 * `.next-bench/types`, and would add `.next-bench/types/**` to
 * tsconfig.json's include (it no longer does while tsconfig.json extends
 * tsconfig.base.json: Next leaves a config that extends another alone; the
 * undo stays for a tsconfig.json that stops doing so). Either would show up
 * in the engineer's diff or typecheck against the bench build, so the
 * bench's part of those changes is undone after each build.
 *
 * A static export (`output: "export"`) runs in a snapshot of the work tree
 * instead (scripts/work-tree.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
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
 * The commit being measured, marked when the portal's code has uncommitted
 * changes (the bench's own files and report don't count: they are not what is measured).
 */
export function codeVersion(repoDir: string): string {
  try {
    const git = (args: string[]) => execFileSync("git", args, { cwd: repoDir, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    const head = git(["rev-parse", "--short", "HEAD"]);
    const dirty = git(["status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench", ":!docs/benchmarks.md", ":!docs/export-bench.md"]) !== "";
    return dirty ? `${head} + uncommitted changes` : head;
  } catch {
    return "unknown";
  }
}

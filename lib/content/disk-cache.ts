/**
 * The parse cache on disk, so that every process of a build (and the server
 * after it, and the next build) starts from the last parse instead of
 * re-reading 100,000 posts. Entries stay valid while a file's size and mtime
 * are unchanged; the whole cache is valid only for the exact parser code
 * that wrote it (a hash of `lib/content` and `lib/time.ts`), so a code change
 * can never serve stale records. Without those sources on disk (a deployed
 * bundle) there is no disk cache and each process parses once.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { ParseCache } from "./load-content";
import type { ParseResult } from "./types";

interface CacheFile {
  parser: string;
  contentDir: string;
  entries: [relativePath: string, size: number, mtimeMs: number, result: ParseResult][];
}

/** Hash of the parser's own source, or undefined when the sources are not there to hash. */
export function parserFingerprint(projectRoot: string): string | undefined {
  const dir = path.join(/*turbopackIgnore: true*/ projectRoot, "lib", "content");
  const time = path.join(/*turbopackIgnore: true*/ projectRoot, "lib", "time.ts");
  if (!existsSync(dir) || !existsSync(time)) return undefined;
  const hash = createHash("sha256");
  const files = walkTs(dir).sort();
  for (const file of [...files, time]) hash.update(file.slice(projectRoot.length)).update(readFileSync(file));
  return hash.digest("hex").slice(0, 16);
}

function walkTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walkTs(full);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [full] : [];
  });
}

export function cacheFileFor(cacheDir: string, contentDir: string): string {
  const key = createHash("sha256").update(contentDir).digest("hex").slice(0, 16);
  return path.join(/*turbopackIgnore: true*/ cacheDir, `${key}.json`);
}

export function readParseCache(file: string, parser: string, contentDir: string): ParseCache | undefined {
  try {
    const data = JSON.parse(readFileSync(/*turbopackIgnore: true*/ file, "utf8")) as CacheFile;
    if (data.parser !== parser || data.contentDir !== contentDir) return undefined;
    return new Map(data.entries.map(([rel, size, mtimeMs, result]) => [rel, { size, mtimeMs, result }]));
  } catch {
    return undefined; // No cache yet, or a damaged one: parse from scratch.
  }
}

/** Writes atomically (temp file + rename): build workers may read while another process writes. */
export function writeParseCache(file: string, parser: string, contentDir: string, cache: ParseCache): void {
  const data: CacheFile = {
    parser,
    contentDir,
    entries: [...cache].map(([rel, { size, mtimeMs, result }]) => [rel, size, mtimeMs, result]),
  };
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(data));
  renameSync(temp, file);
}

/**
 * Which generated posts are valid, read from the file names alone: the
 * generator writes `<ymd>-<ymd><index, 10 digits>.md` and makes post `i`
 * broken when i % brokenEvery == brokenEvery - 1. Using the name rule (not
 * the portal's parser) keeps the benchmark independent of lib/, which may
 * change under it.
 */
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

export const BROKEN_EVERY = 1000; // the generator's default, which run.ts uses

export interface CorpusFile {
  file: string;
  /** The article id: the file name without `.md`. */
  id: string;
  index: number;
  valid: boolean;
}

export function listCorpus(corpusDir: string, brokenEvery = BROKEN_EVERY): CorpusFile[] {
  return readdirSync(path.join(corpusDir, "_posts"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => {
      const id = file.slice(0, -3);
      const index = Number(id.slice(-10));
      return { file, id, index, valid: !(brokenEvery > 0 && index % brokenEvery === brokenEvery - 1) };
    });
}

/** Copies the valid posts into `destDir` (created). */
export function copyValidPosts(corpusDir: string, files: CorpusFile[], destDir: string): number {
  mkdirSync(destDir, { recursive: true });
  let n = 0;
  for (const f of files) {
    if (!f.valid) continue;
    copyFileSync(path.join(corpusDir, "_posts", f.file), path.join(destDir, f.file));
    n++;
  }
  return n;
}

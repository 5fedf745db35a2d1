/**
 * Which generated posts are valid, read from the file names alone: the
 * generator writes `<ymd>-<ymd><index, 10 digits>.md` and makes post `i`
 * broken when i % brokenEvery == brokenEvery - 1, cycling through four
 * kinds of breakage. Using the name rule (not the portal's parser) keeps the
 * benchmark independent of lib/, which may change under it.
 */
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

export const BROKEN_EVERY = 1000; // the generator's default, which run.ts uses

export interface CorpusFile {
  file: string;
  /** The article id: the file name without `.md`. */
  id: string;
  index: number;
  /** A clean post: what Jekyll and Hugo get. */
  valid: boolean;
  /**
   * Whether the portal should publish it. The fourth kind of breakage (empty
   * title, `date:  +0800`) is one the README says the portal repairs, with
   * warnings, from the summary and the file name's date; the other three
   * (bad YAML, GBK bytes, no front matter) are skipped.
   */
  portalPublishes: boolean;
}

export function listCorpus(corpusDir: string, brokenEvery = BROKEN_EVERY): CorpusFile[] {
  return readdirSync(path.join(corpusDir, "_posts"))
    .filter((f) => f.endsWith(".md"))
    .sort()
    .map((file) => {
      const id = file.slice(0, -3);
      const index = Number(id.slice(-10));
      const broken = brokenEvery > 0 && index % brokenEvery === brokenEvery - 1;
      // The generator numbers broken files 0, 1, 2… and picks the kind as that number % 4.
      const repairable = broken && Math.floor(index / brokenEvery) % 4 === 3;
      return { file, id, index, valid: !broken, portalPublishes: !broken || repairable };
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

/**
 * A static export keeps only what a reader's browser asks for. Next.js
 * writes, beside every page, the page again as a React payload (`X.txt`)
 * and a folder of segment payloads (`X/__next.*.txt`), plus the client
 * runtime's chunks: none of it is loaded, since pages leave without the
 * React runtime (lib/serve/static-document.ts). At 5,000 posts that was
 * 400 MB of a 575 MB export, and each segment folder beside an `X.html`
 * made nginx answer 403 and GitHub Pages redirect `X` to `X/`.
 *
 * Removed: payloads beside a page, segment payloads, `/_next/static/` scripts
 * no page references, and the folders that leaves empty. Added:
 * `.nojekyll`, so GitHub Pages serves the files as they are instead of
 * running Jekyll over them (which drops `_next/`, the stylesheet with it).
 */
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** The first bytes of a React Server Components payload: `1:"$Sreact.fragment"`, `0:{…}`, `:HL[…]`. */
const RSC_PAYLOAD = /^(?:[0-9a-f]+:|:H[A-Z]?\[)/;
const SEGMENT_PAYLOAD = /^__next\..*\.txt$/;
/** `src="/_next/…"` or `href="/_next/…"` in a page. */
const NEXT_ASSET_REF = /\s(?:src|href)\s*=\s*["']?(\/_next\/[^"'\s>]+)/gi;

export interface PruneResult {
  removedFiles: number;
  removedBytes: number;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

function looksLikePayload(file: string): boolean {
  const head = readFileSync(file, { encoding: "utf8", flag: "r" }).slice(0, 64);
  return RSC_PAYLOAD.test(head);
}

/** Removes from `outDir` what no page loads; returns what it removed. */
export function pruneExport(outDir: string): PruneResult {
  const files = filesUnder(outDir);
  const referenced = new Set<string>();
  for (const file of files) {
    if (!file.endsWith(".html")) continue;
    for (const match of readFileSync(file, "utf8").matchAll(NEXT_ASSET_REF)) referenced.add(match[1].split(/[?#]/)[0]);
  }
  const doomed = files.filter((file) => {
    const name = path.basename(file);
    if (SEGMENT_PAYLOAD.test(name)) return true;
    if (name.endsWith(".txt") && existsSync(file.slice(0, -4) + ".html")) return looksLikePayload(file);
    const url = `/${path.relative(outDir, file).split(path.sep).join("/")}`;
    return url.startsWith("/_next/static/") && url.endsWith(".js") && !referenced.has(url);
  });
  const result: PruneResult = { removedFiles: 0, removedBytes: 0 };
  for (const file of doomed) {
    result.removedBytes += statSync(file).size;
    rmSync(file);
    result.removedFiles++;
  }
  removeEmptyFolders(outDir, outDir);
  writeFileSync(path.join(outDir, ".nojekyll"), "");
  return result;
}

/** Deletes folders under `dir` that hold nothing now (not `root` itself). */
function removeEmptyFolders(dir: string, root: string): boolean {
  let empty = true;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory() && removeEmptyFolders(path.join(dir, entry.name), root)) continue;
    empty = false;
  }
  if (empty && dir !== root) rmdirSync(dir);
  return empty;
}

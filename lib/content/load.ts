/**
 * The content folder → the post files in it, read once. The folder has
 * Jekyll's layout: `_posts/` (any depth), optional `_drafts/` and
 * `category/<slug>.html` pages whose `title` names a category.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { splitFrontMatter } from "./front-matter";
import { decodePostBytes } from "./decode";
import { scalarText } from "./categories";
import type { SourceFile } from "./types";

const POST_EXTENSIONS = /\.(?:md|markdown|mdown|mkd|html?)$/i;

/** A post file found on disk, not read yet: enough to tell whether it changed. */
export type PostFileEntry = Omit<SourceFile, "bytes"> & { size: number };

/** Every post file under `<contentDir>/<folder>`, sorted by path so builds are deterministic. */
export function listPostFiles(contentDir: string, folder = "_posts"): PostFileEntry[] {
  // The content folder is chosen at run time; the bundler must not trace it.
  const root = path.join(/*turbopackIgnore: true*/ contentDir, folder);
  if (!existsSync(/*turbopackIgnore: true*/ root)) return [];
  return walk(root)
    .filter((p) => POST_EXTENSIONS.test(p))
    .sort()
    .map((file) => {
      const stat = statSync(file);
      return {
        path: file,
        relativePath: path.relative(contentDir, file).split(path.sep).join("/"),
        size: stat.size,
        mtimeMs: stat.mtimeMs,
      };
    });
}

export function readPostFile(entry: PostFileEntry): SourceFile {
  const bytes = readFileSync(entry.path);
  return { ...entry, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...walk(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

/**
 * `category/<slug>.html` titles, by slug. The source site's titles are often
 * wrong, so the index uses them only for a category none of whose posts has a tag.
 */
export function readCategoryTitles(contentDir: string): Map<string, string> {
  const titles = new Map<string, string>();
  const dir = path.join(contentDir, "category");
  if (!existsSync(dir)) return titles;
  for (const name of readdirSync(dir)) {
    if (!POST_EXTENSIONS.test(name)) continue;
    const decoded = decodePostBytes(readFileSync(path.join(dir, name)));
    if (!decoded.ok) continue;
    const split = splitFrontMatter(decoded.text);
    const title = split.ok ? scalarText(split.data.title).trim() : "";
    if (title) titles.set(name.replace(POST_EXTENSIONS, ""), title);
  }
  return titles;
}

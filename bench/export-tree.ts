/**
 * What a static export left on disk, read from the files alone (no code of
 * the portal): size and file count, pages, bytes per article, the search
 * index, and leftovers no browser asks for (React payloads and segment
 * folders beside a page). Also which files a rerun wrote, from a listing
 * taken before it, so an incremental export shows what it re-rendered.
 */
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";

/** One file or folder under the export root; `rel` uses `/` and has no leading slash. */
export interface TreeEntry {
  rel: string;
  dir: boolean;
  /** File size in bytes (0 for folders). */
  size: number;
  /** Allocated bytes, as `du` counts them. */
  diskBytes: number;
  mtimeMs: number;
  ino: number;
}

export interface Bytes {
  bytes: number;
  files: number;
}

export interface ExportTree extends Bytes {
  diskBytes: number;
  /** `.html` files anywhere: the pages a host serves. */
  htmlFiles: number;
  /** `articles/<id>.html`: one per published article. */
  articlePages: number;
  /** The article pages alone (bytes, files). */
  articles: Bytes;
  /** `search-index/`. */
  searchIndex: Bytes;
  /** Per top-level entry (folders and loose files, the latter under "(files at the root)"), largest first. */
  topLevel: (Bytes & { name: string })[];
  /** `X.txt` beside an `X.html`: Next's React payload of that page. */
  payloadsBesideHtml: number;
  /** `__next.*.txt` anywhere: segment payloads. */
  segmentFiles: number;
  /** Folders `X/` beside an `X.html`, under `articles/` and elsewhere (listings keep later pages and feeds there by design). */
  foldersBesideHtml: { articles: number; other: number; examples: string[] };
}

const ROOT_FILES = "(files at the root)";
const SEGMENT_PAYLOAD = /^__next\..*\.txt$/;

/** Every file and folder under `root` (lstat: links are not followed). */
export function walkTree(root: string): TreeEntry[] {
  const out: TreeEntry[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(dir, entry.name);
      const st = lstatSync(full);
      const isDir = st.isDirectory();
      out.push({ rel, dir: isDir, size: isDir ? 0 : st.size, diskBytes: st.blocks * 512, mtimeMs: st.mtimeMs, ino: st.ino });
      if (isDir) walk(full, rel);
    }
  };
  walk(root, "");
  return out;
}

/** The figures of an export from its listing. */
export function summarizeTree(entries: TreeEntry[]): ExportTree {
  const tree: ExportTree = {
    bytes: 0,
    files: 0,
    diskBytes: 0,
    htmlFiles: 0,
    articlePages: 0,
    articles: { bytes: 0, files: 0 },
    searchIndex: { bytes: 0, files: 0 },
    topLevel: [],
    payloadsBesideHtml: 0,
    segmentFiles: 0,
    foldersBesideHtml: { articles: 0, other: 0, examples: [] },
  };
  const files = new Set<string>();
  const dirs = new Set<string>();
  const top = new Map<string, Bytes>();
  for (const e of entries) {
    tree.diskBytes += e.diskBytes;
    if (e.dir) {
      dirs.add(e.rel);
      continue;
    }
    files.add(e.rel);
    tree.bytes += e.size;
    tree.files++;
    const slash = e.rel.indexOf("/");
    const topName = slash < 0 ? ROOT_FILES : e.rel.slice(0, slash);
    const t = top.get(topName) ?? { bytes: 0, files: 0 };
    t.bytes += e.size;
    t.files++;
    top.set(topName, t);
    const name = e.rel.slice(e.rel.lastIndexOf("/") + 1);
    if (topName === "search-index") {
      tree.searchIndex.bytes += e.size;
      tree.searchIndex.files++;
    }
    if (SEGMENT_PAYLOAD.test(name)) tree.segmentFiles++;
    if (e.rel.endsWith(".html")) {
      tree.htmlFiles++;
      // An article's page: articles/<id>/index.html (a folder's index, as every page), or articles/<id>.html in older exports.
      if (/^articles\/[^/]+(?:\/index)?\.html$/.test(e.rel)) {
        tree.articlePages++;
        tree.articles.bytes += e.size;
        tree.articles.files++;
      }
    }
  }
  for (const rel of files) {
    if (!rel.endsWith(".html")) continue;
    const stem = rel.slice(0, -".html".length);
    if (files.has(`${stem}.txt`)) tree.payloadsBesideHtml++;
    if (dirs.has(stem)) {
      if (stem.startsWith("articles/")) tree.foldersBesideHtml.articles++;
      else tree.foldersBesideHtml.other++;
    }
  }
  // Examples: articles first (they should have none), then the rest, in a stable order.
  const beside = [...files].filter((rel) => rel.endsWith(".html") && dirs.has(rel.slice(0, -5))).map((rel) => `${rel.slice(0, -5)}/`);
  beside.sort((a, b) => Number(!a.startsWith("articles/")) - Number(!b.startsWith("articles/")) || (a < b ? -1 : a > b ? 1 : 0));
  tree.foldersBesideHtml.examples = beside.slice(0, 3);
  tree.topLevel = [...top].map(([name, b]) => ({ name, ...b })).sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
  return tree;
}

/** What a rerun did to the export's files, from listings taken before and after it. */
export interface TreeChanges {
  added: number;
  removed: number;
  /** Files present before and after whose size, mtime or inode changed: written again. */
  rewritten: number;
  unchanged: number;
  /** Of the added and rewritten files, how many are pages (`.html`). */
  pagesWritten: number;
}

export function diffTrees(before: TreeEntry[], after: TreeEntry[]): TreeChanges {
  const old = new Map(before.filter((e) => !e.dir).map((e) => [e.rel, e]));
  const changes: TreeChanges = { added: 0, removed: 0, rewritten: 0, unchanged: 0, pagesWritten: 0 };
  for (const e of after) {
    if (e.dir) continue;
    const was = old.get(e.rel);
    old.delete(e.rel);
    let written = false;
    if (!was) {
      changes.added++;
      written = true;
    } else if (was.size !== e.size || was.mtimeMs !== e.mtimeMs || was.ino !== e.ino) {
      changes.rewritten++;
      written = true;
    } else changes.unchanged++;
    if (written && e.rel.endsWith(".html")) changes.pagesWritten++;
  }
  changes.removed = old.size;
  return changes;
}

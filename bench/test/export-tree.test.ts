import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { diffTrees, summarizeTree, walkTree, type TreeEntry } from "../export-tree";

const file = (rel: string, size = 10, mtimeMs = 1000, ino = 0): TreeEntry => ({ rel, dir: false, size, diskBytes: 4096, mtimeMs, ino: ino || rel.length });
const dir = (rel: string): TreeEntry => ({ rel, dir: true, size: 0, diskBytes: 4096, mtimeMs: 0, ino: 0 });

describe("summarizeTree", () => {
  const entries = [
    file("index.html", 100),
    file("index.txt", 50), // React payload beside the home page
    file("404.html", 20),
    file("_headers", 5),
    dir("articles"),
    file("articles/a.html", 300),
    file("articles/b.html", 500),
    dir("articles/b"), // a segment folder beside an article
    file("articles/b/__next.articles.b.txt", 40),
    file("articles/readme.txt", 1), // not beside a page
    dir("category"),
    file("category/emnews.html", 200),
    dir("category/emnews"), // later pages: a folder beside the listing, by design
    dir("category/emnews/page"),
    file("category/emnews/page/2.html", 200),
    file("category/emnews/feed.xml", 30),
    dir("search-index"),
    file("search-index/manifest.json", 7),
    file("search-index/s0.bin", 1000),
  ];
  const tree = summarizeTree(entries);

  it("adds up bytes and files (folders are not files)", () => {
    expect(tree.files).toBe(13);
    expect(tree.bytes).toBe(100 + 50 + 20 + 5 + 300 + 500 + 40 + 1 + 200 + 200 + 30 + 7 + 1000);
    expect(tree.diskBytes).toBe(entries.length * 4096);
  });

  it("counts pages, article pages and the search index", () => {
    expect(tree.htmlFiles).toBe(6);
    expect(tree.articlePages).toBe(2);
    expect(tree.articles).toEqual({ bytes: 800, files: 2 });
    expect(tree.searchIndex).toEqual({ bytes: 1007, files: 2 });
  });

  it("counts payloads beside a page, segment payloads, and folders beside a page under articles/ and elsewhere", () => {
    expect(tree.payloadsBesideHtml).toBe(1);
    expect(tree.segmentFiles).toBe(1);
    expect(tree.foldersBesideHtml.articles).toBe(1);
    expect(tree.foldersBesideHtml.other).toBe(1);
    expect(tree.foldersBesideHtml.examples).toEqual(["articles/b/", "category/emnews/"]);
  });

  it("breaks the size down by top-level entry, largest first", () => {
    expect(tree.topLevel.map((t) => t.name)).toEqual(["search-index", "articles", "category", "(files at the root)"]);
    expect(tree.topLevel.find((t) => t.name === "(files at the root)")).toEqual({ name: "(files at the root)", bytes: 175, files: 4 });
  });

  it("counts an article page in today's layout too: a folder's index.html", () => {
    const today = summarizeTree([dir("articles"), dir("articles/a"), file("articles/a/index.html", 300), dir("category"), dir("category/x"), file("category/x/index.html", 100)]);
    expect(today.articlePages).toBe(1);
    expect(today.articles).toEqual({ bytes: 300, files: 1 });
    expect(today.foldersBesideHtml.articles + today.foldersBesideHtml.other).toBe(0);
  });

  it("finds nothing to complain about in a clean export", () => {
    const clean = summarizeTree([file("index.html"), dir("articles"), file("articles/x.html"), file("articles/xy.html")]);
    expect(clean.payloadsBesideHtml).toBe(0);
    expect(clean.segmentFiles).toBe(0);
    expect(clean.foldersBesideHtml).toEqual({ articles: 0, other: 0, examples: [] });
  });
});

describe("walkTree", () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
  });

  it("lists files and folders with relative, slash-separated paths, and sizes", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "export-tree-"));
    roots.push(root);
    mkdirSync(path.join(root, "articles", "b"), { recursive: true });
    writeFileSync(path.join(root, "index.html"), "<!doctype html>");
    writeFileSync(path.join(root, "articles", "b.html"), "12345");
    writeFileSync(path.join(root, "articles", "b", "__next.b.txt"), "0:{}");
    const entries = walkTree(root).sort((a, b) => (a.rel < b.rel ? -1 : 1));
    expect(entries.map((e) => [e.rel, e.dir, e.size])).toEqual([
      ["articles", true, 0],
      ["articles/b", true, 0],
      ["articles/b.html", false, 5],
      ["articles/b/__next.b.txt", false, 4],
      ["index.html", false, 15],
    ]);
    const tree = summarizeTree(entries);
    expect(tree.foldersBesideHtml.articles).toBe(1);
    expect(tree.segmentFiles).toBe(1);
  });

  it("sees a rewrite through mtime even when the content is the same", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "export-tree-"));
    roots.push(root);
    writeFileSync(path.join(root, "a.html"), "same");
    writeFileSync(path.join(root, "b.html"), "same");
    utimesSync(path.join(root, "a.html"), 1_000_000, 1_000_000);
    const before = walkTree(root);
    writeFileSync(path.join(root, "a.html"), "same");
    const changes = diffTrees(before, walkTree(root));
    expect(changes.rewritten).toBe(1);
    expect(changes.unchanged).toBe(1);
  });
});

describe("diffTrees", () => {
  it("tells added, removed, rewritten and unchanged files apart, and counts pages written", () => {
    const before = [dir("articles"), file("index.html", 10, 1), file("articles/a.html", 10, 1), file("articles/b.html", 10, 1), file("sitemap.xml", 10, 1), file("gone.html", 1, 1)];
    const after = [
      dir("articles"),
      file("index.html", 12, 2), // rewritten (size and mtime)
      file("articles/a.html", 10, 1), // unchanged
      file("articles/b.html", 10, 1, 999), // replaced by a rename: new inode
      file("articles/c.html", 10, 2), // added
      file("sitemap.xml", 11, 2), // rewritten, not a page
    ];
    expect(diffTrees(before, after)).toEqual({ added: 1, removed: 1, rewritten: 3, unchanged: 1, pagesWritten: 3 });
  });
});

/**
 * What a scraper can leave in a content folder besides posts: FIFOs (which
 * block whoever opens them), links (to anywhere), folders named like posts,
 * posts far too large. Each is named and skipped, never opened blindly.
 */
import { chmodSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent, formatCheckReport } from "@/lib/content/check";
import { formatBytes, readCategoryTitles, readRegularFile, scanPostFiles, tooLargeReason } from "@/lib/content/post-files";
import { loadContent } from "@/lib/content/load-content";
import { formatProblem } from "@/lib/content/problems";
import { HAS_MKFIFO, mkfifo, post, tempContentDir } from "../helpers/fixtures";

const MiB = 1024 * 1024;
const LIMITS = { maxPostBytes: 2 * MiB, maxPostDepth: 100 };

const hasMkfifo = HAS_MKFIFO;
const isRoot = process.getuid?.() === 0;

const fine = (title: string, date: string) => post({ title, date, categories: "emnews", tags: "东财滚动新闻" }, "正文。\n\n<https://a.example/1>");

describe("lib/content/load: what is not a post file", () => {
  it.skipIf(!hasMkfifo)("names a FIFO among the posts and never opens it (opening one blocks forever)", () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": fine("甲", "2024-01-01"), "_posts/2024-01-03-c.md": fine("丙", "2024-01-03") });
    mkfifo(path.join(dir, "_posts/2024-01-02-fifo.md"));
    const content = loadContent(dir, new Map(), { limits: LIMITS });
    expect(content.problems.map(formatProblem)).toEqual(["_posts/2024-01-02-fifo.md: error: is a FIFO, not a regular file; skipped"]);
    expect(content).toMatchObject({ published: 2, skipped: 1 });
  });

  it.skipIf(!hasMkfifo)("skips a FIFO at category/<slug>.html with a warning: category pages only give titles", () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": post({ title: "甲", date: "2024-01-01", categories: "emnews" }, "正文。\n\n<https://a.example/1>") });
    mkdirSync(path.join(dir, "category"));
    mkfifo(path.join(dir, "category/emnews.html"));
    const content = loadContent(dir, new Map(), { limits: LIMITS });
    expect(content.problems.map(formatProblem)).toEqual(["category/emnews.html: warning: is a FIFO, not a regular file; skipped"]);
    expect(content.published).toBe(1);
  });

  it.skipIf(!hasMkfifo)("refuses a file that became a FIFO after it was listed, at once", () => {
    const dir = tempContentDir({});
    mkfifo(path.join(dir, "swapped.md"));
    expect(readRegularFile(path.join(dir, "swapped.md"), MiB)).toEqual({ ok: false, reason: "is a FIFO, not a regular file; skipped" });
  });

  it("does not follow links, and says so: a link to a file or to a folder of posts", () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": fine("甲", "2024-01-01"), "elsewhere/2024-01-05-e.md": fine("外", "2024-01-05"), "secret.md": "root:x:0:0" });
    symlinkSync(path.join(dir, "secret.md"), path.join(dir, "_posts/2024-01-02-link.md"));
    symlinkSync(path.join(dir, "elsewhere"), path.join(dir, "_posts/more"));
    symlinkSync(path.join(dir, "nowhere.md"), path.join(dir, "_posts/2024-01-03-dangling.md"));
    const content = loadContent(dir, new Map(), { limits: LIMITS });
    expect(content.problems.map(formatProblem)).toEqual([
      "_posts/2024-01-02-link.md: error: is a symbolic link; skipped (links are not followed)",
      "_posts/2024-01-03-dangling.md: error: is a symbolic link; skipped (links are not followed)",
      "_posts/more: error: is a symbolic link; skipped (links are not followed)",
    ]);
    expect(content.index.articles.map((a) => a.title)).toEqual(["甲"]);
    expect(readRegularFile(path.join(dir, "_posts/2024-01-02-link.md"), MiB)).toEqual({ ok: false, reason: "is a symbolic link; skipped (links are not followed)" });
  });

  it("skips a folder named like a category page with a warning, instead of failing every refresh with EISDIR", () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": fine("甲", "2024-01-01"), "category/x.html/readme.txt": "x", "category/emnews.html": "---\ntitle: 东财\n---\n" });
    const { titles, problems } = readCategoryTitles(dir, MiB);
    expect(problems.map(formatProblem)).toEqual(["category/x.html: warning: is a folder, not a file; skipped"]);
    expect([...titles]).toEqual([["emnews", "东财"]]);
    expect(loadContent(dir, new Map(), { limits: LIMITS }).published).toBe(1);
  });

  it("reads posts in a folder named like a post (posts may sit at any depth)", () => {
    const dir = tempContentDir({ "_posts/2024.md/2024-01-01-a.md": fine("甲", "2024-01-01") });
    expect(loadContent(dir, new Map(), { limits: LIMITS }).published).toBe(1);
  });

  it.skipIf(isRoot)("names a folder it may not read, and reads the rest", () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": fine("甲", "2024-01-01"), "_posts/locked/2024-01-02-b.md": fine("乙", "2024-01-02") });
    chmodSync(path.join(dir, "_posts/locked"), 0);
    try {
      const content = loadContent(dir, new Map(), { limits: LIMITS });
      expect(content.problems.map(formatProblem)).toEqual(["_posts/locked: error: could not be read (EACCES: permission denied); the posts in it are skipped"]);
      expect(content.published).toBe(1);
    } finally {
      chmodSync(path.join(dir, "_posts/locked"), 0o755);
    }
  });
});

describe("lib/content/load: posts over MAX_POST_BYTES", () => {
  it("skips a 20 MB post unread, deciding from its size alone", () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": fine("甲", "2024-01-01") });
    // Sparse: 20 MB of zeros on no disk. Read and parsed, it would be 'no front matter', not a size problem.
    writeFileSync(path.join(dir, "_posts/2024-01-02-huge.md"), "");
    truncateSync(path.join(dir, "_posts/2024-01-02-huge.md"), 20 * MiB);
    const content = loadContent(dir, new Map(), { limits: LIMITS });
    expect(content.problems.map(formatProblem)).toEqual(["_posts/2024-01-02-huge.md: error: is 20.0 MB, over the 2 MB limit (MAX_POST_BYTES); not read"]);
    expect(content).toMatchObject({ published: 1, skipped: 1 });
    expect(content.cache.has("_posts/2024-01-02-huge.md")).toBe(false);
  });

  it("takes the limit it is given, and warns about a category page over it", () => {
    const dir = tempContentDir({
      "_posts/2024-01-01-a.md": fine("甲", "2024-01-01"),
      "_posts/2024-01-02-b.md": post({ title: "乙", date: "2024-01-02" }, "长".repeat(2000)),
      "category/emnews.html": `---\ntitle: 东财\n---\n${"x".repeat(5000)}`,
    });
    const content = loadContent(dir, new Map(), { limits: { maxPostBytes: 4096, maxPostDepth: 100 } });
    expect(content.problems.map(formatProblem)).toEqual([
      "_posts/2024-01-02-b.md: error: is 5.9 KB, over the 4 KB limit (MAX_POST_BYTES); not read",
      "category/emnews.html: warning: is 4.9 KB, over the 4 KB limit (MAX_POST_BYTES); not read",
    ]);
  });

  it("reads no more than the limit when a file grows after it was listed", () => {
    const dir = tempContentDir({ "grown.md": "x".repeat(5000) });
    expect(readRegularFile(path.join(dir, "grown.md"), 4096)).toEqual({ ok: false, reason: "is 4.9 KB, over the 4 KB limit (MAX_POST_BYTES); not read" });
    expect(readRegularFile(path.join(dir, "grown.md"), 5000)).toMatchObject({ ok: true });
  });

  it("words sizes for editors, and gives bytes when the rounded size would equal the limit", () => {
    expect(formatBytes(20 * MiB)).toBe("20.0 MB");
    expect(formatBytes(2 * MiB, true)).toBe("2 MB");
    expect(formatBytes(1536 * 1024, true)).toBe("1.5 MB");
    expect(formatBytes(900)).toBe("900 bytes");
    expect(tooLargeReason(2 * MiB + 1, 2 * MiB)).toBe("is 2,097,153 bytes, over the 2 MB limit (MAX_POST_BYTES); not read");
  });
});

describe("npm run check and the build summary name what was skipped", () => {
  it.skipIf(!hasMkfifo)("lists every skipped special file, link and oversized post, and fails", () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": fine("甲", "2024-01-01"), "secret.md": "x" });
    mkfifo(path.join(dir, "_posts/2024-01-02-fifo.md"));
    symlinkSync(path.join(dir, "secret.md"), path.join(dir, "_posts/2024-01-03-link.md"));
    writeFileSync(path.join(dir, "_posts/2024-01-04-huge.md"), "");
    truncateSync(path.join(dir, "_posts/2024-01-04-huge.md"), 3 * MiB);
    mkdirSync(path.join(dir, "category/x.html"), { recursive: true });
    const report = checkContent(dir, dir, LIMITS);
    expect(formatCheckReport(report)).toEqual([
      "_posts/2024-01-02-fifo.md: error: is a FIFO, not a regular file; skipped",
      "_posts/2024-01-03-link.md: error: is a symbolic link; skipped (links are not followed)",
      "_posts/2024-01-04-huge.md: error: is 3.0 MB, over the 2 MB limit (MAX_POST_BYTES); not read",
      "category/x.html: warning: is a folder, not a file; skipped",
      "1 posts published, 3 skipped, 1 warnings",
    ]);
    expect(report.ok).toBe(false);
  });

  it("lists drafts' special files only when drafts are read", () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": fine("甲", "2024-01-01"), "_drafts/x.md": "x" });
    symlinkSync(path.join(dir, "_drafts/x.md"), path.join(dir, "_drafts/y.md"));
    expect(scanPostFiles(dir, "_drafts").problems.map(formatProblem)).toEqual(["_drafts/y.md: error: is a symbolic link; skipped (links are not followed)"]);
    expect(loadContent(dir, new Map(), { limits: LIMITS }).problems).toEqual([]);
  });
});

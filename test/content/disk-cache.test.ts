import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cacheFileFor, parserFingerprint, readParseCache, writeParseCache } from "@/lib/content/disk-cache";
import { loadContent } from "@/lib/content/load-content";

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), "finews-cache-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const post = (title: string) => `---\ntitle: "${title}"\ndate: 2021-12-08 10:00:00\ncategories: emnews\ntags: 东财滚动新闻\n---\n\n正文。\n\n<http://x.example/1>\n`;

describe("lib/content/disk-cache", () => {
  it("round-trips a parse cache and reuses it for unchanged files only", () => {
    const content = tempDir();
    mkdirSync(path.join(content, "_posts"));
    writeFileSync(path.join(content, "_posts", "2021-12-08-a.md"), post("甲"));
    writeFileSync(path.join(content, "_posts", "2021-12-08-b.md"), post("乙"));
    const first = loadContent(content);
    expect(first.parsed).toBe(2);

    const file = cacheFileFor(tempDir(), content);
    writeParseCache(file, "v1", content, first.cache);
    const restored = readParseCache(file, "v1", content);
    expect(restored?.size).toBe(2);

    // One file changes (size and mtime), one is removed, one is new.
    writeFileSync(path.join(content, "_posts", "2021-12-08-a.md"), post("甲（更新）"));
    utimesSync(path.join(content, "_posts", "2021-12-08-a.md"), new Date(), new Date(Date.now() + 5000));
    rmSync(path.join(content, "_posts", "2021-12-08-b.md"));
    writeFileSync(path.join(content, "_posts", "2021-12-08-c.md"), post("丙"));
    const second = loadContent(content, restored);
    expect(second.parsed).toBe(2);
    expect(second.index.articles.map((a) => a.title).sort()).toEqual(["丙", "甲（更新）"]);
  });

  it("ignores a cache written by other parser code or for another folder, and a damaged one", () => {
    const file = path.join(tempDir(), "c.json");
    writeParseCache(file, "v1", "/content", new Map());
    expect(readParseCache(file, "v2", "/content")).toBeUndefined();
    expect(readParseCache(file, "v1", "/other")).toBeUndefined();
    writeFileSync(file, readFileSync(file, "utf8").slice(0, 10));
    expect(readParseCache(file, "v1", "/content")).toBeUndefined();
  });

  it("fingerprints the parser's source, and changes when it changes", () => {
    const root = tempDir();
    mkdirSync(path.join(root, "lib", "content"), { recursive: true });
    writeFileSync(path.join(root, "lib", "time.ts"), "export const a = 1;");
    writeFileSync(path.join(root, "lib", "content", "parse.ts"), "export const b = 1;");
    const before = parserFingerprint(root);
    writeFileSync(path.join(root, "lib", "content", "parse.ts"), "export const b = 2;");
    expect(parserFingerprint(root)).not.toBe(before);
    expect(parserFingerprint(tempDir())).toBeUndefined();
  });
});

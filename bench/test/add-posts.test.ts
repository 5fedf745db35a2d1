import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { listCorpus } from "../corpus";
import { addPosts, generateCorpus } from "../generate-corpus";

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "add-posts-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const snapshot = (dir: string) => new Map(readdirSync(path.join(dir, "_posts")).map((f) => [f, readFileSync(path.join(dir, "_posts", f), "utf8")]));
const dateOf = (text: string) => /^date: (\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/m.exec(text)?.[1];

describe("addPosts", () => {
  it("adds clean posts, newer than every post of the corpus, without touching the existing files", () => {
    const dir = tempDir();
    generateCorpus(dir, { count: 200, seed: 3 });
    const before = snapshot(dir);
    const { files, nextIndex } = addPosts(dir, { firstIndex: 200, count: 10, seed: 3 });
    const after = snapshot(dir);
    expect(files).toHaveLength(10);
    expect(nextIndex).toBe(210);
    expect(after.size).toBe(before.size + 10);
    for (const [name, text] of before) expect(after.get(name)).toBe(text);
    const newest = [...before.values()].map(dateOf).filter(Boolean).sort().at(-1)!;
    for (const name of files) {
      const text = after.get(name)!;
      expect(text).toMatch(/^---\nlayout: post\ntitle: ".+"\ndate: /);
      expect(dateOf(text)! > newest).toBe(true);
    }
    const listed = listCorpus(dir);
    expect(listed.filter((f) => files.includes(f.file)).every((f) => f.valid)).toBe(true);
  });

  it("skips indices the file-name rule reads as broken", () => {
    const dir = tempDir();
    generateCorpus(dir, { count: 995, seed: 3 });
    const { files, nextIndex } = addPosts(dir, { firstIndex: 995, count: 10, seed: 3 });
    expect(nextIndex).toBe(1006);
    expect(files.some((f) => f.includes("0000000999"))).toBe(false);
    expect(listCorpus(dir).filter((f) => files.includes(f.file)).every((f) => f.valid)).toBe(true);
  });

  it("is deterministic, and a second batch comes after the first", () => {
    const a = tempDir();
    const b = tempDir();
    generateCorpus(a, { count: 50, seed: 9 });
    generateCorpus(b, { count: 50, seed: 9 });
    const first = addPosts(a, { firstIndex: 50, count: 10, seed: 9 });
    addPosts(b, { firstIndex: 50, count: 10, seed: 9 });
    expect(snapshot(a)).toEqual(snapshot(b));
    const second = addPosts(a, { firstIndex: first.nextIndex, count: 10, seed: 9 });
    const texts = snapshot(a);
    const lastOfFirst = first.files.map((f) => dateOf(texts.get(f)!)!).sort().at(-1)!;
    for (const f of second.files) expect(dateOf(texts.get(f)!)! > lastOfFirst).toBe(true);
  });
});

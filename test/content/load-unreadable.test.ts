/**
 * A folder the server may not read (EACCES) is a problem line, not a crash
 * of every refresh. The permission error is made up here, since these tests
 * may run as root, who reads everything (load.test.ts checks a real one
 * when they do not).
 */
import { describe, expect, it, vi } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { formatProblem } from "@/lib/content/problems";
import { post, tempContentDir } from "../helpers/fixtures";

vi.mock("node:fs", async (importOriginal) => {
  const fs = await importOriginal<typeof import("node:fs")>();
  const denied = (dir: unknown) => {
    if (String(dir).endsWith("locked") || String(dir).endsWith("category")) {
      throw Object.assign(new Error(`EACCES: permission denied, scandir '${String(dir)}'`), { code: "EACCES" });
    }
  };
  const readdirSync = ((dir: Parameters<typeof fs.readdirSync>[0], options?: unknown) => {
    denied(dir);
    return fs.readdirSync(dir, options as never);
  }) as typeof fs.readdirSync;
  return { ...fs, default: { ...fs, readdirSync }, readdirSync };
});

describe("a folder that cannot be read", () => {
  it("is named, with the reason, and the rest of the folder is published", () => {
    const dir = tempContentDir({
      "_posts/2024-01-01-a.md": post({ title: "甲", date: "2024-01-01", categories: "emnews" }, "正文。\n\n<https://a.example/1>"),
      "_posts/locked/2024-01-02-b.md": post({ title: "乙", date: "2024-01-02" }),
      "category/emnews.html": "---\ntitle: 东财\n---\n",
    });
    const content = loadContent(dir, new Map(), { limits: { maxPostBytes: 2 * 1024 * 1024, maxPostDepth: 100 } });
    expect(content.problems.map(formatProblem)).toEqual([
      "_posts/locked: error: could not be read (EACCES: permission denied); the posts in it are skipped",
      "category: warning: could not be read (EACCES: permission denied); category titles come from the posts' tags",
    ]);
    expect(content).toMatchObject({ published: 1, skipped: 1 });
  });
});

import { symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { reportContent } from "../../scripts/report-content";
import { post, tempContentDir } from "../helpers/fixtures";

describe("scripts/report-content (the build's summary)", () => {
  it("names the files the content engine would not read, in npm run check's words", () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": post({ title: "甲", date: "2024-01-01", categories: "emnews" }, "正文。\n\n<https://a.example/1>"), "secret.md": "x" });
    symlinkSync(path.join(dir, "secret.md"), path.join(dir, "_posts/2024-01-02-link.md"));
    writeFileSync(path.join(dir, "_posts/2024-01-03-huge.md"), "");
    truncateSync(path.join(dir, "_posts/2024-01-03-huge.md"), 3 * 1024 * 1024);
    const lines: string[] = [];
    reportContent(loadContent(dir, new Map(), { limits: { maxPostBytes: 2 * 1024 * 1024, maxPostDepth: 100 } }), dir, (line) => lines.push(line));
    const shown = path.relative(process.cwd(), dir).split(path.sep).join("/");
    expect(lines).toEqual([
      `${shown}/_posts/2024-01-02-link.md: error: is a symbolic link; skipped (links are not followed)`,
      `${shown}/_posts/2024-01-03-huge.md: error: is 3.0 MB, over the 2 MB limit (MAX_POST_BYTES); not read`,
      "1 posts published, 2 skipped, 0 warnings",
    ]);
  });
});

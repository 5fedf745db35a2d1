import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { CheckReport } from "@/lib/content/check";
import { mixedFolder, post, tempContentDir } from "../helpers/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");

function runCheck(...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/check.ts"), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CONTENT_CACHE_DIR: "off" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run check", () => {
  it("exits 1 and prints one line per problem when a post would be skipped", () => {
    const dir = mixedFolder();
    const { code, stdout } = runCheck(dir);
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(10);
    expect(lines[3]).toBe(`${path.relative(ROOT, dir)}/_posts/2024-01-02-gbk.md: error: not UTF-8 (looks like GBK); save the file as UTF-8`);
    expect(lines.at(-1)).toBe("2 posts published, 6 skipped, 3 warnings");
  });

  it("gives the same findings as JSON with --json", () => {
    const dir = mixedFolder();
    const { code, stdout } = runCheck("--json", dir);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as CheckReport;
    expect(report).toMatchObject({ ok: false, published: 2, skipped: 6, warnings: 3 });
    expect(report.problems).toHaveLength(9);
    expect(report.problems).toContainEqual({ file: `${path.relative(ROOT, dir)}/_posts/2024-01-03-unclosed.md`, line: 1, severity: "error", reason: "front matter never closed: add a '---' line after the last field" });
  });

  it("exits 0 when every post publishes, and reads CONTENT_DIR when no folder is given", () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": post({ title: "A", date: "2024-01-01", categories: "emnews" }, "正文。\n\n<https://a.example/1>") });
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/check.ts")], { cwd: ROOT, encoding: "utf8", env: { ...process.env, CONTENT_DIR: dir } });
    expect(result.status).toBe(0);
    expect(result.stdout.trim()).toBe("1 posts published, 0 skipped, 0 warnings");
  });

  it("says so when the folder has no _posts", () => {
    const dir = tempContentDir({ "README.md": "x" });
    const { code, stderr } = runCheck(dir);
    expect(code).toBe(2);
    expect(stderr).toContain(`${dir}: no _posts folder here`);
  });

  it("prints one line per problem even for a file name holding a newline, and keeps the name raw in JSON", () => {
    const forged = "2024-01-01-a.md\nfake/_posts/x.md: error: forged.md";
    const dir = tempContentDir({ [`_posts/${forged}`]: "not a post" });
    const { code, stdout } = runCheck(dir);
    expect(code).toBe(1);
    const lines = stdout.trim().split("\n");
    expect(lines).toEqual([
      `${path.relative(ROOT, dir)}/_posts/2024-01-01-a.md\\nfake/_posts/x.md: error: forged.md:1: error: no front matter: the file must start with a '---' line`,
      "0 posts published, 1 skipped, 0 warnings",
    ]);
    const report = JSON.parse(runCheck("--json", dir).stdout) as CheckReport;
    expect(report.problems[0].file).toBe(`${path.relative(ROOT, dir)}/_posts/${forged}`);
  });
});

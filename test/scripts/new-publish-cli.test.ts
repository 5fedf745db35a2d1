import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { tempContentDir } from "../helpers/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");

function run(script: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", script), ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("npm run new / npm run publish", () => {
  it("creates a draft with a hostile title, then publishes it dated now in Beijing time", () => {
    const dir = tempContentDir({ "_posts/.keep": "" });
    const title = `"引号" 与 '单引号': #注释 & <b>粗体</b> ET7`;
    const created = run("new-post.ts", ["--title", title, "--category", "emnews", "--tag", "东财滚动新闻"], { CONTENT_DIR: dir, PORT: "3456" });
    expect(created.code).toBe(0);
    const [draftName] = readdirSync(path.join(dir, "_drafts"));
    expect(draftName).toMatch(/^b-b-et7-\d{14}\.md$/);
    expect(created.stdout).toContain(`_drafts/${draftName}`);
    expect(created.stdout).toContain(`http://localhost:3456/articles/${draftName.replace(/\.md$/, "")}`);
    const preview = loadContent(dir, new Map(), { includeHidden: true }).index.hidden;
    expect(preview.map((a) => [a.title, a.hidden, a.category.slug, a.tags])).toEqual([[title, "draft", "emnews", ["东财滚动新闻"]]]);

    const before = Date.now();
    const published = run("publish-post.ts", [path.join(dir, "_drafts", draftName)]);
    expect(published.stderr).toBe("");
    expect(published.code).toBe(0);
    expect(existsSync(path.join(dir, "_drafts", draftName))).toBe(false);
    const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(before);
    const postName = `${day}-${draftName}`;
    expect(readdirSync(path.join(dir, "_posts")).filter((f) => f.endsWith(".md"))).toEqual([postName]);
    expect(readFileSync(path.join(dir, "_posts", postName), "utf8")).toMatch(new RegExp(`\\ndate: ${day} \\d\\d:\\d\\d:\\d\\d \\+0800\\n`));
    const live = loadContent(dir).index;
    expect(live.articles.map((a) => a.title)).toEqual([title]);
    expect(Math.abs(live.articles[0].publishedAt - before)).toBeLessThan(5000);
  });

  it("refuses a missing title, and a draft that would not publish", () => {
    const dir = tempContentDir({ "_drafts/broken.md": "---\ntitle: [unclosed\n---\n正文" });
    expect(run("new-post.ts", ["--category", "emnews"], { CONTENT_DIR: dir })).toMatchObject({ code: 2, stderr: expect.stringContaining("--title is missing") });
    const refused = run("publish-post.ts", [path.join(dir, "_drafts/broken.md")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/broken\.md:\d+: error: YAML: /);
    expect(existsSync(path.join(dir, "_drafts/broken.md"))).toBe(true);
    expect(run("publish-post.ts", [path.join(dir, "elsewhere.md")]).stderr).toContain("not in a _drafts/ folder");
  });
});

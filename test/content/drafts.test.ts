import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { buildIndex } from "@/lib/content/content-index";
import { loadContent } from "@/lib/content/load-content";
import { parsePost } from "@/lib/content/parse";
import { getContent, refreshContent } from "@/lib/content/content-store";
import { FIXED_MTIME, post, tempContentDir, textSource } from "../helpers/fixtures";

const NOW = Date.UTC(2024, 5, 1, 0, 0, 0); // 2024-06-01 08:00 in Shanghai

/** One post of each kind, each with words found nowhere else. */
function folderWithEveryKind() {
  return tempContentDir({
    "_posts/2024-05-01-public.md": post({ title: "公开文章", date: "2024-05-01 09:00:00 +0800", categories: "emnews", tags: "东财滚动新闻" }, "公开正文。"),
    "_posts/2024-05-02-unpublished.md": post({ title: "未发布文章", date: "2024-05-02 09:00:00 +0800", categories: "emnews", tags: "东财滚动新闻" }, "独有词甲乙丙。\n").replace("layout: post", "layout: post\npublished: false"),
    "_posts/2099-07-01-scheduled.md": post({ title: "定时文章", date: "2099-07-01 08:00:00 +0800", categories: "cls", tags: "财联社新闻" }, "独有词丁戊己。"),
    "_drafts/new-idea.md": post({ title: "草稿文章", categories: "emnews" }, "独有词庚辛壬。"),
  });
}

describe("drafts, unpublished and scheduled posts", () => {
  it("are not in a production index at all, but counted and the next scheduled time known", () => {
    const content = loadContent(folderWithEveryKind(), new Map(), { now: NOW });
    const { index } = content;
    expect(index.articles.map((a) => a.title)).toEqual(["公开文章"]);
    expect([...index.byId.keys()]).toEqual(["2024-05-01-public"]);
    expect(index.hidden).toEqual([]);
    expect([...index.byCategory.keys()]).toEqual(["emnews"]);
    expect(index.byCategory.get("emnews")!.articles).toHaveLength(1);
    expect(content.notPublic).toBe(2); // _drafts/ is not even read
    expect(index.nextScheduled).toEqual({ at: Date.UTC(2099, 6, 1, 0, 0, 0), files: ["_posts/2099-07-01-scheduled.md"] });
    expect(content.skipped).toBe(0);
  });

  it("are in a dev index as pages with their kind, kept out of the public lists", () => {
    const { index } = loadContent(folderWithEveryKind(), new Map(), { now: NOW, includeHidden: true });
    expect(index.articles.map((a) => a.title)).toEqual(["公开文章"]);
    expect(index.hidden.map((a) => [a.title, a.hidden])).toEqual([
      ["定时文章", "scheduled"],
      ["未发布文章", "unpublished"],
      ["草稿文章", "draft"],
    ]);
    expect(index.byId.get("new-idea")?.hidden).toBe("draft");
    expect(index.byCategory.get("emnews")!.articles.map((a) => a.title)).toEqual(["公开文章"]);
    expect(index.byCategory.has("cls")).toBe(false);
    expect(index.byTag.get("财联社新闻")).toBeUndefined();
  });

  it("a scheduled post is public once its time has come", () => {
    const content = loadContent(folderWithEveryKind(), new Map(), { now: NOW });
    const later = buildIndex(
      [...content.cache.values()].flatMap((e) => (e.result.ok ? [e.result.post] : [])),
      new Map(),
      { now: Date.UTC(2099, 6, 1, 0, 0, 0) },
    );
    expect(later.articles.map((a) => a.title)).toEqual(["定时文章", "公开文章"]);
    expect(later.nextScheduled).toBeUndefined();
  });

  it("a draft's date is its front matter's, else its file's modification time, without a warning", () => {
    const undated = parsePost(textSource("_drafts/x.md", post({ title: "草稿" }), FIXED_MTIME));
    expect(undated.ok && undated.post).toMatchObject({ publishedAt: FIXED_MTIME, draft: true });
    expect(undated.problems.filter((p) => p.reason.includes("date"))).toEqual([]);
    const dated = parsePost(textSource("_drafts/20240101x.md", post({ title: "草稿", date: "2024-03-01 10:00:00 +0800" })));
    expect(dated.ok && dated.post.publishedAt).toBe(Date.UTC(2024, 2, 1, 2, 0, 0));
  });

  it.each([["false"], ["False"], ['"false"'], ["'FALSE'"]])("published: %s means unpublished; true or absent does not", (value) => {
    const text = (v: string) => `---\ntitle: T\ndate: 2024-01-01\npublished: ${v}\n---\n正文。`;
    const unpublished = parsePost(textSource("_posts/2024-01-01-a.md", text(value)));
    expect(unpublished.ok && unpublished.post.unpublished).toBe(true);
    const published = parsePost(textSource("_posts/2024-01-01-a.md", text("true")));
    expect(published.ok && published.post.unpublished).toBeUndefined();
  });

  it("never leaves their text in the parse cache on disk", () => {
    const cacheDir = mkdtempSync(path.join(os.tmpdir(), "finews-cache-"));
    onTestFinished(() => rmSync(cacheDir, { recursive: true, force: true }));
    vi.stubEnv("CONTENT_CACHE_DIR", cacheDir);
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const dir = folderWithEveryKind();
    expect(getContent(dir).published).toBe(1);
    const files = readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(0);
    const written = files.map((f) => readFileSync(path.join(f.parentPath, f.name), "utf8")).join("\n");
    expect(written).toContain("公开文章");
    for (const words of ["独有词甲乙丙", "独有词丁戊己", "未发布文章", "定时文章"]) expect(written).not.toContain(words);
  });

  it("npm run dev sees them, and sees an edit on the next load", async () => {
    vi.stubEnv("NODE_ENV", "development");
    vi.stubEnv("CONTENT_CACHE_DIR", "off");
    onTestFinished(() => {
      vi.unstubAllEnvs();
    });
    const dir = folderWithEveryKind();
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    onTestFinished(() => warn.mockRestore());
    expect(refreshContent(dir).index.hidden.map((a) => a.hidden)).toEqual(["scheduled", "unpublished", "draft"]);
    const { writeFileSync, utimesSync } = await import("node:fs");
    const file = path.join(dir, "_drafts/new-idea.md");
    writeFileSync(file, "---\ntitle: [broken\n---\n");
    utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await new Promise((r) => setTimeout(r, 350));
    const after = getContent(dir);
    expect(after.index.byId.has("new-idea")).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^content: _drafts\/new-idea\.md:\d+: error: YAML: /));
  });
});

import { cpSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedContent } from "@/lib/content/load-content";
import { urlKey } from "@/lib/content/categories";
import { loadContent } from "@/lib/content/load-content";
import { formatProblem, formatSummary } from "@/lib/content/problems";
import { toIsoShanghai } from "@/lib/time";
import { FIXED_MTIME, REPO_CONTENT_DIR, fixtureBytes, post, tempContentDir } from "../helpers/fixtures";

describe("lib/content/load-content", () => {
  describe("the 55 real samples", () => {
    // A copy of the repo's `content/_posts`, so that nothing else in `content/` can change the counts.
    let samplesDir: string;
    let samples: LoadedContent;
    beforeAll(() => {
      samplesDir = mkdtempSync(path.join(os.tmpdir(), "finews-samples-"));
      cpSync(path.join(REPO_CONTENT_DIR, "_posts"), path.join(samplesDir, "_posts"), { recursive: true });
      samples = loadContent(samplesDir);
    });
    afterAll(() => rmSync(samplesDir, { recursive: true, force: true }));

    it("publishes all 55 and skips none", () => {
      const content = samples;
      expect(content.published).toBe(55);
      expect(content.skipped).toBe(0);
      expect(content.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(content.index.articles).toHaveLength(55);
      expect(new Set(content.index.articles.map((a) => a.id)).size).toBe(55);
    });

    it("reports only the expected repairs", () => {
      const lines = samples.problems.map(formatProblem);
      expect(lines).toEqual([
        "_posts/-202205262391921712.md:4: warning: date '+0800' has no date; the date in the file name (2022-05-26) stands in for it",
        "_posts/-202205262391921712.md:3: warning: title is empty; the summary stands in for it",
        "_posts/-202205262391921712.md: warning: has no source URL (the '<http://…>' line)",
        "_posts/2021-12-01-init.md: warning: has no source URL (the '<http://…>' line)",
        "_posts/2021-12-08-202112082206870651.md: warning: has no source URL (the '<http://…>' line)",
      ]);
    });

    it("puts the newest post first and the site notice last", () => {
      const { articles } = samples.index;
      expect(articles[0].id).toBe("-202205262391921712");
      expect(articles[1].id).toBe("2022-04-18-202204182346860319");
      expect(articles.at(-1)?.id).toBe("2021-12-01-init");
      for (let i = 1; i < articles.length; i++) {
        expect(articles[i - 1].publishedAt).toBeGreaterThanOrEqual(articles[i].publishedAt);
      }
    });

    it("groups the samples into their three sources, named from their tags", () => {
      const { categories } = samples.index;
      expect(categories.map((c) => [c.category.key, c.category.name, c.articles.length])).toEqual([
        ["emnews", "东财滚动新闻", 53],
        ["sitenews", "站长消息", 1],
        ["zhongguofazhanwang", "中国发展网新闻", 1],
      ]);
    });

    it("gives the same instants whatever the machine zone (TZ is America/Los_Angeles here)", () => {
      const { byId } = samples.index;
      expect(toIsoShanghai(byId.get("2021-12-08-202112082206735975")!.publishedAt)).toBe("2021-12-08T10:39:01+08:00");
      expect(toIsoShanghai(byId.get("2022-04-18-202204182346860319")!.publishedAt)).toBe("2022-04-18T16:12:05+08:00");
      expect(toIsoShanghai(byId.get("-202205262391921712")!.publishedAt)).toBe("2022-05-26T00:00:00+08:00");
      expect(byId.get("2021-12-08-202112082206735975")!.publishedAt).toBe(Date.UTC(2021, 11, 8, 2, 39, 1));
    });
  });

  describe("a mixed folder", () => {
    it("counts published and skipped posts and keeps problems in file order", () => {
      const dir = tempContentDir({
        "_posts/2021-12-08-a.md": post({ title: "A", date: "2021-12-08 10:00:00", categories: "emnews", tags: "东财滚动新闻" }, "甲。\n\n<http://a.example/1>"),
        "_posts/2021-12-08-b-gbk.md": fixtureBytes("posts/gbk-encoded.md"),
        "_posts/2021-12-08-c.md": post({ title: "C", categories: "emnews" }, "丙。\n\n<http://a.example/3>"),
        "_posts/2021-12-08-d-broken.md": fixtureBytes("posts/broken-yaml-unclosed-quote.md"),
        "_posts/zz-neither.md": fixtureBytes("posts/neither-title-nor-date.md"),
      });
      const content = loadContent(dir);
      expect(content.published).toBe(2);
      expect(content.skipped).toBe(3);
      expect(content.problems.map(formatProblem)).toEqual([
        "_posts/2021-12-08-b-gbk.md: error: not UTF-8 (looks like GBK); save the file as UTF-8",
        "_posts/2021-12-08-c.md: warning: has no date; the date in the file name (2021-12-08) stands in for it",
        "_posts/2021-12-08-d-broken.md:3: error: YAML: unclosed quote on line 3",
        "_posts/zz-neither.md: error: has neither a title nor a date",
      ]);
      expect(formatSummary(content)).toBe("2 posts published, 3 skipped, 1 warnings");
    });

    it("uses the file's modification time for a post with a title and no date anywhere", () => {
      const dir = tempContentDir({ "_posts/undated.md": post({ title: "无日期", categories: "emnews" }, "正文。\n\n<http://a.example/1>") });
      const content = loadContent(dir);
      expect(content.published).toBe(1);
      expect(content.index.articles[0].publishedAt).toBe(FIXED_MTIME);
      expect(content.problems.map((p) => p.reason)).toEqual([
        "has no date in its front matter or file name; the file's modification time stands in for it",
      ]);
    });

    it("reads posts at any depth, and only post files", () => {
      const dir = tempContentDir({
        "_posts/2021/12/2021-12-08-deep.md": post({ title: "深", date: "2021-12-08" }),
        "_posts/2021-12-08-page.html": post({ title: "页", date: "2021-12-08" }),
        "_posts/2021-12-08-x.markdown": post({ title: "标记", date: "2021-12-08" }),
        "_posts/notes.txt": "not a post",
        "_posts/image.png": new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
        "_posts/.2021-12-08-hidden.md": post({ title: "隐藏", date: "2021-12-08" }),
        "_posts/.git/2021-12-08-x.md": post({ title: "git", date: "2021-12-08" }),
        "_drafts/2021-12-08-draft.md": post({ title: "草稿", date: "2021-12-08" }),
        "2021-12-08-outside.md": post({ title: "外面", date: "2021-12-08" }),
      });
      const content = loadContent(dir);
      expect(content.index.articles.map((a) => a.file).sort()).toEqual([
        "_posts/2021-12-08-page.html",
        "_posts/2021-12-08-x.markdown",
        "_posts/2021/12/2021-12-08-deep.md",
      ]);
      expect(content.skipped).toBe(0);
    });

    it("gives duplicate file names in different subfolders distinct ids, with a warning", () => {
      const dir = tempContentDir({
        "_posts/a/2021-12-08-same.md": post({ title: "甲", date: "2021-12-08 10:00:00" }),
        "_posts/b/2021-12-08-same.md": post({ title: "乙", date: "2021-12-08 10:00:00" }),
        "_posts/2021-12-09-same.md": post({ title: "丙", date: "2021-12-09 10:00:00" }),
      });
      const content = loadContent(dir);
      expect(content.published).toBe(3);
      const ids = content.index.articles.map((a) => a.id);
      expect(new Set(ids).size).toBe(3);
      expect(content.index.byId.get("2021-12-08-same")?.title).toBe("甲");
      expect(content.index.byId.get("2021-12-09-same")?.title).toBe("丙");
      const duplicate = content.problems.find((p) => p.reason.startsWith("has the same file name as"));
      expect(duplicate).toMatchObject({ file: "_posts/b/2021-12-08-same.md", severity: "warning" });
      expect(duplicate?.reason).toContain("_posts/a/2021-12-08-same.md");
    });

    it("gives X.md and X.html.md distinct ids, warning on the renamed one", () => {
      const dir = tempContentDir({
        "_posts/2021-12-08-x.md": post({ title: "甲", date: "2021-12-08 10:00:00" }),
        "_posts/2021-12-08-x.html.md": post({ title: "乙", date: "2021-12-08 10:00:00" }),
        "_posts/2021-12-08-y.txt.md": post({ title: "丙", date: "2021-12-08 10:00:00" }),
      });
      const content = loadContent(dir);
      expect(content.published).toBe(3);
      const { byId } = content.index;
      expect(byId.get("2021-12-08-x")?.title).toBe("甲");
      expect(byId.get("2021-12-08-x-html")?.title).toBe("乙");
      expect(byId.get("2021-12-08-y-txt")?.title).toBe("丙");
      const idWarnings = content.problems.filter((p) => p.reason.includes("a URL would take"));
      expect(idWarnings).toEqual([
        {
          file: "_posts/2021-12-08-x.html.md",
          severity: "warning",
          reason: "its name ends in '.html', which a URL would take for a file of that type; published at '2021-12-08-x-html' instead",
        },
        {
          file: "_posts/2021-12-08-y.txt.md",
          severity: "warning",
          reason: "its name ends in '.txt', which a URL would take for a file of that type; published at '2021-12-08-y-txt' instead",
        },
      ]);
    });

    it("gives a renamed id a stable hash when another post already has it, naming that post", () => {
      const dir = tempContentDir({
        "_posts/2021-12-08-x-html.md": post({ title: "甲", date: "2021-12-08 10:00:00" }),
        "_posts/2021-12-08-x.html.md": post({ title: "乙", date: "2021-12-08 10:00:00" }),
      });
      const first = loadContent(dir);
      const renamed = first.index.articles.find((a) => a.title === "乙")!;
      expect(renamed.id).toMatch(/^2021-12-08-x-html-[0-9a-f]{8}$/);
      expect(first.index.byId.get("2021-12-08-x-html")?.title).toBe("甲");
      expect(first.problems.find((p) => p.file === "_posts/2021-12-08-x.html.md" && p.reason.includes("a URL would take"))?.reason).toBe(
        `its name ends in '.html', which a URL would take for a file of that type, and '2021-12-08-x-html' is _posts/2021-12-08-x-html.md's; published at '${renamed.id}' instead`,
      );
      expect(loadContent(dir).index.articles.find((a) => a.title === "乙")!.id).toBe(renamed.id);
    });

    it("never lets one post replace another, even when a hashed id is some file's own name", () => {
      const dir = tempContentDir({
        "_posts/a/2021-12-08-same.md": post({ title: "甲", date: "2021-12-08 10:00:00" }),
        "_posts/b/2021-12-08-same.md": post({ title: "乙", date: "2021-12-08 10:00:00" }),
      });
      const hashed = loadContent(dir).index.articles.find((a) => a.title === "乙")!.id;
      const withTwin = tempContentDir({
        "_posts/a/2021-12-08-same.md": post({ title: "甲", date: "2021-12-08 10:00:00" }),
        "_posts/b/2021-12-08-same.md": post({ title: "乙", date: "2021-12-08 10:00:00" }),
        // Listed first: it takes the hashed id before the second same-named post asks for it.
        [`_posts/0/${hashed}.md`]: post({ title: "丙", date: "2021-12-08 10:00:00" }),
      });
      const { index } = loadContent(withTwin);
      expect(index.articles).toHaveLength(3);
      expect(new Set(index.articles.map((a) => a.id)).size).toBe(3);
      expect([...index.byId.values()].map((a) => a.title).sort()).toEqual(["丙", "乙", "甲"]);
    });

    it("names a category from its posts' tags, and from category/<slug>.html only when none has tags", () => {
      const dir = tempContentDir({
        "_posts/2021-12-08-a.md": post({ title: "A", date: "2021-12-08", categories: "emnews", tags: "东财滚动新闻" }),
        "_posts/2021-12-08-b.md": post({ title: "B", date: "2021-12-08", categories: "21shijijingjibaodao 21caijingAPP" }),
        "_posts/2021-12-08-c.md": post({ title: "C", date: "2021-12-08", categories: "untitled" }),
        "category/emnews.html": "---\nlayout: category\ntitle: 错误的标题\n---\n",
        "category/21shijijingjibaodao 21caijingAPP.html": "---\nlayout: category\ntitle: 21世纪经济报道\n---\n",
        "category/broken.html": "no front matter",
      });
      const { byCategory } = loadContent(dir).index;
      expect(byCategory.get("emnews")?.category.name).toBe("东财滚动新闻");
      expect(byCategory.get(urlKey("21shijijingjibaodao 21caijingAPP"))?.category).toEqual({
        slug: "21shijijingjibaodao 21caijingAPP",
        key: urlKey("21shijijingjibaodao 21caijingAPP"),
        name: "21世纪经济报道",
      });
      expect(byCategory.get("untitled")?.category.name).toBe("untitled");
    });

    it("keys categories by their URL-safe key", () => {
      const dir = tempContentDir({
        "_posts/2021-12-08-a.md": post({ title: "A", date: "2021-12-08", categories: "Wind", tags: "万得新闻" }),
        "_posts/2021-12-08-b.md": post({ title: "B", date: "2021-12-08", categories: "wind", tags: "风新闻" }),
        "_posts/2021-12-08-c.md": post({ title: "C", date: "2021-12-08", categories: "../../x" }),
      });
      const { byCategory } = loadContent(dir).index;
      expect(byCategory.size).toBe(3);
      for (const key of byCategory.keys()) expect(key).toMatch(/^[a-z0-9_-]+$/);
      expect(byCategory.get("wind")?.category.name).toBe("风新闻");
      expect(byCategory.get(urlKey("Wind"))?.category.name).toBe("万得新闻");
    });

    it("loads an empty index from a folder without _posts", () => {
      const content = loadContent(tempContentDir({}));
      expect(content).toMatchObject({ published: 0, skipped: 0, problems: [] });
    });
  });

  describe("formatProblem and formatSummary", () => {
    it("formats `file:line: severity: reason`, leaving out a missing line", () => {
      expect(formatProblem({ file: "_posts/x.md", line: 3, severity: "error", reason: "YAML: unclosed quote on line 3" })).toBe(
        "_posts/x.md:3: error: YAML: unclosed quote on line 3",
      );
      expect(formatProblem({ file: "_posts/x.md", severity: "warning", reason: "has no category" })).toBe(
        "_posts/x.md: warning: has no category",
      );
    });

    it("keeps one problem on one line, whatever control characters a file name or reason holds", () => {
      const forged = { file: "_posts/a.md\n_posts/b.md: error: forged\r\t\u0000\u001b[31m\u007f\u0085\u2028\u202e.md", severity: "error" as const, reason: "YAML: bad\nline" };
      const line = formatProblem(forged);
      expect(line).toBe("_posts/a.md\\n_posts/b.md: error: forged\\r\\t\\x00\\x1b[31m\\x7f\\x85\\u{2028}\\u{202e}.md: error: YAML: bad\\nline");
      expect(line.split(/[\n\r\u2028\u2029\u0085]/)).toHaveLength(1);
      expect(formatProblem({ file: "_posts/央行 新闻.md", line: 3, severity: "warning", reason: "title is empty" })).toBe("_posts/央行 新闻.md:3: warning: title is empty");
    });

    it("summarises counts", () => {
      expect(
        formatSummary({
          published: 5,
          skipped: 1,
          problems: [
            { file: "a", severity: "warning", reason: "w" },
            { file: "b", severity: "error", reason: "e" },
            { file: "c", severity: "warning", reason: "w" },
          ],
        }),
      ).toBe("5 posts published, 1 skipped, 2 warnings");
    });
  });
});

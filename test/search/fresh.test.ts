import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { buildSearchIndex } from "@/lib/search/build";
import { freshArticles, readIndexedIds } from "@/lib/search/fresh";
import { searchRecords } from "@/lib/search/records";
import { writeSearchIndex } from "@/lib/search/write";
import { post, tempContentDir } from "../helpers/fixtures";

/** A content folder and the index `npm run build` would have written for it. */
function builtSite() {
  const contentDir = tempContentDir({
    "_posts/2024-01-01-a.md": post({ title: "央行开展逆回购操作", date: "2024-01-01 08:00:00 +0800", categories: "emnews" }, "央行今日开展逆回购操作。"),
    "_posts/2024-01-02-b.md": post({ title: "两市融资余额增加", date: "2024-01-02 08:00:00 +0800", categories: "emnews" }, "融资余额较上一交易日增加。"),
  });
  const indexDir = mkdtempSync(path.join(os.tmpdir(), "finews-search-index-"));
  onTestFinished(() => rmSync(indexDir, { recursive: true, force: true }));
  const content = loadContent(contentDir);
  writeSearchIndex(indexDir, buildSearchIndex(searchRecords(contentDir, content.index).records));
  // The index was written after the posts (their mtime is 2020).
  return { contentDir, indexDir };
}

describe("freshArticles", () => {
  it("is empty while the content is what the index was built from", () => {
    const { contentDir, indexDir } = builtSite();
    expect(readIndexedIds(indexDir)?.ids).toEqual(new Set(["2024-01-01-a", "2024-01-02-b"]));
    expect(freshArticles(contentDir, loadContent(contentDir), indexDir)).toEqual({ records: [], removedIds: [] });
  });

  it("lists a new post with its body, an edited post anew, and a deleted post's id", () => {
    const { contentDir, indexDir } = builtSite();
    writeFileSync(path.join(contentDir, "_posts/2024-01-03-c.md"), post({ title: "新能源汽车销量", date: "2024-01-03 08:00:00 +0800", categories: "emnews" }, "新能源汽车销量同比增长。"));
    const edited = path.join(contentDir, "_posts/2024-01-02-b.md");
    writeFileSync(edited, post({ title: "两市融资余额减少", date: "2024-01-02 08:00:00 +0800", categories: "emnews" }, "融资余额较上一交易日减少。"));
    const later = (Date.now() + 5_000) / 1000; // an edit after the build (file times can be coarser than this test is fast)
    utimesSync(edited, later, later);
    rmSync(path.join(contentDir, "_posts/2024-01-01-a.md"));

    const fresh = freshArticles(contentDir, loadContent(contentDir), indexDir);
    expect(fresh.removedIds).toEqual(["2024-01-01-a"]);
    expect(fresh.records.map((r) => [r.id, r.title, r.body])).toEqual([
      ["2024-01-03-c", "新能源汽车销量", "新能源汽车销量同比增长。"],
      ["2024-01-02-b", "两市融资余额减少", "融资余额较上一交易日减少。"],
    ]);
  });

  it("never lists a draft or a post scheduled for later", () => {
    const { contentDir, indexDir } = builtSite();
    mkdirSync(path.join(contentDir, "_drafts"));
    writeFileSync(path.join(contentDir, "_drafts/secret.md"), post({ title: "草稿", categories: "emnews" }, "草稿独有词。"));
    writeFileSync(path.join(contentDir, "_posts/2999-01-01-later.md"), post({ title: "定时", date: "2999-01-01 08:00:00 +0800", categories: "emnews" }, "定时独有词。"));
    // A dev index holds them (marked hidden); fresh articles still leave them out.
    const fresh = freshArticles(contentDir, loadContent(contentDir, new Map(), { includeHidden: true }), indexDir);
    expect(fresh).toEqual({ records: [], removedIds: [] });
  });

  it("has nothing to add to when there is no index", () => {
    const { contentDir } = builtSite();
    expect(freshArticles(contentDir, loadContent(contentDir), path.join(contentDir, "no-index"))).toEqual({ records: [], removedIds: [] });
  });
});

import { unlinkSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { postBodyText, searchRecordFor, searchRecords } from "@/lib/search/records";
import { HAS_MKFIFO, fixtureBytes, mkfifo, post, tempContentDir } from "../helpers/fixtures";

/** "Now" for these tests: the scheduled post below is a day after it. */
const NOW = Date.UTC(2024, 0, 10, 0, 0, 0);

/** One post of each kind search must handle: rich HTML with a lede and the trailer, plain, and every not-public kind. */
function folder(): string {
  return tempContentDir({
    "_posts/2024-01-01-rich.md": post(
      { title: '"央行开展逆回购操作"', date: "2024-01-01 08:00:00 +0800", categories: "emnews", tags: "东财滚动新闻" },
      [
        "> 央行今日开展<b>逆回购</b>操作。",
        "",
        '<p style="display:none">隐藏的文字</p><p>融资余额较上一交易日<strong>增加</strong>，HFO-1234yf 与 ET7 受关注。</p><script>var x = "脚本";</script>',
        "<p>新能源汽车销量同比增长。</p>",
        "",
        "<http://finance.eastmoney.com/news/1355,1.html>",
        "",
        "[返回东财滚动新闻](../emnews/)",
        "[返回首页](../)",
      ].join("\n"),
    ),
    "_posts/2024-01-02-plain.md": post({ title: "沪深两市成交额", date: "2024-01-02 09:00:00 +0800", categories: "sitenews", tags: "站长消息" }, "沪深两市成交额突破一万亿元。"),
    "_drafts/draft-post.md": post({ title: "草稿文章", date: "2024-01-03 09:00:00 +0800", categories: "emnews" }, "草稿正文。"),
    "_posts/2024-01-04-unpublished.md": `${post({ title: "未发布文章", date: "2024-01-04 09:00:00 +0800", categories: "emnews" }, "未发布正文。")}`.replace("layout: post", "layout: post\npublished: false"),
    "_posts/2024-01-11-scheduled.md": post({ title: "定时文章", date: "2024-01-11 09:00:00 +0800", categories: "emnews" }, "定时正文。"),
  });
}

describe("lib/search/records", () => {
  it("makes one record per public article: no draft, unpublished or scheduled post", () => {
    const dir = folder();
    // includeHidden as `npm run dev` does: the hidden posts are then in the index, and still must not reach search.
    for (const includeHidden of [false, true]) {
      const { index } = loadContent(dir, new Map(), { now: NOW, includeHidden });
      const { records, unreadable } = searchRecords(dir, index);
      expect(unreadable).toEqual([]);
      expect(records.map((r) => r.title).sort()).toEqual(["央行开展逆回购操作", "沪深两市成交额"].sort());
      const all = JSON.stringify(records);
      for (const hidden of ["草稿", "未发布", "定时"]) expect(all).not.toContain(hidden);
    }
  });

  it("holds the title, the lede as summary and the body as plain text, without the trailer", () => {
    const dir = folder();
    const { index } = loadContent(dir, new Map(), { now: NOW });
    const rich = searchRecords(dir, index).records.find((r) => r.id === "2024-01-01-rich")!;
    expect(rich).toMatchObject({
      url: "/articles/2024-01-01-rich/",
      title: "央行开展逆回购操作",
      sourceKey: "emnews",
      sourceName: "东财滚动新闻",
      publishedAt: Date.UTC(2024, 0, 1, 0, 0, 0),
      summary: "央行今日开展逆回购操作。",
    });
    expect(rich.body).toBe("融资余额较上一交易日增加，HFO-1234yf 与 ET7 受关注。 新能源汽车销量同比增长。");
    // No markup, no hidden element, no script, no trailer link, and the lede is not repeated in the body.
    expect(rich.body).not.toMatch(/[<>]|隐藏|脚本|eastmoney|返回|央行今日/);
  });

  it("reads a multi-line lede fixture as summary and leaves the body plain", () => {
    expect(postBodyText(fixtureBytes("posts/multi-line-lede.md"))).toBe("正文第一段。");
  });

  it("gives no body for a file that no longer decodes", () => {
    expect(postBodyText(fixtureBytes("posts/gbk-encoded.md"))).toBeUndefined();
  });

  it("builds the record from the article and the body text it is given", () => {
    const dir = folder();
    const { index } = loadContent(dir, new Map(), { now: NOW });
    const article = index.articles.find((a) => a.id === "2024-01-02-plain")!;
    expect(searchRecordFor(article, "正文")).toEqual({
      id: "2024-01-02-plain",
      url: "/articles/2024-01-02-plain/",
      title: "沪深两市成交额",
      sourceKey: "sitenews",
      sourceName: "站长消息",
      publishedAt: Date.UTC(2024, 0, 2, 1, 0, 0),
      summary: "沪深两市成交额突破一万亿元。",
      body: "正文",
    });
  });

  it.skipIf(!HAS_MKFIFO)("lists a post whose file became a FIFO since the index was built as unreadable, without waiting on it", () => {
    const dir = folder();
    const { index } = loadContent(dir, new Map(), { now: NOW });
    unlinkSync(path.join(dir, "_posts/2024-01-02-plain.md"));
    mkfifo(path.join(dir, "_posts/2024-01-02-plain.md"));
    const { records, unreadable } = searchRecords(dir, index);
    expect(unreadable).toEqual(["_posts/2024-01-02-plain.md"]);
    expect(records.map((r) => r.title)).toEqual(["央行开展逆回购操作"]);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { draftFileName, draftText, publishedFileName, withPublishDate } from "@/lib/content/drafts";
import { splitFrontMatter } from "@/lib/content/front-matter";
import { parsePost } from "@/lib/content/parse";
import { textSource } from "../helpers/fixtures";

const NOW = Date.UTC(2026, 10, 28, 8, 30, 5); // 2026-11-28 16:30:05 in Beijing

describe("lib/content/drafts", () => {
  it("writes any title, category and tags so that YAML reads back exactly the same strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "binary" }), fc.array(fc.string({ unit: "binary" }), { maxLength: 3 }), (title, category, tags) => {
        const split = splitFrontMatter(draftText({ title, category, tags }));
        expect(split.ok && split.data).toEqual({ layout: "post", title, categories: category, ...(tags.length === 1 ? { tags: tags[0] } : tags.length > 1 ? { tags } : {}) });
      }),
      { numRuns: 3000 },
    );
  });

  it("writes a draft the content engine reads as a draft with that title, category and tags", () => {
    const title = '央行: "降准" #1 --- <script>';
    const result = parsePost(textSource(`_drafts/${draftFileName(title, NOW)}`, draftText({ title, category: "emnews", tags: ["东财滚动新闻", "央行"] }), NOW));
    expect(result.ok && result.post).toMatchObject({ title, categorySlug: "emnews", tags: ["东财滚动新闻", "央行"], draft: true, publishedAt: NOW });
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("names drafts by the title's ASCII words and the Beijing time", () => {
    expect(draftFileName("蔚来 ET7 交付", NOW)).toBe("et7-20261128163005.md");
    expect(draftFileName("央行降准", NOW)).toBe("draft-20261128163005.md");
    expect(draftFileName("../../etc/passwd", NOW)).toBe("etc-passwd-20261128163005.md");
  });

  it("names the published post by the Beijing date", () => {
    expect(publishedFileName("/c/_drafts/et7-20261128163005.md", Date.UTC(2026, 10, 28, 17, 0))).toBe("2026-11-29-et7-20261128163005.md");
    expect(publishedFileName("/c/_drafts/2020-01-01-old.markdown", NOW)).toBe("2026-11-28-old.markdown");
  });

  it("sets the front-matter date to the publishing time, replacing one or adding it after the title", () => {
    expect(withPublishDate("---\ntitle: T\ncategories: x\n---\n正文", NOW)).toBe("---\ntitle: T\ndate: 2026-11-28 16:30:05 +0800\ncategories: x\n---\n正文");
    expect(withPublishDate("---\ndate: 2020-01-01\ntitle: T\n---\n正文", NOW)).toBe("---\ndate: 2026-11-28 16:30:05 +0800\ntitle: T\n---\n正文");
    expect(withPublishDate("no front matter", NOW)).toBeUndefined();
    expect(withPublishDate("---\ntitle: never closed\n", NOW)).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import { urlKey } from "@/lib/content/categories";
import { buildIndex, compareNewestFirst, paginate } from "@/lib/content/content-index";
import type { ParsedPost } from "@/lib/content/types";

const T0 = Date.UTC(2021, 11, 8, 2, 0, 0);

function parsedPost(id: string, fields: Partial<ParsedPost> = {}): ParsedPost {
  return {
    id,
    title: `title ${id}`,
    publishedAt: T0,
    categorySlug: "emnews",
    tags: ["东财滚动新闻"],
    summary: "",
    source: { name: "东财滚动" },
    file: `_posts/${id}.md`,
    ...fields,
  };
}

describe("lib/content/content-index", () => {
  it("lists articles newest first, equal instants by id, whatever the input order", () => {
    const posts = [
      parsedPost("b", { publishedAt: T0 }),
      parsedPost("old", { publishedAt: T0 - 60_000 }),
      parsedPost("new", { publishedAt: T0 + 60_000 }),
      parsedPost("a", { publishedAt: T0 }),
    ];
    const expected = ["new", "a", "b", "old"];
    expect(buildIndex(posts).articles.map((a) => a.id)).toEqual(expected);
    expect(buildIndex([...posts].reverse()).articles.map((a) => a.id)).toEqual(expected);
  });

  it("compareNewestFirst orders by instant, then id", () => {
    expect(compareNewestFirst({ publishedAt: 2, id: "z" }, { publishedAt: 1, id: "a" })).toBeLessThan(0);
    expect(compareNewestFirst({ publishedAt: 1, id: "a" }, { publishedAt: 1, id: "b" })).toBeLessThan(0);
    expect(compareNewestFirst({ publishedAt: 1, id: "a" }, { publishedAt: 1, id: "a" })).toBe(0);
  });

  it("finds articles by id", () => {
    const index = buildIndex([parsedPost("x"), parsedPost("y")]);
    expect(index.byId.get("y")?.title).toBe("title y");
    expect(index.byId.size).toBe(2);
  });

  it("groups by category key (the URL segment), not by slug, newest first", () => {
    const index = buildIndex([
      parsedPost("w1", { categorySlug: "Wind", tags: ["万得新闻"], publishedAt: T0 }),
      parsedPost("w2", { categorySlug: "Wind", tags: ["万得新闻"], publishedAt: T0 + 1 }),
      parsedPost("l1", { categorySlug: "wind", tags: ["小写新闻"] }),
    ]);
    const upper = index.byCategory.get(urlKey("Wind"));
    expect(upper?.category).toEqual({ slug: "Wind", key: urlKey("Wind"), name: "万得新闻" });
    expect(upper?.articles.map((a) => a.id)).toEqual(["w2", "w1"]);
    expect(index.byCategory.get("wind")?.articles.map((a) => a.id)).toEqual(["l1"]);
    expect(index.byCategory.has("Wind")).toBe(false);
  });

  it("gives every article of a category the same category record", () => {
    const index = buildIndex([parsedPost("a"), parsedPost("b")]);
    expect(index.byId.get("a")?.category).toBe(index.byId.get("b")?.category);
    expect(index.byId.get("a")?.category).toEqual({ slug: "emnews", key: "emnews", name: "东财滚动新闻" });
  });

  it("indexes by every tag, newest first", () => {
    const index = buildIndex([
      parsedPost("a", { tags: ["甲", "乙"], publishedAt: T0 }),
      parsedPost("b", { tags: ["乙"], publishedAt: T0 + 1 }),
      parsedPost("c", { tags: [] }),
    ]);
    expect(index.byTag.get("甲")?.map((a) => a.id)).toEqual(["a"]);
    expect(index.byTag.get("乙")?.map((a) => a.id)).toEqual(["b", "a"]);
    expect([...index.byTag.keys()].sort()).toEqual(["乙", "甲"]);
  });

  it("sorts categories by article count, ties by name", () => {
    const index = buildIndex([
      parsedPost("s1", { categorySlug: "small", tags: ["乙新闻"] }),
      parsedPost("b1", { categorySlug: "big", tags: ["丙新闻"] }),
      parsedPost("b2", { categorySlug: "big", tags: ["丙新闻"] }),
      parsedPost("b3", { categorySlug: "big", tags: ["丙新闻"] }),
      parsedPost("m1", { categorySlug: "mid", tags: ["Bmid"] }),
      parsedPost("m2", { categorySlug: "mid", tags: ["Bmid"] }),
      parsedPost("n1", { categorySlug: "mid2", tags: ["Amid"] }),
      parsedPost("n2", { categorySlug: "mid2", tags: ["Amid"] }),
    ]);
    expect(index.categories.map((c) => [c.category.slug, c.articles.length])).toEqual([
      ["big", 3],
      ["mid2", 2],
      ["mid", 2],
      ["small", 1],
    ]);
  });

  describe("category display names", () => {
    it("uses the tag its posts carry most often as their first tag", () => {
      // Neither the first post's tag nor the alphabetically first tag wins.
      const index = buildIndex([
        parsedPost("1", { tags: ["东财滚动新闻"] }),
        parsedPost("2", { tags: ["东财要闻", "东财滚动新闻"] }),
        parsedPost("3", { tags: ["东财要闻"] }),
      ]);
      expect(index.byCategory.get("emnews")?.category.name).toBe("东财要闻");
    });

    it("breaks a tie the same way whatever the file order", () => {
      const posts = [parsedPost("1", { tags: ["乙"] }), parsedPost("2", { tags: ["甲"] })];
      const name = buildIndex(posts).articles[0].category.name;
      expect(buildIndex([...posts].reverse()).articles[0].category.name).toBe(name);
    });

    it("counts first tags only", () => {
      const index = buildIndex([
        parsedPost("1", { tags: ["甲", "乙"] }),
        parsedPost("2", { tags: ["丙", "乙"] }),
        parsedPost("3", { tags: ["甲"] }),
      ]);
      expect(index.byCategory.get("emnews")?.category.name).toBe("甲");
    });

    it("uses a `category/<slug>.html` title only when no post of the category has tags", () => {
      const titles = new Map([
        ["emnews", "错误的标题"],
        ["sitenews", "站长消息"],
      ]);
      const index = buildIndex(
        [
          parsedPost("1", { tags: [] }),
          parsedPost("2", { tags: ["东财滚动新闻"] }),
          parsedPost("3", { categorySlug: "sitenews", tags: [] }),
        ],
        titles,
      );
      expect(index.byCategory.get("emnews")?.category.name).toBe("东财滚动新闻");
      expect(index.byCategory.get("sitenews")?.category.name).toBe("站长消息");
    });

    it("falls back to the slug", () => {
      const index = buildIndex([parsedPost("1", { categorySlug: "21shijijingjibaodao 21caijingAPP", tags: [] })]);
      expect(index.articles[0].category.name).toBe("21shijijingjibaodao 21caijingAPP");
    });
  });

  describe("ids", () => {
    it("gives posts with the same file name in different folders distinct ids, with a warning", () => {
      const index = buildIndex([
        parsedPost("2021-12-08-x", { file: "_posts/a/2021-12-08-x.md", title: "A" }),
        parsedPost("2021-12-08-x", { file: "_posts/b/2021-12-08-x.md", title: "B" }),
        parsedPost("2021-12-08-x", { file: "_posts/c/2021-12-08-x.md", title: "C" }),
      ]);
      const ids = index.articles.map((a) => a.id);
      expect(new Set(ids).size).toBe(3);
      expect(index.byId.size).toBe(3);
      expect(index.byId.get("2021-12-08-x")?.title).toBe("A");
      for (const id of ids) expect(id).toMatch(/^2021-12-08-x(?:-[0-9a-f]{8})?$/);
      expect(index.problems).toHaveLength(2);
      expect(index.problems[0]).toMatchObject({ file: "_posts/b/2021-12-08-x.md", severity: "warning" });
      expect(index.problems[0].reason).toContain("_posts/a/2021-12-08-x.md");
      const renamed = index.articles.find((a) => a.title === "B")!.id;
      expect(index.problems[0].reason).toContain(`'${renamed}'`);
    });

    it("reports no problems when ids are unique", () => {
      expect(buildIndex([parsedPost("2021-12-08-x"), parsedPost("2021-12-09-x")]).problems).toEqual([]);
    });
  });

  it("builds an empty index from no posts", () => {
    const index = buildIndex([]);
    expect(index.articles).toEqual([]);
    expect(index.categories).toEqual([]);
    expect(index.byCategory.size).toBe(0);
  });

  describe("paginate", () => {
    const items = Array.from({ length: 65 }, (_, i) => i);

    it("gives 1-based pages of the requested size", () => {
      expect(paginate(items, 1, 30)).toEqual({ items: items.slice(0, 30), page: 1, pageCount: 3 });
      expect(paginate(items, 3, 30)).toEqual({ items: [60, 61, 62, 63, 64], page: 3, pageCount: 3 });
    });

    it("gives an empty page past the end, and one page for no items", () => {
      expect(paginate(items, 4, 30).items).toEqual([]);
      expect(paginate([], 1, 30)).toEqual({ items: [], page: 1, pageCount: 1 });
    });
  });
});

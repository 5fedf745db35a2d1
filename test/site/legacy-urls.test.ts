import { describe, expect, it } from "vitest";
import { buildIndex } from "@/lib/content/content-index";
import type { ParsedPost } from "@/lib/content/types";
import { legacyCategoryPath, legacyPostPath } from "@/lib/site/legacy-urls";

const post = (id: string, categorySlug: string): ParsedPost => ({ id, title: id, publishedAt: Date.UTC(2021, 11, 8), categorySlug, tags: [], summary: "", source: { name: "x" }, file: `_posts/${id}.md` });
const index = buildIndex([post("2021-12-08-202112082206735975", "emnews"), post("2021-12-09-wind-bonds", "anxinguojizhengquan(xianggang)"), post("2021-12-10-x", "21shijijingjibaodao 21caijingAPP")], new Map(), { now: Date.UTC(2030, 0, 1) });

describe("lib/site/legacy-urls", () => {
  it("maps Jekyll's post permalink to the article, whatever the category segment says", () => {
    expect(legacyPostPath(index, { year: "2021", month: "12", day: "08", file: "202112082206735975.html" })).toBe("/articles/2021-12-08-202112082206735975/");
    expect(legacyPostPath(index, { year: "2021", month: "12", day: "09", file: "wind-bonds.html" })).toBe("/articles/2021-12-09-wind-bonds/");
    expect(legacyPostPath(index, { year: "2021", month: "12", day: "07", file: "202112082206735975.html" })).toBeUndefined();
    expect(legacyPostPath(index, { year: "21", month: "12", day: "08", file: "202112082206735975.html" })).toBeUndefined();
  });

  it("maps the old category pages and folders, parentheses and spaces included", () => {
    expect(legacyCategoryPath(index, "emnews.html")).toBe("/category/emnews/");
    expect(legacyCategoryPath(index, "emnews")).toBe("/category/emnews/");
    expect(legacyCategoryPath(index, "anxinguojizhengquan(xianggang).html")).toMatch(/^\/category\/anxinguojizhengquan-xianggang-[0-9a-f]{8}\/$/);
    expect(legacyCategoryPath(index, "anxinguojizhengquan%28xianggang%29.html")).toBe(legacyCategoryPath(index, "anxinguojizhengquan(xianggang).html"));
    expect(legacyCategoryPath(index, "21shijijingjibaodao%2021caijingAPP.html")).toMatch(/^\/category\/21shijijingjibaodao-21caijingapp-[0-9a-f]{8}\/$/);
    expect(legacyCategoryPath(index, "nope.html")).toBeUndefined();
    expect(legacyCategoryPath(index, "%E0%A4%A.html")).toBeUndefined();
  });
});

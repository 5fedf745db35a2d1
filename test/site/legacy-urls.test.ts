import { describe, expect, it } from "vitest";
import { urlKey } from "@/lib/content/categories";
import { buildIndex } from "@/lib/content/content-index";
import { parsePost } from "@/lib/content/parse";
import type { ParsedPost } from "@/lib/content/types";
import { legacyCategoryPath, legacyPath, legacyPostPath } from "@/lib/site/legacy-urls";
import { articlePath, categoryPath } from "@/lib/site/urls";
import { textSource } from "../helpers/fixtures";

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

describe("lib/site/legacy-urls: the URLs Jekyll really wrote (each post's jekyllUrl)", () => {
  const parsed = (name: string, text: string) => {
    const result = parsePost(textSource(`_posts/${name}`, text));
    if (!result.ok) throw new Error(name);
    return result.post;
  };
  const posts = [
    parsed("2021-12-08-late.md", "---\ntitle: 晚间\ndate: 2021-12-08 20:46:18\ncategories: 21shijijingjibaodao 21caijingAPP\n---\n正文。\n"),
    parsed("2021-12-08-none.md", "---\ntitle: 无分类\ndate: 2021-12-08 10:00:00 +0800\n---\n正文。\n"),
    parsed("2021-12-08-wind.md", "---\ntitle: Wind\ndate: 2021-12-08 10:00:00 +0800\ncategories: Wind\n---\n正文。\n"),
  ];
  const index = buildIndex(posts, new Map(), { now: Date.UTC(2030, 0, 1) });
  const late = articlePath(index.byId.get("2021-12-08-late")!);

  it("finds a post under nested, downcased categories, on the day Jekyll dated it", () => {
    // `date: 2021-12-08 20:46:18` without an offset was UTC to Jekyll: 04:46 on the 9th in Beijing.
    expect(legacyPath(index, "/21shijijingjibaodao/21caijingapp/2021/12/09/late.html")).toBe(late);
    expect(legacyPostPath(index, { year: "2021", month: "12", day: "09", file: "late.html" })).toBe(late);
    // The file name's day still finds it, as before.
    expect(legacyPostPath(index, { year: "2021", month: "12", day: "08", file: "late.html" })).toBe(late);
    expect(legacyPath(index, "/2021/12/08/none.html")).toBe(articlePath(index.byId.get("2021-12-08-none")!));
    expect(legacyPath(index, "/21shijijingjibaodao/21caijingapp/2021/12/10/late.html")).toBeUndefined();
  });

  it("finds a category by its downcased folder, with or without the trailing slash", () => {
    const wind = categoryPath(index.byCategory.get(urlKey("Wind"))!.category);
    expect(legacyPath(index, "/wind/")).toBe(wind);
    expect(legacyPath(index, "/wind")).toBe(wind);
    expect(legacyCategoryPath(index, "wind")).toBe(wind);
    expect(legacyPath(index, "/21shijijingjibaodao/21caijingapp/")).toBe(categoryPath(index.byCategory.get(urlKey("21shijijingjibaodao 21caijingAPP"))!.category));
    expect(legacyPath(index, "/category/21shijijingjibaodao%2021caijingAPP.html")).toBe(legacyPath(index, "/21shijijingjibaodao/21caijingapp/"));
    expect(legacyPath(index, "/nope/")).toBeUndefined();
    expect(legacyPath(index, "/%E0%A4%A/")).toBeUndefined();
  });
});

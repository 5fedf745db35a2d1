import { describe, expect, it } from "vitest";
import { buildIndex } from "@/lib/content/content-index";
import type { ParsedPost } from "@/lib/content/types";
import { movedPages } from "@/lib/serve/missing-pages";
import { articlePath, categoryPath, tagPath } from "@/lib/site/urls";

const post = (id: string, categorySlug: string, jekyllUrl?: string): ParsedPost => ({
  id,
  title: id,
  publishedAt: Date.UTC(2023, 0, 5, 1),
  categorySlug,
  tags: [`${categorySlug}新闻`],
  summary: "",
  source: { name: "x" },
  file: `_posts/${id}.md`,
  ...(jekyllUrl ? { jekyllUrl } : {}),
});

const index = buildIndex(
  [
    post("2023-01-05-wind-bonds", "Wind", "/wind/2023/01/05/wind-bonds.html"),
    post("2023-01-06-x", "21shijijingjibaodao 21caijingAPP", "/21shijijingjibaodao/21caijingapp/2023/01/06/x.html"),
    post("2023-01-07-s", "search"),
  ],
  new Map(),
  { now: Date.UTC(2030, 0, 1) },
);
// As scripts/serve.ts gives it: the build's route folders and public/ files, `category` among them.
const moved = movedPages(() => index, new Set(["search", "sources", "feed.xml", "js", "_next", "category", "articles", "tags"]));

describe("lib/serve/missing-pages movedPages", () => {
  it("sends an old post URL at any depth, an old category page and folder, straight to the new page", () => {
    const wind = index.byCategory.get([...index.byCategory.keys()].find((k) => k.startsWith("wind"))!)!.category;
    expect(moved("/wind/2023/01/05/wind-bonds.html")).toBe(articlePath({ id: "2023-01-05-wind-bonds" }));
    expect(moved("/21shijijingjibaodao/21caijingapp/2023/01/06/x.html")).toBe(articlePath({ id: "2023-01-06-x" }));
    expect(moved("/category/Wind.html")).toBe(categoryPath(wind));
    expect(moved("/wind/")).toBe(categoryPath(wind));
  });

  it("sends a listing's page 1 to the listing's own URL, and only a listing that exists", () => {
    const wind = index.byCategory.get([...index.byCategory.keys()].find((k) => k.startsWith("wind"))!)!.category;
    expect(moved(`${categoryPath(wind)}page/1/`)).toBe(categoryPath(wind));
    expect(moved(`${categoryPath(wind)}page/1`)).toBe(categoryPath(wind));
    const [tagKey, { tag }] = [...index.tagsByKey.entries()][0];
    expect(moved(`/tags/${tagKey}/page/1/`)).toBe(tagPath(tag));
    for (const path of ["/category/no-such/page/1/", `${categoryPath(wind)}page/2/`, `${categoryPath(wind)}page/01/`, "/tags/no-such/page/1/"]) expect(moved(path), path).toBeUndefined();
  });

  it("never takes the site's own URLs for old ones, even where a category has that name", () => {
    for (const path of ["/", "/search/", "/search", "/articles/2023-01-05-wind-bonds/", "/category/wind/", "/feed.xml", "/js/reader.js", "/no/such/2023/01/05/old.html", "/nothing"]) {
      expect(moved(path), path).toBeUndefined();
    }
  });
});

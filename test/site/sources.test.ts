import { describe, expect, it } from "vitest";
import type { CategoryEntry } from "@/lib/content/content-index";
import { groupSourcesByInitial } from "@/lib/site/sources";

const entry = (slug: string, count: number): CategoryEntry => ({ category: { slug, key: slug.toLowerCase(), name: `${slug}新闻` }, articles: Array(count) });

describe("lib/site/sources", () => {
  it("groups sources by their slug's first letter, A–Z then #, with counts", () => {
    const groups = groupSourcesByInitial([entry("emnews", 53), entry("Wind", 1), entry("21shijijingjibaodao", 4), entry("anxin(xg)", 2), entry("cls", 9), entry("中文", 1), entry("east", 3)]);
    expect(groups.map((g) => g.letter)).toEqual(["A", "C", "E", "W", "#"]);
    expect(groups.find((g) => g.letter === "E")!.sources.map((s) => [s.slug, s.count])).toEqual([["east", 3], ["emnews", 53]]);
    expect(groups.at(-1)!.sources.map((s) => s.slug)).toEqual(["21shijijingjibaodao", "中文"]);
  });
});

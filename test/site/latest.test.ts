import { describe, expect, it } from "vitest";
import type { Article } from "@/lib/content/types";
import { countNewer, latestJson } from "@/lib/site/latest";

const article = (n: number, key: string): Article => ({ id: `a${n}`, title: "", publishedAt: n * 1000, category: { slug: key, key, name: key }, tags: [], summary: "", source: { name: "" }, file: "" });

describe("lib/site/latest", () => {
  it("lists the newest 100 in brief", () => {
    const json = latestJson(Array.from({ length: 120 }, (_, i) => article(120 - i, i % 2 ? "a" : "b")));
    expect(json.articles).toHaveLength(100);
    expect(json.articles[0]).toEqual({ i: "a120", c: "b", t: 120_000 });
  });

  it("counts what is newer than the page showed, in its category when it has one", () => {
    const latest = latestJson([article(5, "a"), article(4, "b"), article(3, "a"), article(2, "a")]).articles;
    expect(countNewer(latest, 3000)).toBe(2);
    expect(countNewer(latest, 3000, "a")).toBe(1);
    expect(countNewer(latest, 5000)).toBe(0);
  });
});

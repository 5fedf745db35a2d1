import { describe, expect, it } from "vitest";
import { buildIndex } from "@/lib/content/content-index";
import { previousAndNext, relatedArticles } from "@/lib/content/neighbours";
import type { ParsedPost } from "@/lib/content/types";

const T0 = Date.UTC(2024, 0, 1);
const post = (n: number, categorySlug: string, tags: string[]): ParsedPost => ({ id: `p${n}`, title: `P${n}`, publishedAt: T0 + n * 60_000, categorySlug, tags, summary: "", source: { name: "x" }, file: `_posts/p${n}.md` });
// emnews posts p1..p9 (tag 东财滚动新闻 names the source); p4 and p20 (another source) share the topic tag 央行.
const posts = [...Array.from({ length: 9 }, (_, i) => post(i + 1, "emnews", i + 1 === 4 ? ["东财滚动新闻", "央行"] : ["东财滚动新闻"])), post(20, "cls", ["财联社", "央行"])];
const index = buildIndex(posts, new Map(), { now: T0 + 86_400_000 });
const get = (id: string) => index.byId.get(id)!;

describe("lib/content/neighbours", () => {
  it("links the newer and older article of the same source", () => {
    expect(previousAndNext(index, get("p5"))).toMatchObject({ newer: { id: "p6" }, older: { id: "p4" } });
    expect(previousAndNext(index, get("p9")).newer).toBeUndefined();
    expect(previousAndNext(index, get("p1")).older).toBeUndefined();
    expect(previousAndNext(index, get("p20"))).toEqual({ newer: undefined, older: undefined });
  });

  it("relates by topic tag first, then by the same source nearest in time, never itself or its neighbours", () => {
    expect(relatedArticles(index, get("p4")).map((a) => a.id)).toEqual(["p20", "p2", "p6", "p1", "p7"]);
    expect(relatedArticles(index, get("p20")).map((a) => a.id)).toEqual(["p4"]);
    expect(relatedArticles(index, get("p9"), 3).map((a) => a.id)).toEqual(["p7", "p6", "p5"]);
  });

  it("takes a topic's stories nearest in time, not its newest: a new post touches only its neighbours' links", () => {
    // 40 posts of one topic across sources, a minute apart; p200 is the newest.
    const topic = Array.from({ length: 40 }, (_, i) => post(100 + i, `s${i % 7}`, [`来源${i % 7}`, "央行"]));
    const many = buildIndex([...topic, post(200, "s0", ["来源0", "央行"])], new Map(), { now: T0 + 86_400_000 });
    const related = relatedArticles(many, many.byId.get("p110")!).map((a) => a.id);
    expect(related).toHaveLength(5);
    for (const id of related) expect(Math.abs(Number(id.slice(1)) - 110), id).toBeLessThanOrEqual(14);
    expect(related).not.toContain("p200");
  });
});

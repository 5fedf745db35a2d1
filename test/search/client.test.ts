import { describe, expect, it } from "vitest";
import { buildSearchIndex } from "@/lib/search/build";
import { createSearchClient } from "@/lib/search/client";
import type { FreshArticles } from "@/lib/search/types";
import { parseQuery } from "@/lib/search/query";
import { shardSpan } from "@/lib/search/shard";
import { normalize } from "@/lib/search/tokenize";
import type { SearchQuery, SearchRecord, SearchResponse } from "@/lib/search/types";
import { FIXTURE_RECORDS } from "./fixture-records";
import { memoryHost } from "./memory-fetch";
import { syntheticRecords } from "./synthetic";

const BASE = "https://finews.test/search";
// Tiny shards, so that even these few articles spread over many of them.
const built = buildSearchIndex(FIXTURE_RECORDS, { shardBytes: 128, idsPerChunk: 4 });

function client(extra?: () => Promise<FreshArticles>) {
  const host = memoryHost(built.files, BASE);
  return { host, search: createSearchClient({ base: BASE, fetch: host.fetch, extra }).search };
}

const ids = (response: SearchResponse) => response.hits.map((h) => h.id);
const sortedIds = (response: SearchResponse) => ids(response).sort();

/** The articles whose text contains `phrase` as a substring: what a Han query must find, computed the slow way. */
function containing(phrase: string, records: SearchRecord[] = FIXTURE_RECORDS): string[] {
  const needle = normalize(phrase);
  return records.filter((r) => [r.title, r.summary, r.body].some((t) => normalize(t).includes(needle))).map((r) => r.id).sort();
}

describe("lib/search client: Han substrings", () => {
  it.each(["央行", "融资余额", "新能源汽车", "余额", "净流入", "北向资金"])("%s finds exactly the articles containing it", async (q) => {
    const response = await client().search({ q, limit: 50 });
    expect(sortedIds(response)).toEqual(containing(q));
    expect(response.total).toBe(containing(q).length);
    expect(response.exact).toBe(true);
  });

  it("does not find 融资余额 where its characters only occur apart", async () => {
    const response = await client().search({ q: "融资余额" });
    expect(ids(response)).toEqual(["2024-01-06-margin-balance"]);
    expect(ids(response)).not.toContain("2024-01-07-margin-words-apart");
    expect(ids(response)).not.toContain("2024-01-08-financing-then-balance");
  });

  it("treats a single Han character as nothing to look up", async () => {
    const response = await client().search({ q: "央" });
    expect(response).toEqual({ total: 0, exact: true, hits: [] });
  });

  it("answers a query with no match with nothing", async () => {
    const response = await client().search({ q: "比特币" });
    expect(response).toEqual({ total: 0, exact: true, hits: [] });
  });
});

describe("lib/search client: Latin, digits and mixed queries", () => {
  it.each([
    ["HFO-1234yf", ["2024-01-14-hfo-refrigerant"]],
    ["hfo 1234yf", ["2024-01-14-hfo-refrigerant", "2024-01-15-hfo-apart"]],
    ["ET7", ["2024-01-12-nio-et7"]],
    ["ＥＴ７", ["2024-01-12-nio-et7"]],
    ["蔚来ET7", ["2024-01-12-nio-et7"]],
    ["00388.HK", ["2024-01-16-hkex-results"]],
    ["Tesla", ["2024-01-10-tesla-shanghai"]],
    ["tesla 新能源汽车", ["2024-01-10-tesla-shanghai"]],
    ["5.2%", ["2024-01-18-gdp-fullwidth"]],
    ["2023年GDP", ["2024-01-18-gdp-fullwidth"]],
  ])("%s finds %j", async (q, expected) => {
    expect(sortedIds(await client().search({ q, limit: 50 }))).toEqual(expected);
  });

  it("matches the word being typed as a prefix, and a finished word exactly", async () => {
    const { search } = client();
    for (const q of ["Te", "tes", "Tesl", "tesla"]) expect(ids(await search({ q })), q).toEqual(["2024-01-10-tesla-shanghai"]);
    expect(ids(await search({ q: "00388.hk" }))).toEqual(["2024-01-16-hkex-results"]);
    expect(ids(await search({ q: "HFO-1234" }))).toEqual(["2024-01-14-hfo-refrigerant"]);
    // A trailing space ends the word: `tes` is not a word of any article.
    expect((await search({ q: "tes " })).total).toBe(0);
    // Only the last word is a prefix.
    expect((await search({ q: "tes 新能源汽车" })).total).toBe(0);
  });

  it("answers a prefix from one shard", async () => {
    expect(built.stats.shards).toBeGreaterThan(20);
    const { search, host } = client();
    await search({ q: "te" });
    expect(host.requests.filter((path) => path.includes("/t/"))).toHaveLength(1);
  });
});

describe("lib/search client: the typed tail of a word", () => {
  const hfo = ["2024-01-14-hfo-refrigerant"];

  it("finds HFO-1234yf while it is typed, from HFO-1 on", async () => {
    const { search } = client();
    for (const q of ["HFO-1", "HFO-12", "hfo-123", "HFO-1234y"]) expect(ids(await search({ q })), q).toEqual(hfo);
    // A finished word is exact: no article has HFO next to a bare 1.
    expect((await search({ q: "HFO-1 " })).total).toBe(0);
  });

  // Records with every trailing piece at a word start, as the synthetic corpus writes HFO-1234yf.
  const records = syntheticRecords(1500, 3);
  const { files } = buildSearchIndex(records, { shardBytes: 1024 });
  const expectedIds = (pattern: RegExp) =>
    records.filter((r) => [r.title, r.summary, r.body].some((t) => pattern.test(normalize(t)))).map((r) => r.id).sort();

  it("looks up neither the many shards of a short tail nor a failed check per candidate", { timeout: 60_000 }, async () => {
    const manifest = JSON.parse(files.get("manifest.json") as string) as { shardFirst: string[] };
    // Every term starting with `1` spans several shards here: the case being avoided.
    expect(manifest.shardFirst.filter((first) => first.startsWith("1")).length).toBeGreaterThan(1);
    for (const q of ["HFO-1", "HFO-12"]) {
      const host = memoryHost(files, BASE);
      const { search } = createSearchClient({ base: BASE, fetch: host.fetch });
      const response = await search({ q, limit: 100 });
      const expected = expectedIds(/(?<![a-z0-9])hfo-1234yf/);
      expect(expected.length).toBeGreaterThan(100);
      expect(response.hits.length, q).toBe(100);
      expect(ids(response).filter((id) => !expected.includes(id)), q).toEqual([]);
      expect(response.total, q).toBe(expected.length);
      const shards = host.requests.filter((path) => path.includes("/t/"));
      expect(shards.length, q).toBeLessThanOrEqual(2);
      const fragments = host.requests.filter((path) => path.includes("/f/"));
      expect(fragments.length, q).toBe(response.hits.length);
    }
  });

  it("finds CS.N where digits follow it (CS.N247) while typed, not once finished", async () => {
    const at = Date.UTC(2024, 0, 2);
    const base = { sourceKey: "stcn", sourceName: "证券时报网", summary: "" };
    const cs: SearchRecord[] = [
      { ...base, id: "cs-n247", url: "/a/cs-n247", title: "美股收盘", publishedAt: at, body: "思科CS.N247收涨。" },
      { ...base, id: "cs-n", url: "/a/cs-n", title: "美股早盘", publishedAt: at + 1000, body: "思科（CS.N）高开。" },
      { ...base, id: "cs-nx", url: "/a/cs-nx", title: "其他", publishedAt: at + 2000, body: "CS 与 N 分开出现。" },
    ];
    const host = memoryHost(buildSearchIndex(cs).files, BASE);
    const { search } = createSearchClient({ base: BASE, fetch: host.fetch });
    expect(sortedIds(await search({ q: "CS.N" }))).toEqual(["cs-n", "cs-n247"]);
    expect(ids(await search({ q: "CS.N " }))).toEqual(["cs-n"]);
  });
});

describe("lib/search client: order, filters, pages", () => {
  const pboc = ["2024-01-04-pboc-rrr-cut", "2024-01-02-pboc-in-body", "2024-01-20-markup-text"];

  it("sorts by relevance (title matches first) or newest", async () => {
    const { search } = client();
    const byRelevance = ids(await search({ q: "央行" }));
    expect(byRelevance.slice().sort()).toEqual(pboc.slice().sort());
    expect(byRelevance.at(-1)).toBe("2024-01-02-pboc-in-body");
    const newest = await search({ q: "央行", sort: "newest" });
    expect(ids(newest)).toEqual(["2024-01-20-markup-text", "2024-01-04-pboc-rrr-cut", "2024-01-02-pboc-in-body"]);
    const times = newest.hits.map((h) => h.publishedAt);
    expect(times).toEqual(times.slice().sort((a, b) => b - a));
  });

  it("filters by source and by date range (from inclusive, to exclusive)", async () => {
    const { search } = client();
    expect(ids(await search({ q: "央行", source: "cnstock" }))).toEqual(["2024-01-04-pboc-rrr-cut"]);
    expect((await search({ q: "央行", source: "no-such-source" })).total).toBe(0);
    const rrrCut = FIXTURE_RECORDS.find((r) => r.id === "2024-01-04-pboc-rrr-cut")!.publishedAt;
    expect(sortedIds(await search({ q: "央行", from: rrrCut }))).toEqual(["2024-01-04-pboc-rrr-cut", "2024-01-20-markup-text"]);
    expect(ids(await search({ q: "央行", to: rrrCut }))).toEqual(["2024-01-02-pboc-in-body"]);
    expect(ids(await search({ q: "央行", from: rrrCut, to: rrrCut + 1 }))).toEqual(["2024-01-04-pboc-rrr-cut"]);
    expect(ids(await search({ q: "央行", from: rrrCut + 1, to: rrrCut + 1000 }))).toEqual([]);
  });

  it("pages through the ranked hits", async () => {
    const { search } = client();
    const all = ids(await search({ q: "央行", sort: "newest" }));
    const pages = [0, 1, 2].map((offset) => search({ q: "央行", sort: "newest", offset, limit: 1 }));
    expect((await Promise.all(pages)).flatMap(ids)).toEqual(all);
  });
});

describe("lib/search client: what a hit shows", () => {
  const marked = (text: string, ranges: Array<[number, number]>) => ranges.map(([s, e]) => text.slice(s, e));

  it("highlights the query text in the title and the snippet", async () => {
    const response = await client().search({ q: "融资余额" });
    const [hit] = response.hits;
    expect(marked(hit.title, hit.titleHighlights)).toEqual(["融资余额"]);
    expect(marked(hit.snippet, hit.snippetHighlights)).toEqual(["融资余额", "融资余额"]);
  });

  it("highlights what is displayed, full-width included", async () => {
    const [hit] = (await client().search({ q: "et7" })).hits;
    expect(marked(hit.title, hit.titleHighlights)).toEqual(["ET7"]);
    expect(marked(hit.snippet, hit.snippetHighlights)).toEqual(["ＥＴ７", "ET7"]);
    const [gdp] = (await client().search({ q: "5.2%" })).hits;
    expect(marked(gdp.title, gdp.titleHighlights)).toEqual(["５.２"]);
  });

  it("cuts a snippet around the first match in a long body", async () => {
    const hit = (await client().search({ q: "北向资金" })).hits.find((h) => h.id === "2024-01-22-long-body")!;
    expect(hit.snippet.length).toBeLessThanOrEqual(112);
    expect(hit.snippet.startsWith("…")).toBe(true);
    expect(marked(hit.snippet, hit.snippetHighlights)).toEqual(["北向资金"]);
  });

  it("falls back to the summary when only the title matches", async () => {
    const [hit] = (await client().search({ q: "市场综述" })).hits;
    expect(hit.titleHighlights).toEqual([[0, 4]]);
    expect(hit.snippetHighlights).toEqual([]);
  });

  it("returns markup-looking text verbatim as plain text", async () => {
    const response = await client().search({ q: "会议纪要" });
    const [hit] = response.hits;
    expect(hit.title).toBe("<b>央行</b>召开工作会议");
    expect(hit.snippet).toContain("<script>alert(1)</script>");
    expect(hit.snippet).toContain("<img src=x onerror=alert(2)>");
    expect(marked(hit.snippet, hit.snippetHighlights)).toEqual(["会议纪要"]);
    // Tags are not words: `script` is only found as the text it is.
    expect(ids(await client().search({ q: "<script>" }))).toEqual(["2024-01-20-markup-text"]);
  });
});

describe("lib/search client: odd input", () => {
  it.each(["", "   ", "，。！？……", "!!! --- ...", "《》（）【】"])("%j returns nothing without fetching", async (q) => {
    const { search, host } = client();
    await expect(search({ q })).resolves.toEqual({ total: 0, exact: true, hits: [] });
    expect(host.requests).toEqual([]);
  });

  it("clamps odd limits and offsets", async () => {
    const { search } = client();
    expect((await search({ q: "央行", limit: 0 })).hits).toEqual([]);
    expect((await search({ q: "央行", limit: -5, offset: -3 })).hits).toEqual([]);
    expect((await search({ q: "央行", offset: 99 })).hits).toEqual([]);
  });
});

describe("lib/search client: fresh articles from the server", () => {
  const fresh: SearchRecord = {
    id: "2024-02-01-pboc-fresh",
    url: "/articles/2024-02-01-pboc-fresh",
    title: "央行开展MLF操作",
    sourceKey: "cnstock",
    sourceName: "中国证券网",
    publishedAt: Date.UTC(2024, 1, 1, 2),
    summary: "央行开展5000亿元MLF操作。",
    body: "央行今日开展5000亿元中期借贷便利（MLF）操作，融资余额保持稳定。",
  };

  it("merges fresh articles and drops removed ones", async () => {
    const extra = async () => ({ records: [fresh], removedIds: ["2024-01-04-pboc-rrr-cut"] });
    const { search } = client(extra);
    const newest = await search({ q: "央行", sort: "newest" });
    expect(ids(newest)).toEqual(["2024-02-01-pboc-fresh", "2024-01-20-markup-text", "2024-01-02-pboc-in-body"]);
    expect(newest.total).toBe(3);
    expect(newest.hits[0].titleHighlights).toEqual([[0, 2]]);
    expect(sortedIds(await search({ q: "融资余额" }))).toEqual(["2024-01-06-margin-balance", "2024-02-01-pboc-fresh"]);
    expect(ids(await search({ q: "mlf" }))).toEqual(["2024-02-01-pboc-fresh"]);
    expect(ids(await search({ q: "央行", source: "emnews", sort: "newest" }))).toEqual(["2024-01-20-markup-text", "2024-01-02-pboc-in-body"]);
    expect(ids(await search({ q: "央行", from: fresh.publishedAt + 1 }))).toEqual([]);
  });

  it("shows a fresh copy of an indexed article instead of the indexed one", async () => {
    const edited = { ...FIXTURE_RECORDS.find((r) => r.id === "2024-01-12-nio-et7")!, title: "蔚来ET7新款上市（更新）", body: "新款ET7售价下调。" };
    const { search } = client(async () => ({ records: [edited], removedIds: [] }));
    const response = await search({ q: "et7" });
    expect(response.hits.map((h) => h.title)).toEqual(["蔚来ET7新款上市（更新）"]);
  });

  it("asks the server once for a burst of queries, and still answers when it fails", async () => {
    let calls = 0;
    const { search } = client(async () => {
      calls++;
      return { records: [fresh], removedIds: [] };
    });
    await Promise.all(["央", "央行", "央行开", "央行开展"].map((q) => search({ q })));
    expect(calls).toBe(1);
    const failing = client(async () => {
      throw new Error("offline");
    });
    expect(ids(await failing.search({ q: "降准" }))).toEqual(["2024-01-04-pboc-rrr-cut"]);
  });
});

describe("lib/search client: fetching", () => {
  it("fetches each file once, even for concurrent queries", async () => {
    const { search, host } = client();
    const queries: SearchQuery[] = ["央行", "央行", "融资余额", "新能源汽车", "央行"].map((q) => ({ q }));
    await Promise.all(queries.map(search));
    await search({ q: "央行" });
    expect(host.requests.length).toBe(new Set(host.requests).size);
    expect(host.requests[0]).toBe("manifest.json");
  });

  it("fails loudly when the index is missing, and recovers once it is there", async () => {
    const files = new Map(built.files);
    files.delete("manifest.json");
    const host = memoryHost(files, BASE);
    const { search } = createSearchClient({ base: `${BASE}/`, fetch: host.fetch });
    await expect(search({ q: "央行" })).rejects.toThrow(/404/);
    files.set("manifest.json", built.files.get("manifest.json")!);
    expect((await search({ q: "央行" })).total).toBe(3);
  });
});

describe("lib/search client: requests per query", () => {
  const { files, manifest } = buildSearchIndex(syntheticRecords(2000, 7));
  const shardsOf = (q: string) => new Set(parseQuery(q).clauses.map((c) => shardSpan(manifest.shardFirst, c.term, c.prefix)[0])).size;
  const kinds = (paths: string[]) => ({
    manifest: paths.filter((p) => p === "manifest.json").length,
    docs: paths.filter((p) => p.endsWith("/docs.bin")).length,
    shards: paths.filter((p) => p.includes("/t/")).length,
    fragments: paths.filter((p) => p.includes("/f/")).length,
    ids: paths.filter((p) => p.includes("/ids/")).length,
  });

  // Format 1 named fragments by id: up to 10 ids files more, and a round trip more, before the fragments.
  it("fetches a page's fragments straight from the postings, all in one round trip", async () => {
    const host = memoryHost(files, BASE);
    const { search } = createSearchClient({ base: BASE, fetch: host.fetch });
    const first = await search({ q: "融资余额" });
    expect(first.hits.length).toBe(10);
    expect(kinds(host.requests)).toEqual({ manifest: 1, docs: 1, shards: shardsOf("融资余额"), fragments: 10, ids: 0 });
    // Manifest; then the doc table and shards together; then the ten fragments together.
    expect(Math.max(...host.roundTrips)).toBe(3);
    expect(host.roundTrips.filter((trip) => trip === 3)).toHaveLength(10);

    const before = host.requests.length;
    const tripsBefore = Math.max(...host.roundTrips);
    const second = await search({ q: "央行" });
    expect(second.hits.length).toBe(10);
    expect(kinds(host.requests.slice(before))).toEqual({ manifest: 0, docs: 0, shards: shardsOf("央行"), fragments: 10, ids: 0 });
    expect(Math.max(...host.roundTrips) - tripsBefore).toBe(2);
  });
});

describe("lib/search client: many matches", () => {
  it("pages by relevance and by newest consistently past the first ranks", { timeout: 60_000 }, async () => {
    const { files } = buildSearchIndex(syntheticRecords(600, 7));
    const host = memoryHost(files, BASE);
    const { search } = createSearchClient({ base: BASE, fetch: host.fetch });
    for (const sort of ["relevance", "newest"] as const) {
      const whole = await search({ q: "公司", sort, limit: 100 });
      expect(whole.hits.length).toBe(100);
      const pages = [];
      for (let offset = 0; offset < 100; offset += 25) pages.push(...ids(await search({ q: "公司", sort, offset, limit: 25 })));
      expect(pages).toEqual(ids(whole));
      if (sort === "newest") {
        const times = whole.hits.map((h) => h.publishedAt);
        expect(times).toEqual(times.slice().sort((a, b) => b - a));
      }
    }
  });
});

describe("lib/search client: prefixes across shards", () => {
  it("finds every article with a word starting with the prefix, even where a group spans shards", { timeout: 60_000 }, async () => {
    const records = syntheticRecords(1500, 3);
    // Small shards: the big digit groups (`20…`, `10…`) must be cut inside.
    const { files } = buildSearchIndex(records, { shardBytes: 1024 });
    const { search } = createSearchClient({ base: BASE, fetch: memoryHost(files, BASE).fetch });
    const words = records.map((r) => new Set([r.title, r.summary, r.body].flatMap((t) => normalize(t).match(/[a-z0-9]+/g) ?? [])));
    for (const prefix of ["te", "tes", "ap", "nv", "et", "hf", "00", "003", "60", "20", "12", "1", "q3"]) {
      const expected = words.filter((set) => [...set].some((w) => (prefix.length >= 2 ? w.startsWith(prefix) : w === prefix))).length;
      const response = await search({ q: prefix });
      expect(response.total, prefix).toBe(expected);
    }
  });
});

describe("lib/search client: sources", () => {
  it("lists every source of the index, key and name, from the manifest a query loads anyway", async () => {
    const host = memoryHost(built.files, BASE);
    const search = createSearchClient({ base: BASE, fetch: host.fetch });
    const expected = new Map(FIXTURE_RECORDS.map((r) => [r.sourceKey, r.sourceName]));
    expect(new Map(await search.sources())).toEqual(expected);
  });
});

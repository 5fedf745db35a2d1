import { describe, expect, it } from "vitest";
import { buildSearchIndex } from "@/lib/search/build";
import { createSearchClient } from "@/lib/search/client";
import { ByteReader, ByteWriter } from "@/lib/search/bytes";
import { decodeDocTable, docRange, encodeDocTable } from "@/lib/search/doc-table";
import { FORMAT_VERSION, MANIFEST_PATH, fragmentFile, idsFile, inBuild, type Fragment, type Manifest } from "@/lib/search/layout";
import { parseQuery } from "@/lib/search/query";
import { Shard, encodeShard, shardSpan } from "@/lib/search/shard";
import { hanBigrams, normalize, normalizeWithOrigin, termsOf } from "@/lib/search/tokenize";
import { FIXTURE_RECORDS } from "./fixture-records";
import { memoryHost } from "./memory-fetch";

describe("lib/search tokenize", () => {
  it("folds full-width and capitals, and maps back to the original", () => {
    expect(normalize("ＥＴ７ Tesla ５.２％")).toBe("et7 tesla 5.2%");
    const { text, origin } = normalizeWithOrigin("a㍿b");
    expect(text).toBe("a株式会社b");
    expect(origin).toEqual([0, 1, 1, 1, 1, 2, 3]);
  });

  it("indexes Han runs as bigrams and Latin/digit runs whole", () => {
    expect(termsOf(normalize("特斯拉（Tesla）交付HFO-1234yf，00388.HK"))).toEqual(["特斯", "斯拉", "tesla", "交付", "hfo", "1234yf", "00388", "hk"]);
    expect(termsOf("央")).toEqual([]);
    expect(hanBigrams("𠀀𠀁中")).toEqual(["𠀀𠀁", "𠀁中"]);
  });

  it("makes the last Latin piece a prefix while typing, and says when postings are not proof enough", () => {
    expect(parseQuery("Tes").clauses).toEqual([{ term: "tes", prefix: true }]);
    expect(parseQuery("Tes ").clauses).toEqual([{ term: "tes", prefix: false }]);
    expect(parseQuery("t").clauses).toEqual([{ term: "t", prefix: false }]);
    expect(parseQuery("央行").needsCheck).toBe(false);
    expect(parseQuery("融资余额").needsCheck).toBe(true);
    expect(parseQuery("HFO-1234yf").needsCheck).toBe(true);
    expect(parseQuery("A股").clauses).toEqual([{ term: "a", prefix: false }]);
    // The typed tail of a word with other pieces: a prefix of any length, optional (the pattern checks it).
    expect(parseQuery("HFO-1").clauses).toEqual([{ term: "hfo", prefix: false }, { term: "1", prefix: true, optional: true }]);
    expect(parseQuery("HFO-12").clauses).toEqual([{ term: "hfo", prefix: false }, { term: "12", prefix: true, optional: true }]);
    expect(parseQuery("HFO-1 ").clauses).toEqual([{ term: "hfo", prefix: false }, { term: "1", prefix: false }]);
    // No other piece to look up (a lone Han character has no bigram): the tail stays as it was.
    expect(parseQuery("股1").clauses).toEqual([{ term: "1", prefix: false }]);
    expect(parseQuery("，。 ！").clauses).toEqual([]);
  });
});

describe("lib/search formats", () => {
  it("varints survive values past 2^31", () => {
    const out = new ByteWriter(1);
    const values = [0, 1, 127, 128, 300, 2 ** 31 + 5, 1_700_000_000_123];
    for (const v of values) out.uint(v);
    const reader = new ByteReader(out.finish());
    expect(values.map(() => reader.uint())).toEqual(values);
    expect(reader.done).toBe(true);
  });

  it("a shard round-trips its terms and postings", () => {
    const postings = new ByteWriter();
    postings.uint(3); // doc 2 (gap from −1)
    postings.uint(5);
    postings.uint(4); // doc 6
    postings.uint(1);
    const shard = new Shard(encodeShard([{ term: "央行", df: 2, postings: postings.finish() }, { term: "tesla", df: 0, postings: new Uint8Array() }]));
    expect([...shard.terms()]).toEqual(["央行", "tesla"]);
    expect(shard.postings("央行")).toEqual({ docs: Uint32Array.of(2, 6), weights: Uint32Array.of(5, 1) });
    expect(shard.postings("降准")).toBeUndefined();
  });

  it("finds the shards a term or a prefix may be in", () => {
    // As at 10,000 articles: shard 0 holds 00388 and 1…129, shard 1 holds 13…199.
    const firsts = ["00388", "13", "2", "26", "32"];
    expect(shardSpan(firsts, "1", false)).toEqual([0, 1]);
    expect(shardSpan(firsts, "1", true)).toEqual([0, 2]);
    expect(shardSpan(firsts, "12", true)).toEqual([0, 1]);
    // The group 13 starts shard 1: shard 0 holds none of it.
    expect(shardSpan(firsts, "13", true)).toEqual([1, 1]);
    expect(shardSpan(firsts, "2", true)).toEqual([2, 2]);
    expect(shardSpan(firsts, "20", true)).toEqual([2, 1]);
    expect(shardSpan([], "1", true)).toEqual([0, 0]);
  });

  it("turns a date range into a doc-number range, newest first", () => {
    const at = (s: number) => s * 1000;
    const table = decodeDocTable(encodeDocTable([at(50), at(40), at(40), at(30)].map((publishedAt) => ({ publishedAt, source: 0, length: 10 }))));
    expect(Array.from(table.seconds)).toEqual([50, 40, 40, 30]);
    expect(docRange(table)).toEqual([0, 4]);
    expect(docRange(table, at(40), at(50))).toEqual([1, 3]);
    expect(docRange(table, at(41))).toEqual([0, 1]);
    expect(docRange(table, undefined, at(30))).toEqual([4, 4]);
  });

  it("names fragments by doc number, whatever the article id holds", () => {
    expect(FORMAT_VERSION).toBe(2);
    expect(fragmentFile(0)).toBe("f/0.json");
    const odd = ["../x", "a/b", "..", ".hidden", "央行"].map((id, i) => ({ ...FIXTURE_RECORDS[i], id }));
    const { files, manifest } = buildSearchIndex(odd);
    const fragmentPaths = [...files.keys()].filter((p) => p.includes("/f/"));
    expect(fragmentPaths.sort()).toEqual([0, 1, 2, 3, 4].map((doc) => inBuild(manifest.buildId, fragmentFile(doc))).sort());
    // Doc n's fragment holds the id the ids file (read by the server) lists at n.
    const ids = JSON.parse(files.get(inBuild(manifest.buildId, idsFile(0))) as string) as string[];
    ids.forEach((id, doc) => expect((JSON.parse(files.get(inBuild(manifest.buildId, fragmentFile(doc))) as string) as Fragment).id).toBe(id));
    expect(ids.slice().sort()).toEqual(odd.map((r) => r.id).sort());
  });
});

describe("lib/search build", () => {
  it("is deterministic: the same records in any order give the same files and build id", () => {
    const a = buildSearchIndex(FIXTURE_RECORDS);
    const b = buildSearchIndex([...FIXTURE_RECORDS].reverse());
    expect(b.stats.buildId).toBe(a.stats.buildId);
    expect([...b.files.keys()].sort()).toEqual([...a.files.keys()].sort());
    const manifest = JSON.parse(a.files.get(MANIFEST_PATH) as string) as Manifest;
    expect(manifest.buildId).toBe(a.stats.buildId);
    for (const path of a.files.keys()) expect(path === MANIFEST_PATH || path.startsWith(`${manifest.buildId}/`)).toBe(true);
  });

  it("changes the build id when any article changes", () => {
    const edited = FIXTURE_RECORDS.map((r, i) => (i === 0 ? { ...r, body: `${r.body}。` } : r));
    expect(buildSearchIndex(edited).stats.buildId).not.toBe(buildSearchIndex(FIXTURE_RECORDS).stats.buildId);
  });

  it("rejects two records with one id", () => {
    expect(() => buildSearchIndex([FIXTURE_RECORDS[0], FIXTURE_RECORDS[0]])).toThrow(/duplicate/);
  });

  it("builds an empty index that answers nothing", async () => {
    const { files, stats } = buildSearchIndex([]);
    expect(stats.docs).toBe(0);
    const host = memoryHost(files);
    const response = await createSearchClient({ base: "https://finews.test/search", fetch: host.fetch }).search({ q: "央行 tes" });
    expect(response).toEqual({ total: 0, exact: true, hits: [] });
  });
});

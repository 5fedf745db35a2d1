import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { buildSearchIndex } from "@/lib/search/build";
import { createSearchClient } from "@/lib/search/client";
import { MANIFEST_PATH } from "@/lib/search/layout";
import { searchRecords } from "@/lib/search/records";
import { folderFetch, liveFreshArticles, serverSearchClient } from "@/lib/search/server";
import { writeSearchIndex } from "@/lib/search/write";
import { post, tempContentDir } from "../helpers/fixtures";
import { FIXTURE_RECORDS } from "./fixture-records";
import { memoryHost } from "./memory-fetch";

/** A content folder and the index `npm run build` wrote for it. */
function builtSite() {
  const contentDir = tempContentDir({
    "_posts/2024-01-01-a.md": post({ title: "央行开展逆回购操作", date: "2024-01-01 08:00:00 +0800", categories: "emnews" }, "央行今日开展逆回购操作。"),
    "_posts/2024-01-02-b.md": post({ title: "两市融资余额增加", date: "2024-01-02 08:00:00 +0800", categories: "wind" }, "融资余额较上一交易日增加。"),
  });
  const indexDir = mkdtempSync(path.join(os.tmpdir(), "finews-search-index-"));
  onTestFinished(() => rmSync(indexDir, { recursive: true, force: true }));
  writeSearchIndex(indexDir, buildSearchIndex(searchRecords(contentDir, loadContent(contentDir).index).records));
  return { contentDir, indexDir };
}

describe("folderFetch", () => {
  it("reads the index's files, and nothing outside its folder", async () => {
    const { indexDir } = builtSite();
    writeFileSync(path.join(path.dirname(indexDir), "finews-outside.json"), "{}");
    onTestFinished(() => rmSync(path.join(path.dirname(indexDir), "finews-outside.json"), { force: true }));
    const fetch = folderFetch(indexDir, "base:");
    const manifest = await fetch(`base:/${MANIFEST_PATH}`);
    expect(manifest.ok).toBe(true);
    expect(((await manifest.json()) as { docCount: number }).docCount).toBe(2);
    for (const url of ["base:/../finews-outside.json", "base:/no-such-file.json", "other:/manifest.json", "base:/", "base:/.."]) {
      const answer = await fetch(url);
      expect([url, answer.ok, answer.status]).toEqual([url, false, 404]);
    }
  });
});

describe("serverSearchClient", () => {
  it("answers from the build's index on disk, one client per process", async () => {
    const { contentDir, indexDir } = builtSite();
    const client = serverSearchClient(indexDir, contentDir);
    expect(serverSearchClient(indexDir, contentDir)).toBe(client);
    const response = await client.search({ q: "融资余额" });
    expect(response.hits.map((h) => [h.id, h.sourceKey])).toEqual([["2024-01-02-b", "wind"]]);
    expect((await client.search({ q: "央行", source: "wind" })).hits).toEqual([]);
  });

  it("merges the posts that arrived after the build, as fresh.json hands them to browsers", async () => {
    const { contentDir, indexDir } = builtSite();
    writeFileSync(path.join(contentDir, "_posts", "2024-01-03-c.md"), post({ title: "新到：橙色火烈鸟", date: "2024-01-03 08:00:00 +0800", categories: "emnews" }, "独有词橙色火烈鸟。"));
    const fresh = liveFreshArticles(contentDir, indexDir);
    expect(fresh.records.map((r) => r.id)).toEqual(["2024-01-03-c"]);
    expect(liveFreshArticles(contentDir, indexDir)).toBe(fresh); // once per state of the content
    const response = await serverSearchClient(indexDir, contentDir).search({ q: "火烈鸟" });
    expect(response.hits.map((h) => h.title)).toEqual(["新到：橙色火烈鸟"]);
  });
});

describe("createSearchClient's keepFragments", () => {
  const built = buildSearchIndex(FIXTURE_RECORDS, { shardBytes: 128, idsPerChunk: 4 });
  const fragmentRequests = (requests: string[]) => requests.filter((p) => /\/f\/\d+\.json$/.test(p)).length;
  const shardRequests = (requests: string[]) => requests.filter((p) => /\/t\/\d+\.bin$/.test(p)).length;

  it("keeps every file by default (a browser page)", async () => {
    const host = memoryHost(built.files);
    const client = createSearchClient({ base: "https://finews.test/search", fetch: host.fetch });
    await client.search({ q: "融资余额" });
    const once = [fragmentRequests(host.requests), shardRequests(host.requests)];
    await client.search({ q: "融资余额" });
    expect([fragmentRequests(host.requests), shardRequests(host.requests)]).toEqual(once);
  });

  it("off (a server): article texts are read per query, the index's own files once", async () => {
    const host = memoryHost(built.files);
    const client = createSearchClient({ base: "https://finews.test/search", fetch: host.fetch, keepFragments: false });
    const first = await client.search({ q: "融资余额" });
    const [fragments, shards] = [fragmentRequests(host.requests), shardRequests(host.requests)];
    expect(fragments).toBeGreaterThan(0);
    expect(await client.search({ q: "融资余额" })).toEqual(first);
    expect([fragmentRequests(host.requests), shardRequests(host.requests)]).toEqual([2 * fragments, shards]);
  });
});

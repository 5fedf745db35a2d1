/**
 * The download budget: at 10,000 articles a reader's first query must fetch
 * under 300 KB, gzip'd as a static host serves it, counting every file the
 * client asked for (manifest, doc table, shards, the shown fragments).
 * A size, not a timing: stable on any machine.
 */
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildSearchIndex } from "@/lib/search/build";
import { createSearchClient } from "@/lib/search/client";
import { memoryHost } from "./memory-fetch";
import { syntheticRecords } from "./synthetic";

const BUDGET = 300 * 1024;
const BASE = "https://finews.test/search";

describe("lib/search size budget", () => {
  it("a first query at 10,000 articles downloads under 300 KB gzip", { timeout: 240_000 }, async () => {
    const { files } = buildSearchIndex(syntheticRecords(10_000));
    const gzipped = (path: string) => gzipSync(files.get(path)!).length;
    // Common and rare terms, Han phrases, Latin words, a prefix, a code with a dot, two words.
    for (const q of ["新能源汽车", "央行", "融资余额", "公司", "Tesla", "tes", "00388.HK", "半导体 芯片", "宁德时代业绩"]) {
      const host = memoryHost(files, BASE);
      const response = await createSearchClient({ base: BASE, fetch: host.fetch }).search({ q });
      expect(response.hits.length, q).toBeGreaterThan(0);
      const bytes = host.requests.reduce((sum, path) => sum + gzipped(path), 0);
      expect(bytes, `${q}: ${host.requests.length} files`).toBeLessThan(BUDGET);
    }
  });
});

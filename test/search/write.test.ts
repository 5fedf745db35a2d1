import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildSearchIndex } from "@/lib/search/build";
import { writeSearchIndex } from "@/lib/search/write";
import { FIXTURE_RECORDS } from "./fixture-records";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "search-write-"));
  dirs.push(dir);
  return dir;
}

describe("lib/search write", () => {
  it("writes every file, then keeps the current and previous builds only", () => {
    const dir = path.join(tempDir(), "search");
    const builds = [0, 1, 2].map((n) => buildSearchIndex(FIXTURE_RECORDS.slice(n)));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "README.txt"), "not a build");

    const first = writeSearchIndex(dir, builds[0]);
    expect(first.written).toBe(builds[0].files.size);
    for (const [file, content] of builds[0].files) expect(fs.readFileSync(path.join(dir, file))).toEqual(Buffer.from(content));

    writeSearchIndex(dir, builds[1]);
    const third = writeSearchIndex(dir, builds[2]);
    expect(third.removed).toEqual([builds[0].stats.buildId]);
    const left = fs.readdirSync(dir).sort();
    expect(left).toEqual(["README.txt", builds[1].stats.buildId, builds[2].stats.buildId, "manifest.json"].sort());
    expect(JSON.parse(fs.readFileSync(path.join(dir, "manifest.json"), "utf8")).buildId).toBe(builds[2].stats.buildId);
  });

  it("leaves an unchanged build alone", () => {
    const dir = tempDir();
    const index = buildSearchIndex(FIXTURE_RECORDS);
    writeSearchIndex(dir, index);
    expect(writeSearchIndex(dir, index)).toEqual({ written: 1, removed: [] });
  });
});

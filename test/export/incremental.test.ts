/**
 * The static exporter's incremental export must equal a full export, file
 * for file: a second export of a changed folder (posts added, edited,
 * deleted, renamed, moved to another source) is compared with a fresh full
 * export of the same folder. Also: an unchanged folder renders nothing.
 *
 * The Next.js build it reads (its build id and the stylesheets its 404 page
 * links) is a stand-in folder with those three files: the exporter takes
 * nothing else from it.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import { exportSite, type ExportReport } from "@/scripts/export/export-site";
import { REPO_CONTENT_DIR } from "../helpers/fixtures";

let root: string;
let site: string;
let nextDist: string;

function fakeNextBuild(dir: string) {
  mkdirSync(path.join(dir, "server", "app"), { recursive: true });
  mkdirSync(path.join(dir, "static", "chunks"), { recursive: true });
  writeFileSync(path.join(dir, "BUILD_ID"), "test-build\n");
  writeFileSync(path.join(dir, "static", "chunks", "site.css"), "body{color:red}");
  writeFileSync(
    path.join(dir, "server", "app", "_not-found.html"),
    '<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/></head><body></body></html>',
  );
}

const exportTo = (outDir: string, cacheDir: string): Promise<ExportReport> =>
  exportSite({
    content: loadContent(site, undefined, { includeHidden: false }),
    contentDir: site,
    outDir,
    nextDistDir: nextDist,
    cacheDir,
    publicDir: path.join(REPO_CONTENT_DIR, "..", "public"),
    threads: 2,
    log: () => {},
  });

/** Every file under `dir` with its bytes, by relative path; the search index's earlier build folders left out. */
function tree(dir: string): Map<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(dir, "search-index", "manifest.json"), "utf8")) as { buildId: string };
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(dir, path.join(entry.parentPath, entry.name));
    const [top, build] = file.split(path.sep);
    if (top === "search-index" && /^[0-9a-f]{12}$/.test(build ?? "") && build !== manifest.buildId) continue;
    files.set(file, readFileSync(path.join(dir, file), "base64"));
  }
  return files;
}

const post = (title: string, date: string, category: string, tags: string, body: string) =>
  `---\nlayout: post\ntitle: "${title}"\ndate: ${date}\ncategories: ${category}\ntags: ${tags}\n---\n\n${body}\n\n<https://example.com/${encodeURIComponent(title)}>\n`;

beforeAll(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "finews-export-"));
  site = path.join(root, "site");
  nextDist = path.join(root, "next");
  cpSync(REPO_CONTENT_DIR, site, { recursive: true });
  fakeNextBuild(nextDist);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("scripts/export/export-site", () => {
  it("writes the same site incrementally as in full, after adds, edits, deletes, renames and a change of source", async () => {
    const out = path.join(root, "out");
    const cache = path.join(root, "cache");
    const first = await exportTo(out, cache);
    expect(first.full).toBe(true);
    expect(first.rendered).toBe(first.pages);

    const again = await exportTo(out, cache);
    expect(again).toMatchObject({ full: false, rendered: 0, removed: 0 });
    // A fresh checkout gives every file a new mtime, not new bytes: nothing to render either.
    const later = new Date(Date.now() + 60_000);
    for (const name of readdirSync(path.join(site, "_posts"))) utimesSync(path.join(site, "_posts", name), later, later);
    expect(await exportTo(out, cache)).toMatchObject({ full: false, rendered: 0 });

    const posts = path.join(site, "_posts");
    writeFileSync(path.join(posts, "2022-06-01-new-a.md"), post("新消息甲：央行降准", "2022-06-01 09:00:00 +0800", "emnews", "东财滚动新闻", "央行宣布降准。"));
    writeFileSync(path.join(posts, "2022-06-02-new-b.md"), post("新来源的第一篇", "2022-06-02 10:00:00 +0800", "brand-new-source", "新来源新闻", "第一篇。"));
    const edited = path.join(posts, "2021-12-08-202112082206735975.md");
    writeFileSync(edited, readFileSync(edited, "utf8").replace("国家知识产权局：打击非正常专利申请和商标恶意抢注行为", "已更正：国家知识产权局"));
    rmSync(path.join(posts, "2021-12-08-202112082206672930.md"));
    renameSync(path.join(posts, "2021-12-01-init.md"), path.join(posts, "2021-12-01-init-renamed.md"));
    const moved = path.join(posts, "2022-04-18-202204182346860319.md");
    writeFileSync(moved, readFileSync(moved, "utf8").replace(/^categories: .*$/m, "categories: moved-source"));

    const incremental = await exportTo(out, cache);
    expect(incremental.full).toBe(false);
    expect(incremental.rendered).toBeGreaterThan(0);
    expect(incremental.rendered).toBeLessThan(incremental.pages);
    expect(incremental.removed).toBeGreaterThan(0);

    const fresh = path.join(root, "fresh");
    const full = await exportTo(fresh, path.join(root, "fresh-cache"));
    expect(full.full).toBe(true);

    const got = tree(out);
    const want = tree(fresh);
    expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [file, bytes] of want) expect(got.get(file), file).toBe(bytes);
    // The deleted and the renamed post's old pages are gone.
    expect(got.has(path.join("articles", "2021-12-08-202112082206672930", "index.html"))).toBe(false);
    expect(got.has(path.join("articles", "2021-12-01-init", "index.html"))).toBe(false);
    expect(got.has(path.join("articles", "2021-12-01-init-renamed", "index.html"))).toBe(true);
  }, 120_000);

  it("exports everything again into an emptied folder when its manifest is gone", async () => {
    const out = path.join(root, "out2");
    await exportTo(out, path.join(root, "cache2"));
    writeFileSync(path.join(out, "stray.html"), "not the site's");
    const report = await exportTo(out, path.join(root, "cache2-lost"));
    expect(report.full).toBe(true);
    expect(readdirSync(out)).not.toContain("stray.html");
  }, 120_000);

  it("never blocks on a post file swapped for a FIFO after the folder was read", async () => {
    const dir = path.join(root, "swapped");
    cpSync(REPO_CONTENT_DIR, dir, { recursive: true });
    const content = loadContent(dir, undefined, { includeHidden: false });
    const victim = path.join(dir, content.index.articles[0].file);
    rmSync(victim);
    execFileSync("mkfifo", [victim]);
    const report = await exportSite({ content, contentDir: dir, outDir: path.join(root, "out-swapped"), nextDistDir: nextDist, cacheDir: path.join(root, "cache-swapped"), publicDir: path.join(REPO_CONTENT_DIR, "..", "public"), threads: 2, log: () => {} });
    expect(report.rendered).toBe(report.pages);
  }, 60_000);
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { JEKYLL_CONFIG, NOJEKYLL, jekyllPassProblem } from "@/lib/export/static-host";
import { compareTrees, jekyllAvailable, jekyllBuild, listFiles } from "@/e2e/support/jekyll";

/** Files an export holds, and the names Jekyll treats specially. */
const EXPORT_FILES: Record<string, string | Uint8Array> = {
  "index.html": "<!DOCTYPE html><html lang=\"zh-CN\"><link rel=\"stylesheet\" href=\"/_next/static/css/a1b2.css\">{{ not liquid }} {% raw %}</html>",
  "404.html": "<!DOCTYPE html><title>404</title>",
  "articles/2023-01-06-x.html": "<!DOCTYPE html><p>文章</p>",
  "category/emnews/page/2/index.html": "<!DOCTYPE html>",
  "_next/static/css/a1b2.css": "body{color:red}",
  "_next/static/chunks/_underscore.js": "void 0",
  "_headers": "/*\n  X-Frame-Options: DENY\n",
  "_redirects": "/wind/2023/01/05/x.html /articles/x 301\n",
  ".well-known/security.txt": "Contact: mailto:a@example.com\n",
  "#hash.html": "<!DOCTYPE html>",
  "~tilde.html": "<!DOCTYPE html>",
  "backup.html~": "old",
  "node_modules/x.js": "x",
  "vendor/bundle/x.txt": "x",
  "Gemfile": "source 'x'",
  "gemfiles/a": "x",
  ".sass-cache/a": "x",
  ".jekyll-cache/a": "x",
  "21shijijingjibaodao 21caijingapp/ignored-second/2023/01/06/202301060001.html": "<!DOCTYPE html><meta http-equiv=\"refresh\" content=\"0; url=/articles/x\">",
  "anxinguojizhengquan(xianggang)/2023/01/05/x.html": "<!DOCTYPE html>",
  "中国/发展/index.html": "<!DOCTYPE html>",
  "category/a b(c).html": "<!DOCTYPE html>",
  "feed.xml": "<?xml version=\"1.0\"?><feed/>",
  "search-index/shard-00.bin": new Uint8Array([0, 255, 45, 45, 45, 10, 1, 2]),
  "style.scss": "a { b: c }\n",
};

function writeTree(root: string, files: Record<string, string | Uint8Array>) {
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  }
}

function tempDir(name: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `finews-${name}-`));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe("lib/export/static-host", () => {
  it("writes an empty .nojekyll and a _config.yml that includes every special name and excludes nothing", () => {
    expect(NOJEKYLL).toEqual({ file: ".nojekyll", content: "" });
    expect(JEKYLL_CONFIG.file).toBe("_config.yml");
    for (const pattern of ['"_*"', '".*"', '"#*"', '"~*"', '"*~"', '"node_modules"', '"vendor/bundle/"', '"Gemfile"']) expect(JEKYLL_CONFIG.content).toContain(`  - ${pattern}\n`);
    expect(JEKYLL_CONFIG.content).toMatch(/^exclude: \[\]$/m);
  });

  it("names the files no Jekyll configuration lets through unchanged", () => {
    expect(jekyllPassProblem("articles/x.html", "<!DOCTYPE html>")).toBeUndefined();
    expect(jekyllPassProblem("_next/static/css/a.css", "body{}")).toBeUndefined();
    expect(jekyllPassProblem("articles/2021-01-01-x./index.html", "<!DOCTYPE html>")).toMatch(/ends in '\.'/);
    expect(jekyllPassProblem("x.txt", "---\ntitle: x\n---\n")).toMatch(/front matter/);
    expect(jekyllPassProblem("x.txt", new Uint8Array([45, 45, 45, 32, 13, 10]))).toMatch(/front matter/);
    expect(jekyllPassProblem("notes.md", "# A heading")).toMatch(/markdown/);
    expect(jekyllPassProblem("x.txt", "----\n")).toBeUndefined();
    expect(jekyllPassProblem("x.txt", "a\n---\n")).toBeUndefined();
  });
});

/** A real Jekyll pass, as GitHub Pages runs one over a branch without `.nojekyll`. */
describe.runIf(jekyllAvailable())("a jekyll build over an export with this _config.yml", () => {
  it("copies every file byte for byte, special names, spaces, CJK and binary files included", () => {
    const out = tempDir("jekyll-out");
    const site = tempDir("jekyll-site");
    writeTree(out, { ...EXPORT_FILES, [NOJEKYLL.file]: NOJEKYLL.content, [JEKYLL_CONFIG.file]: JEKYLL_CONFIG.content });
    jekyllBuild(out, site);
    expect(compareTrees(out, site)).toEqual({ missing: [], extra: [], changed: [] });
    for (const file of listFiles(out)) expect(jekyllPassProblem(file, ""), file).toBeUndefined();
  });

  it("without it, loses the stylesheet and the host files (why the export carries it)", () => {
    const out = tempDir("jekyll-out-bare");
    const site = tempDir("jekyll-site-bare");
    writeTree(out, EXPORT_FILES);
    jekyllBuild(out, site);
    const { missing } = compareTrees(out, site);
    expect(missing).toEqual(expect.arrayContaining(["_next/static/css/a1b2.css", "_headers", "_redirects", ".well-known/security.txt", "node_modules/x.js", "Gemfile"]));
  });

  it("still drops what jekyllPassProblem names", () => {
    const out = tempDir("jekyll-out-problems");
    const site = tempDir("jekyll-site-problems");
    const problems = { "articles/2021-01-01-x./index.html": "<!DOCTYPE html>", "front.txt": "---\ntitle: x\n---\n{{ page.title }}" };
    writeTree(out, { ...problems, "index.html": "<!DOCTYPE html>", [JEKYLL_CONFIG.file]: JEKYLL_CONFIG.content });
    jekyllBuild(out, site);
    const { missing, changed } = compareTrees(out, site);
    expect([...missing, ...changed].sort()).toEqual(Object.keys(problems).sort());
    for (const [file, content] of Object.entries(problems)) expect(jekyllPassProblem(file, content), file).toBeDefined();
  });
});

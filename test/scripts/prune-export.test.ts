import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pruneExport } from "../../scripts/prune-export";
import { tempContentDir } from "../helpers/fixtures";

const page = (css = "/_next/static/chunks/site.css") => `<!DOCTYPE html><html><head><link rel="stylesheet" href="${css}"></head><body><script src="/js/reader.js"></script></body></html>`;

describe("scripts/prune-export", () => {
  it("keeps pages, stylesheets, feeds and real text files; drops payloads, segment folders and unused chunks", () => {
    const out = tempContentDir({
      "index.html": page(),
      "index.txt": '1:"$Sreact.fragment"\n2:"/_next/static/chunks/a.js"',
      "__next._tree.txt": '0:{"b":"x"}',
      "robots.txt": "User-Agent: *\nAllow: /\n",
      "feed.xml": "<feed/>",
      "articles/a.html": page(),
      "articles/a.txt": ':HL["/_next/static/chunks/site.css","style"]',
      "articles/a/__next._full.txt": "1:x",
      "articles/a/__next.articles.$d$id.__PAGE__.txt": "1:x",
      "articles/notes.txt.html": page(),
      "category/x.html": page(),
      "category/x/page/2.html": page(),
      "category/x/__next._tree.txt": "0:x",
      "_next/static/chunks/site.css": "body{}",
      "_next/static/chunks/a.js": "console.log(1)",
      "_next/static/build-id/_buildManifest.js": "self.x=1",
      "_next/static/media/font.woff2": "woff",
      "js/reader.js": "reader",
      "search-index/manifest.json": "{}",
    });
    const result = pruneExport(out);
    const left = readdirSync(out, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(out, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
      .sort();
    expect(left).toEqual([
      ".nojekyll",
      "_next/static/chunks/site.css",
      "_next/static/media/font.woff2",
      "articles/a.html",
      "articles/notes.txt.html",
      "category/x.html",
      "category/x/page/2.html",
      "feed.xml",
      "index.html",
      "js/reader.js",
      "robots.txt",
      "search-index/manifest.json",
    ]);
    expect(result.removedFiles).toBe(8);
    // No folder is left beside a page unless it holds pages of its own.
    expect(existsSync(path.join(out, "articles", "a"))).toBe(false);
    expect(existsSync(path.join(out, "_next", "static", "build-id"))).toBe(false);
  });
});

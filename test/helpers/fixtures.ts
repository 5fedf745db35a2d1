/**
 * Fixture access for the unit tests. Everything the tests read lives under
 * `test/fixtures/` (or the repo's own `content/_posts/`); folder layouts that
 * `loadContent` needs are built in fresh temp dirs, removed after each test.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { onTestFinished } from "vitest";
import { decodePostBytes } from "@/lib/content/decode";
import { splitFrontMatter } from "@/lib/content/front-matter";
import type { SourceFile } from "@/lib/content/types";

export const FIXTURES_DIR = fileURLToPath(new URL("../fixtures/", import.meta.url));
export const REPO_CONTENT_DIR = fileURLToPath(new URL("../../content/", import.meta.url));

/** A fixed modification time (2020-01-02T03:04:05Z) so mtime fallbacks are checkable. */
export const FIXED_MTIME = Date.UTC(2020, 0, 2, 3, 4, 5);

export function fixtureBytes(relative: string): Uint8Array {
  const buffer = readFileSync(path.join(FIXTURES_DIR, relative));
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

export function fixtureText(relative: string): string {
  return readFileSync(path.join(FIXTURES_DIR, relative), "utf8");
}

/**
 * A fixture as `parsePost` sees it: `corpus/x.md` or `posts/x.md` becomes
 * `_posts/x.md`, as if it sat in a content folder.
 */
export function fixtureSource(relative: string, overrides: Partial<SourceFile> = {}): SourceFile {
  const name = path.basename(relative);
  return {
    path: path.join(FIXTURES_DIR, relative),
    relativePath: `_posts/${name}`,
    bytes: fixtureBytes(relative),
    mtimeMs: FIXED_MTIME,
    ...overrides,
  };
}

/** A post given as text, for cases too small to deserve a fixture file. */
export function textSource(relativePath: string, text: string, mtimeMs = FIXED_MTIME): SourceFile {
  return { path: `/virtual/${relativePath}`, relativePath, bytes: new TextEncoder().encode(text), mtimeMs };
}

/** The markdown body of a fixture post (after decoding and front matter). */
export function fixtureBody(relative: string): string {
  const decoded = decodePostBytes(fixtureBytes(relative));
  if (!decoded.ok) throw new Error(`${relative}: ${decoded.reason}`);
  const split = splitFrontMatter(decoded.text);
  if (!split.ok) throw new Error(`${relative}: ${split.reason}`);
  return split.body;
}

/**
 * A content folder in a fresh temp dir: keys are paths inside it
 * (`_posts/a.md`, `category/emnews.html`), values are text or bytes.
 * Every file gets FIXED_MTIME. Removed when the current test finishes.
 */
export function tempContentDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "finews-content-"));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(dir, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
    utimesSync(full, FIXED_MTIME / 1000, FIXED_MTIME / 1000);
  }
  return dir;
}

/** A minimal valid post. */
export function post(fields: { title?: string; date?: string; categories?: string; tags?: string }, body = "正文。"): string {
  const lines = ["---", "layout: post"];
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) lines.push(`${key}: ${value}`);
  lines.push("---", "", body);
  return lines.join("\n");
}

/** A folder with one post of each kind an editor meets: fine, repaired, and skipped for each reason. */
export function mixedFolder(): string {
  return tempContentDir({
    "_posts/2024-01-01-fine.md": post({ title: "正常", date: "2024-01-01 08:00:00 +0800", categories: "emnews", tags: "东财滚动新闻" }, "正文。\n\n<https://a.example/1>"),
    "_posts/2024-01-02-gbk.md": fixtureBytes("posts/gbk-encoded.md"),
    "_posts/2024-01-03-unclosed.md": fixtureBytes("posts/front-matter-never-closed.md"),
    "_posts/2024-01-04-quote.md": fixtureBytes("posts/broken-yaml-unclosed-quote.md"),
    "_posts/2024-01-05-bare.md": "只有正文，没有前言。\n",
    "_posts/2024-01-06-empty.md": "",
    "_posts/nothing.md": post({ categories: "emnews" }),
    "_posts/-202205262391921712.md": post({ title: "''", date: "'+0800'", categories: "emnews" }, "第一句。第二句。"),
  });
}

/** Whether this machine can make FIFOs (`mkfifo`); the tests that need one are skipped when it cannot. */
export const HAS_MKFIFO = (() => {
  try {
    execFileSync("mkfifo", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Makes a FIFO at `file`: opening it for reading blocks until a writer comes. */
export function mkfifo(file: string): void {
  execFileSync("mkfifo", [file]);
}

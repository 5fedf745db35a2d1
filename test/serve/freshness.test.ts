import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getContent, refreshContent, renderArticleFile } from "@/lib/content/content-store";
import { startContentWorker, type ContentWorker } from "@/lib/content/content-worker";
import { listPostFiles } from "@/lib/content/post-files";
import { readAndParsePost } from "@/lib/content/load-content";
import { contentLimits } from "@/lib/content/limits";
import { startFreshness, type Freshness } from "@/lib/serve/freshness";
import { toFrontMatterDate } from "@/lib/time";
import { post, tempContentDir } from "../helpers/fixtures";

let running: Freshness | undefined;
let worker: ContentWorker | undefined;
afterEach(async () => {
  await running?.close();
  await worker?.close();
  running = undefined;
  vi.unstubAllEnvs();
});
const aWorker = () => (worker = startContentWorker({ log: () => {} }));

const article = (title: string, date = "2024-01-01 08:00:00 +0800") => post({ title, date, categories: "emnews" }, "正文。\n\n<https://a.example/1>");

describe("lib/content/content-worker", () => {
  it("parses and renders in a worker thread what the main thread would make of the same files", async () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": article("甲"), "_posts/2024-01-02-b.md": "no front matter" });
    const entries = listPostFiles(dir);
    const thread = aWorker();
    expect(await thread.parse(entries)).toEqual(entries.map((e) => readAndParsePost(e, contentLimits())));
    const body = await thread.renderBody(dir, entries[0].relativePath);
    expect(body).toBe(renderArticleFile(dir, entries[0].relativePath));
    expect(body).toContain("<p>正文。</p>");
    expect(await thread.renderBody(dir, "_posts/gone.md")).toBeUndefined();
    expect(thread.stats()).toEqual({ offThread: 3, inline: 0 });
  });

  it("starts both threads when warmed up, before any work arrives", async () => {
    const thread = aWorker();
    await thread.warmUp();
    expect(thread.stats()).toEqual({ offThread: 2, inline: 0 });
  });
});

describe("lib/serve/freshness", () => {
  it("parses a new post off the main thread, then revalidates once with the changed file", async () => {
    vi.stubEnv("CONTENT_CACHE_DIR", "off");
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": article("甲") });
    expect(getContent(dir).published).toBe(1);
    const calls: string[][] = [];
    const lines: string[] = [];
    let parsedByRevalidate = -1;
    running = startFreshness({
      worker: aWorker(),
      contentDir: dir,
      watch: true,
      log: (line) => lines.push(line),
      revalidate: async (files) => {
        calls.push(files);
        const content = refreshContent(dir);
        parsedByRevalidate = content.parsed;
        return `${content.published} posts`;
      },
    });
    writeFileSync(path.join(dir, "_posts", "2024-01-02-b.md"), article("乙"));
    await vi.waitFor(() => expect(calls).toHaveLength(1), { timeout: 5_000 });
    expect(calls[0]).toEqual([path.join("_posts", "2024-01-02-b.md")]);
    // The worker had parsed it already: the refresh inside the hook only rebuilt the index.
    expect(parsedByRevalidate).toBe(0);
    expect(worker!.stats().offThread).toBe(1);
    expect(getContent(dir).index.articles.map((a) => a.title).sort()).toEqual(["乙", "甲"]);
    await vi.waitFor(() => expect(lines.some((l) => /^content changed \(_posts\/2024-01-02-b\.md\): 2 posts in \d+ ms$/.test(l))).toBe(true));
  });

  it("names a post over MAX_POST_BYTES and leaves it out, without the worker reading it", async () => {
    vi.stubEnv("CONTENT_CACHE_DIR", "off");
    vi.stubEnv("MAX_POST_BYTES", "2k");
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": article("甲") });
    getContent(dir);
    const summaries: string[] = [];
    running = startFreshness({
      worker: aWorker(),
      contentDir: dir,
      watch: true,
      log: () => {},
      revalidate: async () => {
        const content = refreshContent(dir);
        summaries.push(content.problems.map((p) => `${p.file}: ${p.reason}`).join("\n"));
        return "";
      },
    });
    writeFileSync(path.join(dir, "_posts", "2024-01-02-huge.md"), article("大".repeat(20_000)));
    await vi.waitFor(() => expect(summaries).toHaveLength(1), { timeout: 5_000 });
    expect(summaries[0]).toContain("_posts/2024-01-02-huge.md: is 58.7 KB, over the 2 KB limit (MAX_POST_BYTES); not read");
    expect(getContent(dir).published).toBe(1);
  });

  it("revalidates when a scheduled post's time comes, naming its file", async () => {
    vi.stubEnv("CONTENT_CACHE_DIR", "off");
    const soon = Date.now() + 1_500;
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": article("甲"), "_posts/2099-01-01-later.md": article("定时", toFrontMatterDate(soon)) });
    expect(getContent(dir).published).toBe(1);
    const calls: string[][] = [];
    running = startFreshness({
      worker: aWorker(),
      contentDir: dir,
      watch: false,
      log: () => {},
      revalidate: async (files) => {
        calls.push(files);
        return `${refreshContent(dir).published} posts`;
      },
    });
    await vi.waitFor(() => expect(calls).toEqual([["_posts/2099-01-01-later.md"]]), { timeout: 5_000 });
    expect(getContent(dir).published).toBe(2);
  });

  it("logs a failed revalidation as one line and keeps watching", async () => {
    vi.stubEnv("CONTENT_CACHE_DIR", "off");
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": article("甲") });
    getContent(dir);
    const lines: string[] = [];
    let fail = true;
    running = startFreshness({
      worker: aWorker(),
      contentDir: dir,
      watch: true,
      log: (line) => lines.push(line),
      revalidate: async () => {
        if (fail) throw new Error("hook answered 500");
        return "ok";
      },
    });
    writeFileSync(path.join(dir, "_posts", "2024-01-02-b.md"), article("乙"));
    await vi.waitFor(() => expect(lines.some((l) => l.endsWith("refresh failed: hook answered 500"))).toBe(true), { timeout: 5_000 });
    fail = false;
    rmSync(path.join(dir, "_posts", "2024-01-02-b.md"));
    await vi.waitFor(() => expect(lines.some((l) => /^content changed \(_posts\/2024-01-02-b\.md\): ok in \d+ ms$/.test(l))).toBe(true), { timeout: 5_000 });
  });
});

import { utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { ContentWorker } from "@/lib/content/content-worker";
import { articleBodies } from "@/lib/serve/article-bodies";
import { tempContentDir } from "../helpers/fixtures";

/** A worker that renders a file as `<p>` + its path + a count, and says how often it was asked. */
function countingWorker() {
  const asked: string[] = [];
  let release: (() => void) | undefined;
  const gate = { hold: false };
  const worker: ContentWorker = {
    parse: async () => [],
    renderBody: async (_dir, file) => {
      asked.push(file);
      if (gate.hold) await new Promise<void>((r) => (release = r));
      return `<p>${path.basename(file)} #${asked.length}</p>`;
    },
    stats: () => ({ offThread: asked.length, inline: 0 }),
    warmUp: async () => {},
    close: async () => {},
  };
  return { worker, asked, gate, release: () => release?.() };
}

describe("lib/serve/article-bodies", () => {
  it("renders a body once while its file is unchanged, and again once it changes", async () => {
    const dir = tempContentDir({ "_posts/a.md": "a" });
    const file = path.join(dir, "_posts", "a.md");
    const { worker, asked } = countingWorker();
    const bodies = articleBodies({ worker });
    expect(await bodies(dir, "_posts/a.md")).toBe("<p>a.md #1</p>");
    expect(await bodies(dir, "_posts/a.md")).toBe("<p>a.md #1</p>");
    expect(asked).toHaveLength(1);
    writeFileSync(file, "changed");
    utimesSync(file, new Date(), new Date(Date.now() + 5_000));
    expect(await bodies(dir, "_posts/a.md")).toBe("<p>a.md #2</p>");
    expect(await bodies(dir, "_posts/gone.md")).toBeUndefined();
    expect(asked).toHaveLength(2);
  });

  it("gives concurrent readers of one body one render", async () => {
    const dir = tempContentDir({ "_posts/a.md": "a" });
    const { worker, asked, gate, release } = countingWorker();
    gate.hold = true;
    const bodies = articleBodies({ worker });
    const readers = Promise.all([bodies(dir, "_posts/a.md"), bodies(dir, "_posts/a.md"), bodies(dir, "_posts/a.md")]);
    await new Promise((r) => setTimeout(r, 20));
    release();
    expect(await readers).toEqual(["<p>a.md #1</p>", "<p>a.md #1</p>", "<p>a.md #1</p>"]);
    expect(asked).toHaveLength(1);
  });

  it("keeps no more than its memory bound, least recently used out first", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 50; i++) files[`_posts/${i}.md`] = String(i);
    const dir = tempContentDir(files);
    const { worker } = countingWorker();
    const bodies = articleBodies({ worker, maxBytes: 2_000 });
    for (let i = 0; i < 50; i++) await bodies(dir, `_posts/${i}.md`);
    expect(bodies.size()).toBeGreaterThan(0);
    expect(bodies.size()).toBeLessThanOrEqual(2_000);
  });
});

import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEV_SITE_DIR, DEV_SITE_PORT, OTHER_SITE_DIST, OTHER_SITE_PORT } from "../playwright.config";

/**
 * `npm run dev` on a copy of e2e/fixtures/jekyll-site (the editors' preview),
 * next to `npm start` on another copy of the same folder (production).
 * The folder holds a draft, a `published: false` post and a post scheduled
 * for 2099, each with words found nowhere else.
 */
const dev = `http://localhost:${DEV_SITE_PORT}`;
const prod = `http://localhost:${OTHER_SITE_PORT}`;
const HIDDEN = [
  { id: "nev-outlook", title: "草稿：新能源汽车明年展望", label: "草稿", words: "草稿独有词紫色长颈鹿" },
  { id: "2023-01-08-unpublished", title: "撤回：某公司业绩预告", label: "未发布", words: "未发布独有词蓝色企鹅" },
  { id: "2099-01-01-scheduled", title: "定时：二〇九九年新年致辞", label: "定时发布", words: "定时独有词绿色海豚" },
];

// The dev server compiles each route on its first request.
test.describe.configure({ timeout: 120_000 });

test.describe("editors' preview in npm run dev", () => {
  test("lists every draft, unpublished and scheduled post on /drafts, newest first", async ({ page }) => {
    await page.goto(`${dev}/drafts`);
    const list = page.getByRole("list", { name: "草稿与待发布文章列表" });
    await expect(list.getByRole("listitem")).toHaveCount(3);
    const items = await list.getByRole("heading").allTextContents();
    // The scheduled post (2099) first; the draft's date is its file's time (the copy was just made).
    expect(items).toEqual(["定时发布定时：二〇九九年新年致辞", "草稿草稿：新能源汽车明年展望", "未发布撤回：某公司业绩预告"]);
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "草稿" })).toBeVisible();
  });

  for (const post of HIDDEN) {
    test(`shows the ${post.label} post with its banner and noindex`, async ({ page }) => {
      await page.goto(`${dev}/articles/${post.id}/`);
      await expect(page.locator("article h1")).toHaveText(post.title);
      const banner = page.getByRole("note", { name: "预览提示" });
      await expect(banner).toContainText(post.label);
      if (post.label === "定时发布") await expect(banner).toContainText("将于 2099-01-01 08:00 发布");
      await expect(page.locator(".article-body")).toContainText(post.words);
      await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
    });
  }

  test("an edit, a new post, a broken post and a deleted post show on the next load", async ({ page }, testInfo) => {
    const name = `live-${testInfo.project.name}`;
    const file = path.join(DEV_SITE_DIR, "_drafts", `${name}.md`);
    const write = (text: string) => writeFileSync(file, text);
    try {
      write('---\ntitle: "第一版标题"\ncategories: Wind\n---\n\n第一版正文。\n');
      await page.goto(`${dev}/articles/${name}/`);
      await expect(page.locator("article h1")).toHaveText("第一版标题");

      write('---\ntitle: "第二版标题"\ncategories: Wind\n---\n\n第二版正文。\n');
      await expect(async () => {
        await page.reload();
        await expect(page.locator("article h1")).toHaveText("第二版标题", { timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      await expect(page.locator(".article-body")).toContainText("第二版正文。");

      write('---\ntitle: "断了的引号\ncategories: Wind\n---\n\n正文。\n');
      await expect(async () => {
        await page.reload();
        await expect(page.getByRole("heading", { name: "这篇文章无法发布" })).toBeVisible({ timeout: 1000 });
      }).toPass({ timeout: 15_000 });
      await expect(page.getByText(new RegExp(`_drafts/${name}\\.md:\\d+: error: YAML: `))).toBeVisible();

      rmSync(file);
      await expect(async () => {
        const response = await page.reload();
        expect(response?.status()).toBe(404);
      }).toPass({ timeout: 15_000 });
    } finally {
      rmSync(file, { force: true });
    }
  });
});

test.describe("the same folder in production (npm run build, npm start)", () => {
  test("has no page, list entry or sitemap URL for any of them, and no /drafts", async ({ page, request }) => {
    for (const post of HIDDEN) {
      expect((await request.get(`${prod}/articles/${post.id}/`)).status(), post.id).toBe(404);
    }
    expect((await request.get(`${prod}/drafts`)).status()).toBe(404);
    // The index and every file it lists.
    let sitemap = await (await request.get(`${prod}/sitemap.xml`)).text();
    for (const [, loc] of sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)) sitemap += await (await request.get(`${prod}${new URL(loc).pathname}`)).text();
    expect(sitemap).toContain("/articles/2023-01-05-wind-bonds/");
    await page.goto(`${prod}/`);
    const home = await page.content();
    for (const post of HIDDEN) {
      expect(sitemap).not.toContain(post.id);
      expect(home).not.toContain(post.title);
    }
    await expect(page.getByRole("navigation", { name: "主导航" }).getByRole("link", { name: "草稿" })).toHaveCount(0);
  });

  test("leaves no trace of their text anywhere in the build output or the parse cache", () => {
    const roots = [OTHER_SITE_DIST, ".cache/content"];
    const files = roots.flatMap((root) => (readdirSync(root, { recursive: true, withFileTypes: true }) as import("node:fs").Dirent[]).filter((f) => f.isFile()).map((f) => path.join(f.parentPath, f.name)));
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        // The server writes its page cache through temporary files that vanish as they are renamed.
        if ((error as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw error;
      }
      for (const post of HIDDEN) {
        for (const needle of [post.words, post.title]) if (bytes.includes(Buffer.from(needle))) found.push(`${file}: ${needle}`);
      }
    }
    expect(found).toEqual([]);
  });
});

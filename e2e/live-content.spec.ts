import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { OTHER_SITE_DIR, OTHER_SITE_PORT } from "../playwright.config";

/**
 * `npm start` watches its content folder: a post added, changed or removed
 * is served within seconds, without a rebuild or restart.
 */
const base = `http://localhost:${OTHER_SITE_PORT}`;
const file = path.join(OTHER_SITE_DIR, "_posts", "2023-01-07-live-update.md");
const post = (title: string) =>
  `---\ntitle: "${title}"\ndate: 2023-01-07 08:00:00 +0800\ncategories: Wind\ntags: Wind资讯新闻\n---\n\n实时更新的正文。\n\n<https://www.wind.com.cn/news/live>\n`;

test.describe.configure({ mode: "serial" });

test.afterAll(() => rmSync(file, { force: true }));

test("a new post is served, listed, changed and removed without a rebuild", async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one server, one run");
  // Asked for before it exists: the 404 must not stick once the post arrives.
  expect((await request.get(`${base}/articles/2023-01-07-live-update`)).status()).toBe(404);
  writeFileSync(file, post("新发布：实时消息"));
  await expect.poll(async () => (await request.get(`${base}/articles/2023-01-07-live-update`)).status(), { timeout: 5_000 }).toBe(200);
  await page.goto(`${base}/`);
  await expect(page.getByRole("region", { name: "最新消息" }).getByRole("link", { name: "新发布：实时消息" })).toBeVisible();

  writeFileSync(file, post("已更正：实时消息"));
  await expect
    .poll(async () => (await (await request.get(`${base}/articles/2023-01-07-live-update`)).text()).includes("已更正：实时消息"), { timeout: 5_000 })
    .toBe(true);

  rmSync(file);
  await expect.poll(async () => (await request.get(`${base}/articles/2023-01-07-live-update`)).status(), { timeout: 5_000 }).toBe(404);
  await page.goto(`${base}/`);
  await expect(page.getByText("实时消息")).toHaveCount(0);
});

test("the revalidate hook refuses callers without the token", async ({ request }) => {
  const response = await request.post(`${base}/api/revalidate`);
  expect(response.status()).toBe(401);
});

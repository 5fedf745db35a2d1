import { rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { toFrontMatterDate } from "../lib/time";
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
  expect((await request.get(`${base}/articles/2023-01-07-live-update/`)).status()).toBe(404);
  writeFileSync(file, post("新发布：实时消息"));
  await expect.poll(async () => (await request.get(`${base}/articles/2023-01-07-live-update/`)).status(), { timeout: 5_000 }).toBe(200);
  await page.goto(`${base}/`);
  await expect(page.getByRole("region", { name: "最新消息" }).getByRole("link", { name: "新发布：实时消息" })).toBeVisible();

  writeFileSync(file, post("已更正：实时消息"));
  await expect
    .poll(async () => (await (await request.get(`${base}/articles/2023-01-07-live-update/`)).text()).includes("已更正：实时消息"), { timeout: 5_000 })
    .toBe(true);

  rmSync(file);
  await expect.poll(async () => (await request.get(`${base}/articles/2023-01-07-live-update/`)).status(), { timeout: 5_000 }).toBe(404);
  await page.goto(`${base}/`);
  await expect(page.getByText("实时消息")).toHaveCount(0);
});

test("a scheduled post goes live at its time, without a rebuild or another change", async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one server, one run");
  const scheduled = path.join(OTHER_SITE_DIR, "_posts", "2023-01-09-scheduled-live.md");
  const url = `${base}/articles/2023-01-09-scheduled-live/`;
  const goesLiveAt = Date.now() + 8_000;
  try {
    writeFileSync(scheduled, `---\ntitle: "定时发布：八秒后上线"\ndate: ${toFrontMatterDate(goesLiveAt)}\ncategories: Wind\ntags: Wind资讯新闻\n---\n\n定时发布的正文。\n`);
    // The server has seen the file (the watcher reacts within about a second) but must not show it yet.
    await page.waitForTimeout(2_500);
    expect(Date.now()).toBeLessThan(goesLiveAt - 1_000);
    expect((await request.get(url)).status()).toBe(404);
    await expect.poll(async () => (await request.get(url)).status(), { timeout: 20_000, intervals: [500] }).toBe(200);
    expect(Date.now()).toBeGreaterThanOrEqual(goesLiveAt - 1_000); // its clock, to the second of the front-matter date
    await page.goto(`${base}/`);
    await expect(page.getByRole("region", { name: "最新消息" }).getByRole("link", { name: "定时发布：八秒后上线" })).toBeVisible();
  } finally {
    rmSync(scheduled, { force: true });
  }
});

test("an open home page says how many new articles arrived, and shows them on click without a reload", async ({ page, request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one server, one run");
  const fresh = path.join(OTHER_SITE_DIR, "_posts", "2025-06-01-fresh.md");
  // The previous test's post must be gone from the page first, or the page would start from it.
  // (A page revalidated a moment ago can still be served once from the old render, so the browser's own copy is checked.)
  await page.clock.install();
  await expect
    .poll(
      async () => {
        await page.goto(`${base}/`);
        return page.content();
      },
      { timeout: 10_000 },
    )
    .not.toContain("scheduled-live");
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
  const polls: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/latest.json")) polls.push(r.url());
  });
  try {
    writeFileSync(fresh, `---\ntitle: "新消息：刚刚到达"\ndate: ${toFrontMatterDate(Date.now() - 60_000)}\ncategories: Wind\ntags: Wind资讯新闻\n---\n\n正文。\n`);
    // Wait until the server knows the post (its watcher and revalidation take a moment under load).
    await expect
      .poll(async () => JSON.stringify(await (await request.get(`${base}/latest.json`)).json()), { timeout: 10_000 })
      .toContain("2025-06-01-fresh");
    await page.clock.fastForward(30_000);
    expect(polls).toEqual([]); // not before a minute has passed
    await page.clock.fastForward(31_000);
    await expect.poll(() => polls.length).toBe(1);
    const notice = page.getByRole("button", { name: /^1 条新消息/ });
    await expect(notice).toBeVisible();
    await notice.click();
    await expect(page.getByRole("region", { name: "最新消息" }).getByRole("link", { name: "新消息：刚刚到达" })).toBeVisible();
    await expect(notice).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  } finally {
    rmSync(fresh, { force: true });
  }
});

test("the revalidate hook refuses callers without the token", async ({ request }) => {
  const response = await request.post(`${base}/api/revalidate`);
  expect(response.status()).toBe(401);
});

import { expect, test } from "@playwright/test";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { OTHER_SITE_DIR, OTHER_SITE_DIST, OTHER_SITE_PORT } from "../playwright.config";

/**
 * The second web server builds e2e/fixtures/jekyll-site (a Jekyll root with
 * awkward category slugs, a wrong category title and two broken posts).
 */
const base = `http://localhost:${OTHER_SITE_PORT}`;

test.describe("CONTENT_DIR pointed at another Jekyll folder", () => {
  test("serves that folder's posts, and only its readable ones", async ({ page }) => {
    const latest = page.getByRole("region", { name: "最新消息" });
    // Four ordinary posts, the path-traversal one and the XSS-vector post (e2e/security.spec.ts); the GBK and broken-YAML ones are skipped.
    // (The live-content tests ran on this server just before: the page revalidated after their last post left
    // can be answered once more from its old render, so it is loaded until that post is gone.)
    await expect
      .poll(
        async () => {
          await page.goto(`${base}/`);
          return latest.getByRole("listitem").count();
        },
        { timeout: 10_000 },
      )
      .toBe(6);
    await expect(latest).toContainText("新能源汽车销量同比增长");
    await expect(page.getByText("国标编码")).toHaveCount(0);
    await page.goto(`${base}/sources/`);
    await expect(page.getByText("共 5 个来源，6 篇文章")).toBeVisible();
  });

  test("slugs with parentheses, spaces and capitals get working category URLs named by their tags", async ({ page }) => {
    for (const [name, headline] of [
      ["安信国际证券(香港)新闻", "安信国际：港股通南向资金连续净流入"],
      ["21世纪经济报道新闻", "21财经：新能源汽车销量同比增长"],
      ["Wind资讯新闻", "Wind：一季度债券发行规模创新高"],
    ]) {
      await page.goto(`${base}/`);
      await page.getByRole("link", { name, exact: true }).first().click();
      await expect(page).toHaveURL(/\/category\/[a-z0-9_-]+\/$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
      await page.getByRole("link", { name: headline }).click();
      await expect(page.locator("article h1")).toHaveText(headline);
      await page.getByRole("link", { name: `返回${name}` }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
    }
  });

  test("a category named '../../x/<BEL>etc' gets a working URL and writes nothing outside the build", async ({ page }) => {
    await page.goto(`${base}/articles/2023-01-07-traversal/`);
    await page.getByRole("link", { name: "返回越界来源新闻" }).click();
    await expect(page).toHaveURL(/\/category\/x-etc-[0-9a-f]{8}\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("越界来源新闻");
    await expect(page.getByRole("link", { name: "路径穿越分类测试：央行开展逆回购操作" })).toBeVisible();
    // Had the slug reached a file path, `../../x/etc` would have left a file named `etc…` somewhere.
    const stray = (root: string) => (readdirSync(root, { recursive: true }) as string[]).filter((f) => /(^|\/)etc(\.|$)/.test(f));
    expect(stray(OTHER_SITE_DIST)).toEqual([]);
    for (const outside of ["x", path.join(OTHER_SITE_DIR, "x"), path.join(OTHER_SITE_DIR, "..", "x")]) expect(existsSync(outside), outside).toBe(false);
  });

  test("old Jekyll links redirect permanently to the new pages", async ({ page, request }) => {
    const redirect = async (path: string) => {
      const response = await request.get(`${base}${path}`, { maxRedirects: 0 });
      // Exactly one Location field: Node's fetch joins two into one broken URL, and a browser may refuse the answer.
      const locations = response.headersArray().filter((h) => h.name.toLowerCase() === "location").map((h) => h.value);
      expect(locations.length, path).toBeLessThanOrEqual(1);
      return { status: response.status(), location: locations[0] };
    };
    // Jekyll's default post permalink; the category segment does not matter.
    expect(await redirect("/Wind/2023/01/05/wind-bonds.html")).toEqual({ status: 308, location: "/articles/2023-01-05-wind-bonds/" });
    expect(await redirect("/wind/2023/01/05/wind-bonds.html")).toEqual({ status: 308, location: "/articles/2023-01-05-wind-bonds/" });
    expect((await redirect("/Wind/2023/01/04/wind-bonds.html")).status).toBe(404);
    // Category pages, a slug with parentheses included.
    const parens = await redirect("/category/anxinguojizhengquan(xianggang).html");
    expect(parens.status).toBe(308);
    expect(parens.location).toMatch(/^\/category\/anxinguojizhengquan-xianggang-[0-9a-f]{8}\/$/);
    expect((await redirect("/category/no-such-source.html")).status).toBe(404);
    // The old per-category folder, with or without its slash, in one hop; a listing's page 1 is the listing.
    const folder = await redirect("/Wind/");
    expect(folder.status).toBe(308);
    expect(folder.location).toMatch(/^\/category\/wind-[0-9a-f]{8}\/$/);
    expect(await redirect("/Wind")).toEqual(folder);
    expect(await redirect(`${folder.location}page/1/`)).toEqual(folder);
    expect(await redirect(`${folder.location}page/1`)).toEqual(folder);
    // The old per-category folder, followed to the end by a browser.
    await page.goto(`${base}/Wind/`);
    await expect(page).toHaveURL(/\/category\/wind-[0-9a-f]{8}\/$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wind资讯新闻");
    expect((await request.get(`${base}/no-such-folder/`)).status()).toBe(404);
  });

  test("an offset-less date means Beijing time and canonical links use SITE_URL", async ({ page }) => {
    await page.goto(`${base}/articles/2023-01-05-202301050001/`);
    await expect(page.locator("article time").first()).toHaveAttribute("datetime", "2023-01-05T10:00:00+08:00");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
      "href",
      "https://news.example.com/articles/2023-01-05-202301050001/",
    );
  });
});

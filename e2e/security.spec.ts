import { expect, type Page, test } from "@playwright/test";
import { OTHER_SITE_PORT } from "../playwright.config";

/** Records CSP violations and any dialog-style call, before the page's own scripts run. */
async function watchForViolations(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[]; __calls: string[] };
    w.__violations = [];
    w.__calls = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    for (const name of ["alert", "confirm", "prompt", "print"] as const) {
      window[name] = ((...args: unknown[]) => {
        w.__calls.push(`${name}(${args.map(String).join(",")})`);
      }) as never;
    }
  });
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const consoleViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  });
  return {
    async expectNone() {
      const seen = await page.evaluate(() => {
        const w = window as unknown as { __violations: string[]; __calls: string[] };
        return { violations: w.__violations, calls: w.__calls };
      });
      expect(seen.violations, "CSP violations reported by the page").toEqual([]);
      expect(consoleViolations, "CSP messages on the console").toEqual([]);
      expect(seen.calls, "alert/confirm/prompt/print called").toEqual([]);
      expect(dialogs, "dialogs opened").toEqual([]);
    },
  };
}

test("pages carry the security headers", async ({ request }) => {
  for (const path of ["/", "/category/emnews/", "/articles/2021-12-08-202112082206735975/", "/no-such-page"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"];
    expect(csp, path).toMatch(/script-src 'self' 'sha256-[^']+';/);
    expect(csp, path).not.toContain("unsafe-inline");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).toContain("base-uri 'none'");
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("form-action 'self'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], path).toContain("camera=()");
    expect(headers["x-powered-by"], path).toBeUndefined();
  }
});

test("a reader's journey runs under the policy without a single violation", async ({ page }) => {
  const watch = await watchForViolations(page);
  await page.goto("/");
  await page.getByRole("link", { name: "东财滚动新闻", exact: true }).first().click();
  await expect(page).toHaveURL(/\/category\/emnews\/$/);
  await page.getByRole("navigation", { name: "分页" }).getByRole("link", { name: "下一页" }).click();
  await expect(page).toHaveURL(/\/page\/2\/$/);
  await page.getByRole("list", { name: "东财滚动新闻文章列表" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/articles\//);
  await expect(page.locator("article h1")).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\/page\/2\/$/);
  await watch.expectNone();
});

test.describe("a post carrying hundreds of XSS vectors", () => {
  const url = `http://localhost:${OTHER_SITE_PORT}/articles/2024-03-05-xss-vectors/`;

  test("runs none of them, keeps its text and the page's layout", async ({ page }) => {
    const watch = await watchForViolations(page);
    const response = await page.goto(url);
    expect(response?.status()).toBe(200);
    const article = page.locator("article");
    // The title's markup is text, shown as written.
    await expect(article.getByRole("heading", { level: 1 })).toHaveText('恶意代码测试 <script>alert("title")</script>');
    await expect(page).toHaveTitle(/^恶意代码测试 <script>alert\("title"\)<\/script>/);
    const body = article.locator(".article-body");
    await expect(body).toContainText("这是一篇包含攻击向量的测试文章，正文开头。");
    await expect(body).toContainText("正文结尾：读者应看到这句话。");
    // Give late vectors (timers, lazy images, animations) a moment to fire.
    await page.waitForTimeout(1500);
    await page.mouse.move(10, 10);
    await page.mouse.move(400, 400);

    const found = await body.evaluate((root) => {
      const bad: string[] = [];
      for (const el of root.querySelectorAll("*")) {
        if (/^(script|iframe|object|embed|form|base|meta|style|link|svg|math|frame|frameset|input|button|textarea|select|template)$/i.test(el.localName)) bad.push(`<${el.localName}>`);
        for (const attr of el.attributes) {
          if (/^on/i.test(attr.name) || attr.name === "style" || attr.name === "srcdoc" || attr.name === "formaction") bad.push(`${el.localName}[${attr.name}]`);
          if (/^(href|src|action|xlink:href|srcset|poster|background)$/i.test(attr.name) && /^\s*(javascript|vbscript|data):/i.test(attr.value.replace(/[\u0000-\u001f]/g, ""))) bad.push(`${el.localName}[${attr.name}=${attr.value}]`);
        }
      }
      return bad;
    });
    expect(found).toEqual([]);
    // Only the page's own scripts: none inside the article, none from another origin.
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src).filter((src) => src && new URL(src).origin !== location.origin));
    expect(scripts).toEqual([]);

    // The layout holds: header, article and footer in place, nothing wider than the screen.
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.getByRole("contentinfo")).toBeVisible();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await watch.expectNone();
  });
});

import { expect, type Page, test } from "@playwright/test";

/** An article whose body links to other sites (quotes on eastmoney.com), with tags and a source link. */
const ARTICLE = "/articles/-202205262391921712/";
const DARK_PAGE = "rgb(13, 17, 23)"; // --color-page in the dark theme
const LIGHT_PAGE = "rgb(246, 247, 249)"; // --color-page in the light theme

interface Recorded {
  /** `data-theme` when `<body>` first exists: nothing of the page can have been painted yet. */
  atBody?: string;
  /** `data-theme` at DOMContentLoaded. */
  atDomContentLoaded?: string;
  /** Every value `data-theme` took, in order: one entry means the theme never changed on load. */
  changes: (string | null)[];
  violations: string[];
}

/**
 * Before the page's own scripts run, record when and how `<html data-theme>`
 * is set, and any CSP violation. A page that flashes the wrong theme either
 * sets `data-theme` after `<body>` exists or changes it during hydration.
 */
async function record(page: Page) {
  await page.addInitScript(() => {
    const r: Recorded = { changes: [], violations: [] };
    (window as unknown as { __theme: Recorded }).__theme = r;
    const theme = () => document.documentElement?.dataset.theme;
    new MutationObserver((mutations) => {
      for (const m of mutations) {
        if (m.type === "attributes") r.changes.push((m.target as Element).getAttribute("data-theme"));
      }
      if (document.body && !("atBody" in r)) r.atBody = theme();
    }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-theme"] });
    document.addEventListener("DOMContentLoaded", () => {
      r.atDomContentLoaded = theme();
    });
    document.addEventListener("securitypolicyviolation", (e) => r.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const consoleViolations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) consoleViolations.push(message.text());
  });
  return {
    get: () => page.evaluate(() => (window as unknown as { __theme: Recorded }).__theme),
    async expectNoViolations() {
      const { violations } = await page.evaluate(() => (window as unknown as { __theme: Recorded }).__theme);
      expect(violations, "CSP violations reported by the page").toEqual([]);
      expect(consoleViolations, "CSP messages on the console").toEqual([]);
    },
  };
}

/** The theme was set once, before `<body>` existed, and never changed while the page loaded. */
async function expectSetBeforePaint(recorded: Awaited<ReturnType<typeof record>>, theme: "light" | "dark") {
  const r = await recorded.get();
  expect(r.atBody, "data-theme when <body> first exists").toBe(theme);
  expect(r.atDomContentLoaded, "data-theme at DOMContentLoaded").toBe(theme);
  expect(r.changes, "every value data-theme took").toEqual([theme]);
}

const bodyBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const toggle = (page: Page) => page.getByRole("banner").getByRole("button", { name: /^切换(深色|浅色)模式$/ });

test("a dark system gets the dark theme from the first paint", async ({ page }) => {
  const recorded = await record(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expectSetBeforePaint(recorded, "dark");
  expect(await bodyBackground(page)).toBe(DARK_PAGE);
  // After hydration the switch says what it will do.
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "true");
  await expect(toggle(page)).toHaveAccessibleName("切换浅色模式");
  expect((await recorded.get()).changes).toEqual(["dark"]);
  await recorded.expectNoViolations();
});

test("a light system gets the light theme", async ({ page }) => {
  const recorded = await record(page);
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto(ARTICLE);
  await expectSetBeforePaint(recorded, "light");
  expect(await bodyBackground(page)).toBe(LIGHT_PAGE);
  await expect(toggle(page)).toHaveAttribute("aria-pressed", "false");
  await expect(toggle(page)).toHaveAccessibleName("切换深色模式");
  await recorded.expectNoViolations();
});

test("the switch toggles light and dark, and the choice survives a reload without a flash", async ({ page }) => {
  const recorded = await record(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(ARTICLE);
  const button = toggle(page);
  // Pressed once hydrated (the server cannot know the theme): the switch is live.
  await expect(button).toHaveAttribute("aria-pressed", "true");
  const box = await button.boundingBox();
  expect(box?.width, "touch target width").toBeGreaterThanOrEqual(44);
  expect(box?.height, "touch target height").toBeGreaterThanOrEqual(44);

  await button.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(button).toHaveAttribute("aria-pressed", "false");
  await expect(button).toHaveAccessibleName("切换深色模式");
  expect(await bodyBackground(page)).toBe(LIGHT_PAGE);
  expect(await page.evaluate(() => localStorage.getItem("theme"))).toBe("light");

  // The stored choice beats the dark system, from the first paint.
  await page.reload();
  await expectSetBeforePaint(recorded, "light");
  expect(await bodyBackground(page)).toBe(LIGHT_PAGE);
  await expect(button).toHaveAccessibleName("切换深色模式");

  // Hydrated? Then a click switches back (a click before hydration would be lost).
  await expect(async () => {
    await button.click();
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark", { timeout: 1000 });
  }).toPass();
  await expect(button).toHaveAttribute("aria-pressed", "true");
  await expect(button).toHaveAccessibleName("切换浅色模式");
  expect(await page.evaluate(() => localStorage.getItem("theme"))).toBe("dark");

  // And a light system still gets the stored dark.
  await page.emulateMedia({ colorScheme: "light" });
  await page.reload();
  await expectSetBeforePaint(recorded, "dark");
  expect(await bodyBackground(page)).toBe(DARK_PAGE);

  // Focus is visible on the switch.
  await button.focus();
  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Tab");
  await expect(button).toBeFocused();
  expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
  await recorded.expectNoViolations();
});

test("printing an article prints the article only, black on white", async ({ page }) => {
  const recorded = await record(page);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto(ARTICLE);
  await page.emulateMedia({ media: "print", colorScheme: "dark" });

  // CSS locators: a role locator would find nothing once the element is hidden, and pass for the wrong reason.
  for (const selector of [".site-header", ".site-footer", 'nav[aria-label="面包屑导航"]', ".theme-toggle", ".skip-link", 'ul[aria-label="标签"]', ".back-to-category"]) {
    await expect(page.locator(selector), selector).toHaveCount(1);
    await expect(page.locator(selector), selector).toBeHidden();
  }

  const article = page.locator("article");
  await expect(article.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(article.locator(".article-body")).toBeVisible();
  const colours = await article.evaluate((el) => ({
    body: getComputedStyle(document.body).backgroundColor,
    card: getComputedStyle(el).backgroundColor,
    cardBorder: getComputedStyle(el).borderTopWidth,
    headline: getComputedStyle(el.querySelector("h1") as Element).color,
    text: getComputedStyle(el.querySelector(".article-body") as Element).color,
  }));
  expect(colours).toEqual({ body: "rgb(255, 255, 255)", card: "rgba(0, 0, 0, 0)", cardBorder: "0px", headline: "rgb(0, 0, 0)", text: "rgb(0, 0, 0)" });

  // Text links in the body print their address.
  const link = article.locator('.article-body a[href^="http"]:not(:has(img))').first();
  const href = await link.getAttribute("href");
  const after = await link.evaluate((a) => getComputedStyle(a, "::after").content);
  expect([`" (${href})"`, '" (" attr(href) ")"']).toContain(after);
  const imageLink = article.locator('.article-body a[href^="http"]:has(img)').first();
  expect(await imageLink.evaluate((a) => getComputedStyle(a, "::after").content)).toBe("none");

  // Back on screen, the chrome returns.
  await page.emulateMedia({ media: "screen" });
  await expect(page.getByRole("banner")).toBeVisible();
  await recorded.expectNoViolations();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, colorScheme: "dark" });

  test("the page follows a dark system and shows no dead switch", async ({ page }) => {
    await page.goto(ARTICLE);
    expect(await page.locator("html").getAttribute("data-theme")).toBeNull();
    await expect(page.getByRole("banner")).toBeVisible();
    await expect(page.locator(".theme-toggle")).toBeHidden();
    const background = await page.locator("body").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe(DARK_PAGE);
  });
});

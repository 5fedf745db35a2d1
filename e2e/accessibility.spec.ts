import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

/**
 * axe-core on every kind of page, in light and dark colour schemes: no
 * WCAG 2.0/2.1 A or AA violation. A failure lists each rule with its impact
 * and the first offending element, so it can be fixed without a rerun.
 */
const PAGES: { name: string; path: string; status?: number; ready?: string }[] = [
  { name: "home", path: "/" },
  { name: "category", path: "/category/emnews/" },
  { name: "category page 2", path: "/category/emnews/page/2/" },
  { name: "article", path: "/articles/2021-12-08-202112082206735975/" },
  { name: "404", path: "/no-such-page", status: 404 },
  // Results are drawn by the page's script: checked once they are there (highlights included).
  { name: "search with results", path: "/search/?q=%E5%8C%97%E5%90%91%E8%B5%84%E9%87%91", ready: ".search-results mark" },
];

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Violations = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"];

function describeViolations(violations: Violations): string {
  return violations
    .map((v) => {
      const node = v.nodes[0];
      const more = v.nodes.length > 1 ? ` (+${v.nodes.length - 1} more)` : "";
      const summary = (node?.failureSummary ?? "").replace(/\s*\n\s*/g, " ");
      return `- ${v.id} [${v.impact ?? "?"}] ${v.help}: ${JSON.stringify(node?.target ?? [])}${more}\n    ${summary}`;
    })
    .join("\n");
}

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`axe, ${colorScheme} scheme`, () => {
    for (const { name, path, status = 200, ready } of PAGES) {
      test(`${name} (${path}) has no WCAG A/AA violations`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        const response = await page.goto(path);
        expect(response?.status(), `status of ${path}`).toBe(status);
        await page.waitForLoadState("load");
        if (ready) await expect(page.locator(ready).first()).toBeVisible();
        // Once the site has themes, the page must be in the emulated one (else "dark" would test light twice).
        const theme = await page.locator("html").getAttribute("data-theme");
        if (theme !== null) expect(theme, "<html data-theme>").toBe(colorScheme);
        const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
        expect(violations.length, `axe violations on ${path} (${colorScheme}):\n${describeViolations(violations)}\n`).toBe(0);
      });
    }
  });
}

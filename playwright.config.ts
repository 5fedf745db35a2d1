import { tmpdir } from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { SYSTEM_CHROMIUM, SYSTEM_CHROMIUM_FLAGS } from "./scripts/system-chromium";

/**
 * End-to-end tests drive the built site in Chromium. This machine cannot
 * download Playwright's browsers, so Debian's /usr/bin/chromium is used when
 * present; elsewhere Playwright's own browser is.
 */
const PORT = Number(process.env.E2E_PORT || 3100);
/** A second server on another Jekyll folder, proving CONTENT_DIR works end to end. */
export const OTHER_SITE_PORT = PORT + 1;
/** Where that server's content lives: a fresh copy of the fixture site that tests may change. */
export const OTHER_SITE_DIST = ".next-e2e-other";
export const OTHER_SITE_DIR = path.join(tmpdir(), `finews-e2e-site-${OTHER_SITE_PORT}`);
/** Lets the tests call that server's revalidate hook as an operator would (a test value, not a secret). */
export const OTHER_SITE_REVALIDATE_TOKEN = "e2e-operator-token-0123456789";

/** `npm run dev` on a third copy of the same fixture site: the editors' preview. */
export const DEV_SITE_PORT = PORT + 2;
export const DEV_SITE_DIR = path.join(tmpdir(), `finews-e2e-dev-${DEV_SITE_PORT}`);

/** A static export of the fixture site, served as plain files: what works without a server. */
export const STATIC_SITE_PORT = PORT + 3;
/** Where e2e/static-copy.ts builds that export: a snapshot of the work tree, whose out/ is the site. */
export const STATIC_SITE_TREE = path.join(tmpdir(), `finews-e2e-static-${STATIC_SITE_PORT}`);

/**
 * A static export put through Debian's jekyll as a GitHub Pages branch deploy would, served
 * as Pages serves files (e2e/github-pages.ts); and the same built and served under a project
 * site's base path.
 */
export const GITHUB_PAGES_PORT = PORT + 4;
export const GITHUB_PAGES_BASE_PORT = PORT + 5;
export const GITHUB_PAGES_BASE_PATH = "/finews";

export default defineConfig({
  testDir: "e2e",
  timeout: 30_000,
  fullyParallel: false,
  workers: 1,
  reporter: process.env.CI ? "list" : "line",
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "off",
    launchOptions: SYSTEM_CHROMIUM ? { executablePath: SYSTEM_CHROMIUM, args: SYSTEM_CHROMIUM_FLAGS } : {},
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } } },
    { name: "mobile", use: { ...devices["Pixel 7"], viewport: { width: 390, height: 844 } } },
  ],
  // Always fresh builds of the current code, then the real `npm start`. Built in a
  // far-from-Shanghai zone: pages must not depend on the machine's TZ.
  webServer: [
    {
      command: `npm run build && npm start -- -p ${PORT}`,
      url: `http://localhost:${PORT}/`,
      env: { TZ: "America/Los_Angeles" },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `rm -rf "${OTHER_SITE_DIR}" && cp -r e2e/fixtures/jekyll-site "${OTHER_SITE_DIR}" && npm run build && npm start -- -p ${OTHER_SITE_PORT}`,
      url: `http://localhost:${OTHER_SITE_PORT}/`,
      env: {
        TZ: "America/Los_Angeles",
        CONTENT_DIR: OTHER_SITE_DIR,
        NEXT_DIST_DIR: OTHER_SITE_DIST,
        SITE_URL: "https://news.example.com",
        REVALIDATE_TOKEN: OTHER_SITE_REVALIDATE_TOKEN,
      },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `rm -rf "${DEV_SITE_DIR}" && cp -r e2e/fixtures/jekyll-site "${DEV_SITE_DIR}" && npm run dev -- -p ${DEV_SITE_PORT}`,
      url: `http://localhost:${DEV_SITE_PORT}/drafts`,
      env: {
        TZ: "America/Los_Angeles",
        CONTENT_DIR: DEV_SITE_DIR,
        NEXT_DIST_DIR: ".next-e2e-dev",
      },
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `npx tsx e2e/static-copy.ts ${STATIC_SITE_PORT}`,
      url: `http://localhost:${STATIC_SITE_PORT}/`,
      env: { TZ: "America/Los_Angeles", SITE_URL: "https://news.example.com" },
      // A whole export (every page a file), built beside three other servers.
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `npx tsx e2e/github-pages.ts ${GITHUB_PAGES_PORT}`,
      url: `http://localhost:${GITHUB_PAGES_PORT}/`,
      env: { TZ: "America/Los_Angeles", SITE_URL: "https://news.example.com" },
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
    {
      command: `npx tsx e2e/github-pages.ts ${GITHUB_PAGES_BASE_PORT} --base-path ${GITHUB_PAGES_BASE_PATH}`,
      url: `http://localhost:${GITHUB_PAGES_BASE_PORT}${GITHUB_PAGES_BASE_PATH}/`,
      env: { TZ: "America/Los_Angeles", SITE_URL: "https://news.example.com" },
      timeout: 600_000,
      reuseExistingServer: false,
      stdout: "pipe",
    },
  ],
});

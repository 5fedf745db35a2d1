/**
 * Debian's Chromium, which the e2e tests and the Lighthouse audit use when it
 * is installed (this machine cannot download Playwright's browsers), with
 * the flags it needs here: no sandbox as root, no GPU, and no background
 * traffic to Google.
 */
import { existsSync } from "node:fs";

const PATH = "/usr/bin/chromium";

export const SYSTEM_CHROMIUM = existsSync(PATH) ? PATH : undefined;

export const SYSTEM_CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { DEV_SITE_PORT, OTHER_SITE_PORT, OTHER_SITE_REVALIDATE_TOKEN } from "../playwright.config";

/**
 * What strangers send a public `npm start` all day: URLs for pages that do
 * not exist, oversized bodies. None of it may leave a trace on disk or grow
 * without bound. And the editors' preview, which shows drafts, must not be
 * reachable from other machines.
 */
test.describe.configure({ mode: "serial" });

/** Files and bytes under a folder. */
function folderSize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

test("URLs for pages that do not exist leave the build folder as it was", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one server, one run");
  const before = folderSize(".next");
  const unknown = (i: number) => [
    `/articles/no-such-article-${i}/`,
    `/tags/no-such-tag-${i}/`,
    `/category/emnews/page/${900 + i}`,
    `/category/no-such-source-${i}/feed.xml`,
    `/sitemaps/articles-${900 + i}.xml`,
  ];
  for (let i = 0; i < 60; i++) {
    const answers = await Promise.all(unknown(i).map((url) => request.get(url, { maxRedirects: 0 })));
    for (const answer of answers) expect(answer.status(), answer.url()).toBe(404);
  }
  // Each of these 300 URLs used to leave a page-cache entry of 6-7 files (about 36 KB) in .next for good.
  expect(folderSize(".next")).toEqual(before);
});

test("the revalidate hook refuses a body over 1 MB, even from a token holder", async ({ request }, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one server, one run");
  const hook = `http://localhost:${OTHER_SITE_PORT}/api/revalidate`;
  const authorization = `Bearer ${OTHER_SITE_REVALIDATE_TOKEN}`;
  const huge = JSON.stringify({ files: Array.from({ length: 80_000 }, (_, i) => `_posts/2024-01-01-${i}.md`) });
  expect(huge.length).toBeGreaterThan(1024 * 1024);
  const refused = await request.post(hook, { headers: { authorization, "content-type": "application/json" }, data: huge });
  expect(refused.status()).toBe(413);
  expect((await request.post(hook, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status()).toBe(401);
  const accepted = await request.post(hook, { headers: { authorization, "content-type": "application/json" }, data: { files: ["_posts/2024-01-01-x.md"] } });
  expect(accepted.status()).toBe(200);
  expect((await accepted.json()).summary).toMatch(/posts published/);
});

/** Listening TCP sockets on `port`, as the kernel lists them (Linux). */
function listeningAddresses(port: number): string[] {
  const found: string[] = [];
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.trim().split("\n").slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [hexAddress, hexPort] = local.split(":");
      if (state === "0A" && parseInt(hexPort, 16) === port) found.push(hexAddress);
    }
  }
  return found;
}

const LOOPBACK = new Set(["0100007F", "00000000000000000000000001000000"]);

test("npm run dev (drafts) listens on loopback only", async ({}, testInfo) => {
  test.skip(testInfo.project.name !== "desktop", "one server, one run");
  test.skip(process.platform !== "linux", "reads the kernel's socket table");
  const addresses = listeningAddresses(DEV_SITE_PORT);
  expect(addresses.length).toBeGreaterThan(0);
  // 00000000 (0.0.0.0) or all-zero IPv6 (::) would be every interface: drafts on the network.
  for (const address of addresses) expect(LOOPBACK.has(address), `listening on ${address}`).toBe(true);
});

/**
 * The e2e suite's fourth server: a static export of the fixture site,
 * served as plain files (scripts/serve-export.ts), to prove that what needs
 * no server (pages, search) works from a static copy.
 *
 *   npx tsx e2e/static-copy.ts <port>
 *
 * The export runs in a snapshot of the work tree: Next.js writes a static
 * export's build artifacts to .next whatever its distDir, which would pull
 * the main e2e server's build from under it.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { snapshotWorkTree } from "../scripts/work-tree";

const port = process.argv[2] ?? "3103";
// The same path as playwright.config.ts's STATIC_SITE_TREE, where the tests look at the files.
const tree = path.join(tmpdir(), `finews-e2e-static-${port}`);
const site = path.join(tmpdir(), `finews-e2e-static-site-${port}`);
rmSync(tree, { recursive: true, force: true });
rmSync(site, { recursive: true, force: true });
snapshotWorkTree(process.cwd(), tree);
cpSync(path.join(process.cwd(), "e2e", "fixtures", "jekyll-site"), site, { recursive: true });
execFileSync("npm", ["run", "build"], {
  cwd: tree,
  stdio: "inherit",
  env: { ...process.env, STATIC_EXPORT: "1", CONTENT_DIR: site, CONTENT_CACHE_DIR: "off", NEXT_DIST_DIR: "" },
});
const server = spawn(process.execPath, [require.resolve("tsx/cli"), path.join(tree, "scripts", "serve-export.ts"), path.join(tree, "out"), "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));

/**
 * `npm run build`: builds the site for CONTENT_DIR (default ./content) with
 * `next build`, then ends with what happened to the posts: each skipped
 * post with its reason, and the published/skipped counts.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contentFingerprint, getContent } from "../lib/content/store";
import { withoutReactRuntime } from "../lib/serve/static-document";
import { contentDir, distDir, isStaticExport, searchIndexDir } from "../lib/site/config";
import { NO_LATER_PAGES } from "../lib/site/urls";
import { securityHeaders } from "../lib/site/security-headers.cjs";
import { writeBuildStamp } from "./build-stamp";
import { bundleBrowserScripts } from "./bundle-browser";
import { writeSiteSearchIndex } from "./search-index";
import { runNext } from "./next-bin";
import { pruneExport } from "./prune-export";
import { reportContent } from "./report-content";

export async function buildSite(): Promise<number> {
  const dir = contentDir();
  console.log(`Building the portal from ${dir}`);
  // Parse once here and leave the parse cache on disk: every build worker starts from it.
  const started = performance.now();
  const content = getContent(dir);
  console.log(`Read ${content.published + content.skipped} posts (${content.parsed} parsed, the rest cached) in ${Math.round(performance.now() - started)} ms`);
  await bundleBrowserScripts();
  const code = await runNext(["build", ...process.argv.slice(2)]);
  if (code !== 0) return code;
  writeBuildStamp(contentFingerprint(content));
  // After Next.js, which empties its dist dir; a static export's copy of public/ may hold a dev index to replace.
  rmSync(searchIndexDir(), { recursive: true, force: true });
  console.log(writeSiteSearchIndex(content, dir, searchIndexDir()));
  if (isStaticExport()) {
    const outDir = distDir();
    writeStaticHeaders(outDir);
    // The stand-in page an export with no later listing pages needs (lib/site/urls.ts), not a page of the site.
    for (const listing of ["category", "tags"]) rmSync(path.join(outDir, listing, NO_LATER_PAGES.key), { recursive: true, force: true });
    const pages = stripReactRuntimeFromExport(outDir);
    const pruned = pruneExport(outDir);
    console.log(`Removed the React runtime from ${pages} exported pages, and ${pruned.removedFiles} files no page loads (${(pruned.removedBytes / 1024 / 1024).toFixed(1)} MB)`);
  }
  reportContent(content, dir);
  return 0;
}

/**
 * The headers `next start` sends, as a `_headers` file: Netlify, Cloudflare
 * Pages and similar hosts apply it to every file of a static export.
 */
export function writeStaticHeaders(outDir: string): void {
  const lines = ["/*", ...securityHeaders().map((h) => `  ${h.key}: ${h.value}`)];
  writeFileSync(path.join(outDir, "_headers"), `${lines.join("\n")}\n`);
}

/**
 * A static export's pages, as `npm start` serves them: without the React
 * runtime (lib/serve/static-document.ts says why). Returns how many changed.
 */
export function stripReactRuntimeFromExport(outDir: string): number {
  let changed = 0;
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".html")) continue;
    const file = path.join(entry.parentPath, entry.name);
    const html = readFileSync(file, "utf8");
    const stripped = withoutReactRuntime(html);
    if (stripped !== html) {
      writeFileSync(file, stripped);
      changed++;
    }
  }
  return changed;
}

if (require.main === module) runCli();

function runCli() {
  buildSite().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

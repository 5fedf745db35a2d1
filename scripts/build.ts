/**
 * `npm run build`: builds the site for CONTENT_DIR (default ./content) with
 * `next build`, then ends with what happened to the posts: each skipped
 * post with its reason, and the published/skipped counts.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contentFingerprint, getContent } from "../lib/content/content-store";
import { contentDir, distDir, exportDir, isStaticExport, searchIndexDir, siteUrl } from "../lib/site/config";
import { writeBuildStamp } from "./build-stamp";
import { bundleBrowserScripts } from "./bundle-browser";
import { writeSiteSearchIndex } from "./search-index";
import { runNext } from "./next-bin";
import { exportSite } from "./export/export-site";
import { reportContent } from "./report-content";

export async function buildSite(): Promise<number> {
  const dir = contentDir();
  console.log(`Building the portal from ${dir}`);
  // Parse once here and leave the parse cache on disk: every build worker starts from it.
  const started = performance.now();
  const content = getContent(dir);
  console.log(`Read ${content.published + content.skipped} posts (${content.parsed} parsed, the rest cached) in ${Math.round(performance.now() - started)} ms`);
  await bundleBrowserScripts();
  const code = codeFingerprint();
  // A static export needs Next.js only for the stylesheets and the code's build id: the same code, the same build.
  if (isStaticExport() && builtCode() === code) console.log("The code has not changed since the last build: exporting with it");
  else {
    const exit = await runNext(["build", ...process.argv.slice(2)]);
    if (exit !== 0) return exit;
    writeFileSync(codeStampFile(), code);
  }
  writeBuildStamp(contentFingerprint(content));
  if (!isStaticExport()) {
    // After Next.js, which empties its dist dir.
    rmSync(searchIndexDir(), { recursive: true, force: true });
    console.log(writeSiteSearchIndex(content, dir, searchIndexDir()));
  } else {
    const outDir = exportDir();
    const report = await exportSite({
      content,
      contentDir: dir,
      outDir,
      nextDistDir: distDir(),
      cacheDir: path.join(process.cwd(), ".cache", "export"),
      publicDir: path.join(process.cwd(), "public"),
    });
    console.log(
      `Static export in ${path.relative(process.cwd(), outDir) || outDir}: ${report.pages} pages, ${report.rendered} rendered${report.full ? " (a full export)" : ""}, ${report.filesWritten} other files written, ${report.removed} removed, in ${report.ms} ms (pages ${report.phases.pages}, files ${report.phases.files}, search index ${report.phases.search})`,
    );
  }
  reportContent(content, dir);
  return 0;
}

/** What a Next.js build is made from: the code, its dependencies, and the settings baked into it. */
export function codeFingerprint(root = process.cwd()): string {
  const hash = createHash("sha256");
  const files = ["next.config.js", "postcss.config.mjs", "package-lock.json", "tsconfig.json"];
  // scripts/export renders the pages: a change there must render them all again, as a new build id does.
  for (const folder of ["app", "components", "lib", "browser", "scripts/export"]) {
    for (const entry of readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(path.relative(root, path.join(entry.parentPath, entry.name)));
    }
  }
  for (const file of files.sort()) {
    hash.update(file).update("\0");
    if (existsSync(path.join(root, file))) hash.update(readFileSync(path.join(root, file)));
  }
  hash.update(JSON.stringify({ siteUrl: siteUrl(), basePath: process.env.BASE_PATH ?? "" }));
  return hash.digest("hex");
}

const codeStampFile = () => path.join(distDir(), "portal-code.txt");

function builtCode(): string | undefined {
  try {
    return existsSync(path.join(distDir(), "BUILD_ID")) ? readFileSync(codeStampFile(), "utf8") : undefined;
  } catch {
    return undefined;
  }
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

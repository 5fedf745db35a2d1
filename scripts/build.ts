/**
 * `npm run build`: builds the site for CONTENT_DIR (default ./content) with
 * `next build`, then ends with what happened to the posts: each skipped
 * post with its reason, and the published/skipped counts.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { getContent } from "../lib/content/store";
import { contentDir, isStaticExport } from "../lib/site/config";
import { securityHeaders } from "../lib/site/security-headers.cjs";
import { writeBuildStamp } from "./build-stamp";
import { runNext } from "./next-bin";
import { reportContent } from "./report-content";

export async function buildSite(): Promise<number> {
  const dir = contentDir();
  console.log(`Building the portal from ${dir}`);
  // Parse once here and leave the parse cache on disk: every build worker starts from it.
  const started = performance.now();
  const content = getContent(dir);
  console.log(`Read ${content.published + content.skipped} posts (${content.parsed} parsed, the rest cached) in ${Math.round(performance.now() - started)} ms`);
  const code = await runNext(["build", ...process.argv.slice(2)]);
  if (code !== 0) return code;
  writeBuildStamp();
  if (isStaticExport()) writeStaticHeaders(path.resolve(process.env.NEXT_DIST_DIR || "out"));
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

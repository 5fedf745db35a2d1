/**
 * `npm run check [-- <content folder>] [--json]`: validates every post of
 * the content folder (default CONTENT_DIR, else ./content) and prints one
 * line per problem: `path:line: error|warning: reason`. Exits 1 when any
 * post would be skipped by the build, 2 on a usage error.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { checkContent, formatCheckReport } from "../lib/content/check";
import { contentDir } from "../lib/site/config";

function main(argv: string[]): number {
  let values: { json?: boolean }, positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: { json: { type: "boolean" } }, allowPositionals: true }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\nusage: npm run check [-- <content folder>] [--json]`);
    return 2;
  }
  if (positionals.length > 1) {
    console.error("usage: npm run check [-- <content folder>] [--json]");
    return 2;
  }
  const dir = positionals[0] ? path.resolve(positionals[0]) : contentDir();
  if (!existsSync(path.join(dir, "_posts"))) {
    console.error(`${dir}: no _posts folder here; give the content folder (the one holding _posts/)`);
    return 2;
  }
  const report = checkContent(dir);
  if (values.json) console.log(JSON.stringify(report, null, 2));
  else for (const line of formatCheckReport(report)) console.log(line);
  return report.ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));

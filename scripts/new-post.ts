/**
 * `npm run new -- --title "标题" --category emnews [--tag 东财滚动新闻 …]`:
 * writes a draft into `<content>/_drafts/` (CONTENT_DIR, default ./content)
 * with front matter quoted so any title survives, and prints its path and
 * the URL to preview it at under `npm run dev`.
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { articleIdFor } from "../lib/content/article-id";
import { draftFileName, draftText } from "../lib/content/drafts";
import { contentDir } from "../lib/site/config";
import { articlePath } from "../lib/site/urls";

const USAGE = 'usage: npm run new -- --title "标题" --category <slug> [--tag <tag> …]';

function main(argv: string[]): number {
  let values: { title?: string; category?: string; tag?: string[] };
  try {
    ({ values } = parseArgs({ args: argv, options: { title: { type: "string" }, category: { type: "string" }, tag: { type: "string", multiple: true } } }));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n${USAGE}`);
    return 2;
  }
  const title = values.title?.trim();
  const category = values.category?.trim();
  if (!title || !category) {
    console.error(`${!title ? "--title" : "--category"} is missing or empty\n${USAGE}`);
    return 2;
  }
  const dir = path.join(contentDir(), "_drafts");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, draftFileName(title, Date.now()));
  if (existsSync(file)) {
    console.error(`${file} exists already; try again in a second`);
    return 1;
  }
  writeFileSync(file, draftText({ title, category, tags: values.tag?.map((t) => t.trim()).filter(Boolean) }), { flag: "wx" });
  const port = process.env.PORT || "3000";
  console.log(`Created ${path.relative(process.cwd(), file)}`);
  console.log(`Preview with npm run dev: http://localhost:${port}${articlePath({ id: articleIdFor(file) })}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

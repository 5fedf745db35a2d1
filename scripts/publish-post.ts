/**
 * `npm run publish -- <content>/_drafts/<file>.md`: moves a draft to the
 * `_posts/` folder beside its `_drafts/`, named and dated with the current
 * Beijing time (`2026-11-28-<name>.md`, `date: 2026-11-28 16:30:05 +0800`).
 * Refuses when the draft would not publish (it says why, as `npm run check`
 * would) or the target exists.
 */
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { articleIdFor } from "../lib/content/article-id";
import { publishedFileName, withPublishDate } from "../lib/content/drafts";
import { formatProblem } from "../lib/content/problems";
import { parsePost } from "../lib/content/parse";
import { articlePath } from "../lib/site/urls";

function main(argv: string[]): number {
  if (argv.length !== 1) {
    console.error("usage: npm run publish -- <content>/_drafts/<file>.md");
    return 2;
  }
  const draft = path.resolve(argv[0]);
  if (path.basename(path.dirname(draft)) !== "_drafts") {
    console.error(`${argv[0]}: not in a _drafts/ folder`);
    return 2;
  }
  if (!existsSync(draft)) {
    console.error(`${argv[0]}: no such file`);
    return 2;
  }
  const now = Date.now();
  const text = withPublishDate(readFileSync(draft, "utf8"), now);
  if (text === undefined) {
    console.error(`${argv[0]}: no front matter: the file must start with a '---' line`);
    return 1;
  }
  const postsDir = path.join(path.dirname(path.dirname(draft)), "_posts");
  const target = path.join(postsDir, publishedFileName(draft, now));
  const relative = `_posts/${path.basename(target)}`;
  const result = parsePost({ path: target, relativePath: relative, bytes: new TextEncoder().encode(text), mtimeMs: now });
  if (!result.ok) {
    for (const problem of result.problems) console.error(formatProblem({ ...problem, file: argv[0] }));
    console.error("Not published: fix the draft first.");
    return 1;
  }
  if (result.post.unpublished) console.warn(`${argv[0]}: has 'published: false'; it stays hidden until you remove that line`);
  if (existsSync(target)) {
    console.error(`${path.relative(process.cwd(), target)} exists already`);
    return 1;
  }
  mkdirSync(postsDir, { recursive: true });
  writeFileSync(target, text, { flag: "wx" });
  unlinkSync(draft);
  console.log(`Published ${path.relative(process.cwd(), target)}`);
  console.log(`It is live at ${articlePath({ id: articleIdFor(target) })} once the server sees it (npm start picks it up by itself).`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

/**
 * `npx tsx bench/article-overhead.ts [dist dir]`: for every article
 * page a server build prerendered, the size of the page as `npm start`
 * sends it (without the React runtime, lib/serve/static-document.ts) minus
 * twice its body's HTML (the target allows the body twice, as a page with
 * a React payload carries it): the fixed cost of an article page, whose
 * target is under 15 KB. Reads CONTENT_DIR (default ./content) for the bodies.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { getContent, getArticleBody } from "../lib/content/content-store";
import { withoutReactRuntime } from "../lib/serve/static-document";
import { percentile } from "./stats";

const dist = path.resolve(process.argv[2] ?? process.env.NEXT_DIST_DIR ?? ".next");
const pages = path.join(dist, "server/app/articles");
if (!existsSync(pages)) throw new Error(`${pages}: no prerendered articles (run npm run build first)`);
const { index } = getContent();
const overheads: { id: string; overhead: number; html: number; body: number }[] = [];
for (const name of readdirSync(pages).filter((n) => n.endsWith(".html"))) {
  const id = name.slice(0, -".html".length);
  const article = index.byId.get(id);
  if (!article) continue;
  const body = Buffer.byteLength((await getArticleBody(article)) ?? "");
  const html = Buffer.byteLength(withoutReactRuntime(readFileSync(path.join(pages, name), "utf8")));
  overheads.push({ id, overhead: html - 2 * body, html, body });
}
overheads.sort((a, b) => a.overhead - b.overhead);
const values = overheads.map((o) => o.overhead);
const kb = (n: number) => `${(n / 1000).toFixed(2)} KB`;
const worst = overheads.at(-1);
console.log(`${overheads.length} prerendered articles in ${path.relative(process.cwd(), dist)}: HTML − 2 × body: median ${kb(percentile(values, 0.5))}, max ${kb(values.at(-1) ?? 0)}${worst ? ` (${worst.id}: HTML ${kb(worst.html)}, body ${kb(worst.body)})` : ""}; target < 15 KB`);

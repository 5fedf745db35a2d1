/**
 * The e2e suite's GitHub Pages server: a static export, put through
 * Debian's `jekyll` as a GitHub Pages branch deploy would (should it run
 * Jekyll: `.nojekyll` lost on the way), served as plain files by
 * e2e/support/pages-host.ts.
 *
 *   npx tsx e2e/github-pages.ts <port> [--base-path /finews]
 *
 * 1. The content: the fixture site (categories with spaces, parentheses,
 *    capitals, a list of categories) plus the bundled posts, whose 53
 *    `emnews` posts give a source two pages (the fixture site alone has
 *    none, and the other specs count its posts), plus one evening post
 *    dated without an offset, which Jekyll dated the next day (EVENING_POST).
 * 2. The old site: `jekyll build` of that content folder as it is, listing
 *    every URL Jekyll gave a post or page: what old links point at.
 * 3. The export: `STATIC_EXPORT=1 npm run build` in a snapshot of the work
 *    tree (as e2e/static-copy.ts does), with `BASE_PATH` when given; what a
 *    static host needs and the export lacks (`.nojekyll`, `_config.yml`,
 *    a redirect page at each old URL, `_redirects`) is recorded, for the
 *    spec to require none.
 * 4. `jekyll build --source out --destination site`, compared file by file.
 * 5. site/ served on <port>, under the base path when given.
 *
 * What the spec needs is written to `githubPagesStatusFile(port)`.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { snapshotWorkTree } from "../scripts/work-tree";
import { compareTrees, jekyllBuild } from "./support/jekyll";
import { createPagesHost } from "./support/pages-host";

export interface OldUrl {
  /** The post or page in the content folder: `_posts/2023-01-05-wind-bonds.md`, `category/Wind.html`. */
  file: string;
  /** Its URL on the old site, as Jekyll wrote it. */
  url: string;
  /** For a post the portal publishes: the title its article page shows. */
  title?: string;
}

export interface GithubPagesStatus {
  basePath: string;
  /** Whether the export's links carry the base path (checked on its home page); why not, when not. */
  basePathHonoured: boolean;
  basePathProblem?: string;
  /** What the export lacked and this setup added to it before the Jekyll pass. */
  addedBySetup: string[];
  /** Redirect files the setup wanted to add where the export already had a file (must be none). */
  collisions: string[];
  /** The export against what Jekyll made of it. */
  jekyllPass: { missing: string[]; extra: string[]; changed: string[] };
  /** Every post and page URL of the old Jekyll site built from the same content. */
  oldPosts: OldUrl[];
  oldPages: OldUrl[];
}

/**
 * A post written at 20:46 Beijing time without an offset, under a real
 * finews category with two spaces: Jekyll read the date as UTC, so its old
 * URL is dated the 11th, and split the category into two folders.
 */
export const EVENING_POST = {
  file: "_posts/2023-01-10-evening.md",
  text: "---\nlayout: post\ntitle: \"南财理财通：晚间理财速递\"\ndate: 2023-01-10 20:46:18\ncategories: 21shijijingjibaodao  nancailicaitong\ntags: 21世纪经济报道  南财理财通新闻\n---\n\n晚间理财速递正文。\n\n<https://m.21jingji.com/article/evening>\n",
  oldUrl: "/21shijijingjibaodao/nancailicaitong/2023/01/11/evening.html",
};

export const githubPagesStatusFile = (port: number) => path.join(tmpdir(), `finews-e2e-pages-${port}.json`);

export function readGithubPagesStatus(port: number): GithubPagesStatus {
  return JSON.parse(readFileSync(githubPagesStatusFile(port), "utf8")) as GithubPagesStatus;
}

if (require.main === module) main();

function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { "base-path": { type: "string" } } });
  const port = Number(positionals[0] ?? 3104);
  const basePath = (values["base-path"] ?? "").replace(/\/+$/, "");
  const work = path.join(tmpdir(), `finews-e2e-pages-${port}`);
  const tree = path.join(work, "tree");
  const content = path.join(work, "content");
  const oldSite = path.join(work, "old-site");
  const site = path.join(work, "site");
  rmSync(work, { recursive: true, force: true });
  rmSync(githubPagesStatusFile(port), { force: true });
  mkdirSync(work, { recursive: true });

  // 1. The content folder.
  cpSync(path.join(process.cwd(), "e2e", "fixtures", "jekyll-site"), content, { recursive: true });
  cpSync(path.join(process.cwd(), "content", "_posts"), path.join(content, "_posts"), { recursive: true });
  writeFileSync(path.join(content, EVENING_POST.file), EVENING_POST.text);

  // 2. The old site's URLs.
  const { oldPosts, oldPages } = buildOldSite(content, path.join(work, "old-src"), oldSite);

  // 3. The export.
  snapshotWorkTree(process.cwd(), tree);
  execFileSync("npm", ["run", "build"], {
    cwd: tree,
    stdio: "inherit",
    env: { ...process.env, STATIC_EXPORT: "1", CONTENT_DIR: content, CONTENT_CACHE_DIR: "off", NEXT_DIST_DIR: "", ...(basePath ? { BASE_PATH: basePath } : {}) },
  });
  const out = path.join(tree, "out");
  const honoured = basePath ? basePathProblem(out, basePath) : undefined;
  const { addedBySetup, collisions, titles } = completeExport(out, content, basePath);
  for (const old of oldPosts) old.title = titles.get(old.file);

  // 4. A Jekyll pass over the export.
  jekyllBuild(out, site);
  const jekyllPass = compareTrees(out, site);

  const status: GithubPagesStatus = {
    basePath,
    basePathHonoured: basePath === "" || honoured === undefined,
    ...(honoured ? { basePathProblem: honoured } : {}),
    addedBySetup,
    collisions,
    jekyllPass,
    oldPosts,
    oldPages,
  };
  writeFileSync(githubPagesStatusFile(port), JSON.stringify(status, null, 1));

  // 5. Serve it.
  const server = createPagesHost({ root: site, basePath: basePath || undefined });
  server.listen(port, () => console.log(`GitHub Pages-like copy of ${site} on http://localhost:${port}${basePath}/`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
}

/** The content folder built by Jekyll as the old site was, and the URL of each post and page. */
function buildOldSite(content: string, source: string, destination: string): { oldPosts: OldUrl[]; oldPages: OldUrl[] } {
  cpSync(content, source, { recursive: true });
  const listing = "finews-old-urls.txt";
  writeFileSync(
    path.join(source, listing),
    "---\n---\n{% for p in site.posts %}post\t{{ p.path }}\t{{ p.url }}\n{% endfor %}{% for p in site.pages %}page\t{{ p.path }}\t{{ p.url }}\n{% endfor %}",
  );
  jekyllBuild(source, destination);
  const oldPosts: OldUrl[] = [];
  const oldPages: OldUrl[] = [];
  for (const line of readFileSync(path.join(destination, listing), "utf8").split("\n")) {
    const [kind, file, url] = line.split("\t");
    if (kind === "post") oldPosts.push({ file, url });
    else if (kind === "page" && file.startsWith("category/")) oldPages.push({ file, url });
  }
  return { oldPosts, oldPages };
}

/**
 * Whether the export's home page links everything under the base path:
 * undefined when it does, else what it links instead.
 */
function basePathProblem(out: string, basePath: string): string | undefined {
  const html = readFileSync(path.join(out, "index.html"), "utf8");
  const links = [...html.matchAll(/\s(?:href|src)="(\/[^"]*)"/g)].map((m) => m[1]);
  const outside = links.filter((link) => !link.startsWith(`${basePath}/`));
  if (links.length > 0 && outside.length === 0) return undefined;
  return `the export built with BASE_PATH=${basePath} links ${outside.slice(0, 3).join(", ") || "nothing"} from its home page, not ${basePath}/…`;
}

/**
 * Adds what a static host needs that the export lacks (lib/export/), and
 * returns what was added, any file a redirect would have overwritten, and
 * each published post's title by file.
 */
function completeExport(out: string, content: string, basePath: string): { addedBySetup: string[]; collisions: string[]; titles: Map<string, string> } {
  // Loaded here, in the setup's own process, with the environment the export was built with.
  if (basePath) process.env.BASE_PATH = basePath;
  process.env.CONTENT_CACHE_DIR = "off";
  const { loadContent } = require("../lib/content/load-content") as typeof import("../lib/content/load-content");
  const { legacyRedirects } = require("../lib/export/legacy-redirects") as typeof import("../lib/export/legacy-redirects");
  const { JEKYLL_CONFIG, NOJEKYLL } = require("../lib/export/static-host") as typeof import("../lib/export/static-host");

  const { index } = loadContent(content);
  const titles = new Map(index.articles.map((a) => [a.file, a.title]));
  // What the export should hold for a static host and does not (the spec requires none): nothing is added here any more.
  const addedBySetup: string[] = [];
  const collisions: string[] = [];
  for (const file of [NOJEKYLL.file, JEKYLL_CONFIG.file, "_redirects"]) if (!existsSync(path.join(out, file))) addedBySetup.push(file);
  for (const r of legacyRedirects(index).redirects) {
    const file = path.join(out, r.file);
    if (!existsSync(file)) addedBySetup.push(r.file);
    else if (!readFileSync(file, "utf8").includes('http-equiv="refresh"')) collisions.push(r.file);
  }
  return { addedBySetup, collisions, titles };
}


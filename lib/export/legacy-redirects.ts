/**
 * Redirects from the old Jekyll site's URLs for a static export, which has
 * no server to answer them: a small page at each old URL (what
 * `jekyll-redirect-from` writes: a `refresh`, a canonical link, a plain
 * link, `noindex`), and the same pairs as a `_redirects` file for the hosts
 * that read one (Netlify, Cloudflare Pages), which then answer with a real
 * 301. The exporter writes them; `npm start` answers the same URLs itself
 * (lib/site/legacy-urls.ts).
 *
 * The old URLs are
 *  - every post's, as Jekyll made it (`jekyllUrl`, lib/content/jekyll-permalink.ts):
 *    `/21shijijingjibaodao/21caijingapp/2023/01/06/x.html`, `/wind/2023/01/05/x.html`;
 *  - every category's page: `/category/21shijijingjibaodao%2021caijingAPP.html`;
 *  - the folder of a category's posts: `/21shijijingjibaodao/21caijingapp/`
 *    (no page of the old site, but the URL a reader trims a post's URL to).
 *
 * Every value comes from a scraper's files, so a redirect is written only
 * where its file is a plain path inside the export: never `..`, an absolute
 * path, a backslash or a control character, never over a page of the new
 * site (`/articles/…`, `/search`, `/_next/…`) or another redirect, also
 * where only case or Unicode normalization tells them apart (macOS, Windows).
 * Those are returned as `skipped`, with the reason, for the exporter to name.
 */
import type { ContentIndex } from "../content/content-index";
import { jekyllOutputExt, jekyllOutputFile, jekyllPageUrl } from "../content/jekyll-permalink";
import type { Article, CategoryRef } from "../content/types";
import { feedPath } from "../site/feeds";
import { sitemapPath } from "../site/sitemaps";
import { REVALIDATE_PATH, articlePath, categoryPath, draftsPath, homePath, searchPath, sourcesPath, tagPath } from "../site/urls";

export type LegacyKind = "post" | "category page" | "category folder";

export interface LegacyRedirect {
  /** The old URL as a browser requests it, percent-encoded as Jekyll wrote it in links. */
  from: string;
  /** The redirect page's file, relative to the export's root, `/`-separated, not encoded: `wind/2023/01/05/x.html`. */
  file: string;
  /** The new page, from lib/site/urls.ts (with the base path, when there is one). */
  to: string;
  kind: LegacyKind;
}

export interface SkippedRedirect extends Omit<LegacyRedirect, "file"> {
  file?: string;
  /** Why no page is written for it: one line, for the exporter's warning. */
  reason: string;
}

type Index = Pick<ContentIndex, "articles" | "categories">;

/**
 * Top-level names of the export that lib/site/urls.ts does not build (files
 * the build writes, Next.js's assets, host configuration). The names it
 * builds are added from its builders, so they follow its scheme.
 */
const EXPORT_ROOT_NAMES = [
  "_next", "js", "search-index", "sitemap.xml", "robots.txt", "latest.json", "manifest.json", "manifest.webmanifest",
  "icon.svg", "icon-512.png", "icon-64.png", "share-card.png", "favicon.ico", "404", "404.html", "index.html", "_headers", "_redirects", ".nojekyll", "_config.yml",
  "CNAME", ".well-known", "api",
];

/** Longest file name most file systems take, in bytes. */
const MAX_NAME_BYTES = 255;
const utf8 = new TextEncoder();

/**
 * Every redirect the export should write, posts first (newest first), then
 * category pages and category folders (busiest category first): when two
 * want one file, the earlier keeps it. Sorted by `file` within each kind.
 */
export function legacyRedirects(index: Index): { redirects: LegacyRedirect[]; skipped: SkippedRedirect[] } {
  const candidates: SkippedRedirect[] = [];
  const want = (from: string | undefined, to: string, kind: LegacyKind, outputExt: string) => {
    if (from) candidates.push({ from, file: jekyllOutputFile(from, outputExt), to, kind, reason: "" });
  };
  for (const article of index.articles) want(article.jekyllUrl, articlePath(article), "post", outputExtOf(article));
  for (const { category } of index.categories) want(jekyllPageUrl("category", `${category.slug}.html`), categoryPath(category), "category page", ".html");
  for (const [folder, category] of categoryFolders(index)) want(`/${folder}/`, categoryPath(category), "category folder", ".html");

  const roots = newSiteRoots();
  const newPages = new Map(index.categories.map(({ category }) => [foldedKey(pageFile(categoryPath(category))), category] as const));
  const taken = new Map<string, LegacyRedirect>();
  const takenDirs = new Map<string, LegacyRedirect>();
  const redirects: LegacyRedirect[] = [];
  const skipped: SkippedRedirect[] = [];
  for (const candidate of candidates) {
    const unsafe = unsafeReason(candidate, roots, newPages);
    const reason = unsafe === undefined ? conflictReason(candidate.file!, candidate, taken, takenDirs) : unsafe;
    if (reason === null) continue; // not needed: the same redirect twice, or the new page itself is at the old URL
    if (reason) {
      skipped.push({ ...candidate, reason });
      continue;
    }
    const redirect: LegacyRedirect = { from: candidate.from, file: candidate.file!, to: candidate.to, kind: candidate.kind };
    redirects.push(redirect);
    const key = foldedKey(redirect.file);
    taken.set(key, redirect);
    for (let i = key.indexOf("/"); i >= 0; i = key.indexOf("/", i + 1)) if (!takenDirs.has(key.slice(0, i))) takenDirs.set(key.slice(0, i), redirect);
  }
  const order: LegacyKind[] = ["post", "category page", "category folder"];
  const byKindThenFile = (a: LegacyRedirect, b: LegacyRedirect) => order.indexOf(a.kind) - order.indexOf(b.kind) || compare(a.file, b.file);
  return { redirects: redirects.sort(byKindThenFile), skipped };
}

function outputExtOf(article: Pick<Article, "file">): string {
  return jekyllOutputExt(/\.[^./]+$/.exec(article.file)?.[0] ?? "");
}

/**
 * Each folder old post URLs sit in (`21shijijingjibaodao/21caijingapp`, not
 * encoded), with the category of the busiest category's first post in it.
 */
function categoryFolders(index: Index): Map<string, CategoryRef> {
  const folders = new Map<string, CategoryRef>();
  for (const { category, articles } of index.categories) {
    for (const article of articles) {
      const folder = article.jekyllUrl && /^\/(.+)\/\d{4}\/\d{2}\/\d{2}\/[^/]+$/.exec(article.jekyllUrl)?.[1];
      if (folder && !folders.has(folder)) folders.set(folder, category);
    }
  }
  return folders;
}

/**
 * Why a redirect's file is not a plain path inside the export, or lands on
 * the new site; undefined when it is fine, null when the new site's page
 * for the same category is that very file (the old URL serves it as it is).
 */
function unsafeReason(redirect: SkippedRedirect, roots: Set<string>, newPages: Map<string, CategoryRef>): string | null | undefined {
  const file = redirect.file;
  if (file === undefined || file === "") return "its URL does not name a file";
  if (/[\u0000-\u001f\u007f-\u009f]/.test(file)) return "its path holds a control character";
  if (file.includes("\\")) return "its path holds a backslash";
  if (file.startsWith("/")) return "its path is absolute";
  const segments = file.split("/");
  if (segments.some((s) => s === "" || s === "." || s === "..")) return "its path has an empty, '.' or '..' segment";
  if (segments.some((s) => s.endsWith("."))) return "a name in its path ends in '.' (Jekyll and Windows drop such names)";
  if (segments.some((s) => utf8.encode(s).length > MAX_NAME_BYTES)) return `a name in its path is longer than ${MAX_NAME_BYTES} bytes`;
  if (!/\.html?$/i.test(file)) return "it is not a page (a static host would serve it as another type)";
  const root = segments[0].toLowerCase();
  if (redirect.kind === "category page") {
    if (segments.length !== 2 || root !== "category") return "its path is inside the new site's category folders";
    const page = newPages.get(foldedKey(file));
    if (page && pageFile(categoryPath(page)) === file && categoryPath(page) === redirect.to) return null;
    if (page) return `its file is the new site's page of '${page.slug}' (${pageFile(categoryPath(page))})`;
    return undefined;
  }
  if (roots.has(root)) return `'${segments[0]}' is a folder or file of the new site`;
  return undefined;
}

/**
 * Whether the file is another redirect's (undefined: free; null: the same
 * redirect again), where case or Unicode normalization alone tells files
 * apart too, or a file and a folder would share a name.
 */
function conflictReason(file: string, redirect: SkippedRedirect, taken: Map<string, LegacyRedirect>, takenDirs: Map<string, LegacyRedirect>): string | null | undefined {
  const key = foldedKey(file);
  const same = taken.get(key);
  if (same) return same.file === file && same.to === redirect.to ? null : `its file is the redirect's from ${same.from} (to ${same.to})`;
  const dir = takenDirs.get(key);
  if (dir) return `its file is a folder of the redirect from ${dir.from}`;
  for (let i = key.indexOf("/"); i >= 0; i = key.indexOf("/", i + 1)) {
    const parent = taken.get(key.slice(0, i));
    if (parent) return `a folder in its path is the file of the redirect from ${parent.from}`;
  }
  return undefined;
}

/** A key two names share when a case-insensitive or normalizing file system would take them for one. */
function foldedKey(file: string): string {
  return file.normalize("NFC").toLowerCase();
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The base path's root (`/` or `/finews/`), which urls.ts puts before every path. */
function siteRoot(): string {
  return homePath().replace(/\/?$/, "/");
}

/** A path urls.ts built, relative to the site's root (`articles/x`). */
function relativeToRoot(path: string): string {
  const root = siteRoot();
  return path.startsWith(root) ? path.slice(root.length) : path.replace(/^\//, "");
}

/** The first segments the new site uses: what urls.ts builds, and what the export writes beside. */
function newSiteRoots(): Set<string> {
  const built = [
    articlePath({ id: "x" }), categoryPath({ key: "x" }), tagPath("x"), sourcesPath(), searchPath(), draftsPath(),
    REVALIDATE_PATH, sitemapPath("x"), feedPath("atom"), feedPath("rss"), feedPath("json"),
  ];
  return new Set([...built.map((p) => relativeToRoot(p).split("/")[0]), ...EXPORT_ROOT_NAMES].filter(Boolean).map((name) => name.toLowerCase()));
}

/** The file a static export writes for a page path: `x/` → `x/index.html`, `x` → `x.html`, `x.xml` as it is. */
function pageFile(path: string): string {
  const relative = relativeToRoot(path);
  if (relative === "" || relative.endsWith("/")) return `${relative}index.html`;
  return /\.[^/]+$/.test(relative) ? relative : `${relative}.html`;
}

/**
 * The page written at an old URL: it sends the reader on at once (a
 * `refresh`, no script: the site's CSP allows none), tells search engines
 * where the page lives now (canonical) and not to index this one, and
 * shows a plain link for anything that does not follow the refresh.
 * `to` is a path of the site, `absoluteTo` the same page's absolute URL.
 */
export function redirectPageHtml(to: string, absoluteTo: string): string {
  if (!/^\/(?![/\\])/.test(to)) throw new Error(`redirect target must be a path of the site, not ${JSON.stringify(to)}`);
  if (!/^https?:\/\/[^/\\]/i.test(absoluteTo)) throw new Error(`canonical URL must be absolute http(s), not ${JSON.stringify(absoluteTo)}`);
  const href = escapeHtml(encodeUrl(to));
  const canonical = escapeHtml(encodeUrl(absoluteTo));
  return [
    "<!DOCTYPE html>",
    '<html lang="zh-CN">',
    '<meta charset="utf-8">',
    "<title>页面已迁移 · Page moved</title>",
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${canonical}">`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    `<p>此页面已迁移到新地址：<a href="${href}">${escapeHtml(decodedForReading(to))}</a></p>`,
    `<p lang="en">This page has moved to <a href="${href}">${canonical}</a>.</p>`,
    "</html>",
    "",
  ].join("\n");
}

/**
 * The redirects as a `_redirects` file (Netlify, Cloudflare Pages): one
 * `/from /to 301` a line, in the order given (legacyRedirects sorts them).
 * `basePath` (`/finews`) goes before each old URL, when the export is served
 * below one; `to` already carries it. Spaces, non-ASCII and the characters
 * those hosts read as placeholders or splats (`:`, `*`) are percent-encoded.
 */
export function redirectsFile(redirects: Pick<LegacyRedirect, "from" | "to">[], basePath = ""): string {
  const base = basePath.replace(/\/+$/, "");
  const plain = /^\/[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*$/.test(base) && !base.split("/").some((s) => s === "." || s === "..");
  if (base !== "" && !plain) throw new Error(`base path must look like /finews, not ${JSON.stringify(basePath)}`);
  const field = (path: string) => encodeUrl(path).replace(/[:*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return redirects.map(({ from, to }) => `${field(`${base}${from}`)} ${field(to)} 301\n`).join("");
}

/**
 * A URL with everything but RFC 3986 characters percent-encoded (UTF-8),
 * existing escapes kept, and quotes, `<`, `>` and spaces always encoded:
 * safe inside an HTML attribute, a `refresh` and a `_redirects` line.
 */
function encodeUrl(url: string): string {
  let out = "";
  for (let i = 0; i < url.length; ) {
    const char = String.fromCodePoint(url.codePointAt(i)!);
    i += char.length;
    if (char === "%" && /^[0-9A-Fa-f]{2}$/.test(url.slice(i, i + 2))) out += char;
    else if (/^[A-Za-z0-9\-._~!$&()*+,;=:@/?#]$/.test(char)) out += char;
    else for (const byte of utf8.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** A path as a reader would read it (escapes decoded), for the link's text; escaped for HTML by the caller. */
function decodedForReading(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

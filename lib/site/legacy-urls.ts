/**
 * The old Jekyll site's URLs, still in bookmarks, search results and feed
 * readers, mapped to the portal's:
 *
 *   /<categories>/<yyyy>/<mm>/<dd>/<title>.html  (Jekyll's default post permalink; each post's
 *                                                 `jekyllUrl`, see lib/content/jekyll-permalink.ts)
 *   /category/<slug>.html                         (its category pages; slugs with spaces and parentheses too)
 *   /<categories>/                                (the folder of a category's posts)
 *
 * Jekyll nested a post under every category it named, downcased
 * (`categories: 21shijijingjibaodao 21caijingAPP` is
 * `/21shijijingjibaodao/21caijingapp/…`), and dated it as it read the date
 * (an unquoted zone-less time as UTC). So the URLs are looked up in tables
 * built once per index from what each post says its old URL was; the static
 * export writes a redirect page at each of the same URLs
 * (lib/export/legacy-redirects.ts). Each function returns the new path, or
 * undefined when nothing matches (a 404).
 */
import { urlKey } from "../content/categories";
import type { ContentIndex } from "../content/content-index";
import { jekyllPageUrl } from "../content/jekyll-permalink";
import type { Article, CategoryRef } from "../content/types";
import { articlePath, categoryPath, decodePathSegment } from "./urls";

type Index = Pick<ContentIndex, "articles" | "byId" | "byCategory">;

interface Tables {
  /** Decoded post URL without its leading `/` → article. */
  posts: Map<string, Article>;
  /** `yyyy/mm/dd/<title>.html` (decoded) → article, whatever the categories: the first (newest) wins. */
  postsByDay: Map<string, Article>;
  /** Decoded category folder (`21shijijingjibaodao/21caijingapp`) → the category of the first post under it. */
  folders: Map<string, CategoryRef>;
  /** Decoded `category/<slug>.html` → category. */
  categoryPages: Map<string, CategoryRef>;
}

const tablesByIndex = new WeakMap<object, Tables>();

/** The tables for an index, built on first use (one pass over its articles) and kept while the index lives. */
function tables(index: Index): Tables {
  let t = tablesByIndex.get(index.byId);
  if (t) return t;
  t = { posts: new Map(), postsByDay: new Map(), folders: new Map(), categoryPages: new Map() };
  for (const article of index.articles) {
    const url = article.jekyllUrl && decodePathSegment(article.jekyllUrl).slice(1);
    if (!url) continue;
    if (!t.posts.has(url)) t.posts.set(url, article);
    const post = POST_TAIL.exec(url);
    if (!post) continue;
    if (!t.postsByDay.has(post[2])) t.postsByDay.set(post[2], article);
    if (post[1] && !t.folders.has(post[1])) t.folders.set(post[1], article.category);
  }
  for (const { category } of index.byCategory.values()) {
    const page = jekyllPageUrl("category", `${category.slug}.html`);
    if (page && !t.categoryPages.has(decodePathSegment(page).slice(1))) t.categoryPages.set(decodePathSegment(page).slice(1), category);
  }
  tablesByIndex.set(index.byId, t);
  return t;
}

/** `<folder>/yyyy/mm/dd/<title>`: the categories' folder (maybe empty) and the dated tail. `s`: a folder may hold U+2028, which Jekyll keeps and `.` would not match. */
const POST_TAIL = /^(?:(.+)\/)?(\d{4}\/\d{2}\/\d{2}\/[^/]+)$/s;


/**
 * Any old URL (`pathname` percent-encoded or not, without the query): a
 * post's under however many category folders, a category page, a
 * category's folder (with or without its trailing `/`).
 */
export function legacyPath(index: Index, pathname: string): string | undefined {
  const path = decodePathSegment(pathname).replace(/^\/+/, "");
  const t = tables(index);
  const article = t.posts.get(path);
  if (article) return articlePath(article);
  const page = t.categoryPages.get(path);
  if (page) return categoryPath(page);
  const folder = t.folders.get(path.replace(/\/$/, ""));
  if (folder) return categoryPath(folder);
  const parts = path.replace(/\/$/, "").split("/");
  if (parts.length >= 4) {
    const [year, month, day, file] = parts.slice(-4);
    return legacyPostPath(index, { year, month, day, file });
  }
  if (parts.length === 2 && parts[0] === "category" && /\.html?$/i.test(parts[1])) return legacyCategoryPath(index, parts[1]);
  if (parts.length === 1) return legacyCategoryPath(index, parts[0]);
  return undefined;
}

/**
 * A post by the date and title its old URL had. The category segments are
 * not needed (Jekyll wrote them in several spellings): the day and title
 * name the post. Also found by the date and slug of its file name.
 */
export function legacyPostPath(index: Index, parts: { year: string; month: string; day: string; file: string }): string | undefined {
  const { year, month, day } = parts;
  if (!/^\d{4}$/.test(year) || !/^\d{2}$/.test(month) || !/^\d{2}$/.test(day)) return undefined;
  const file = decodePathSegment(parts.file);
  const byDay = tables(index).postsByDay.get(`${year}/${month}/${day}/${file}`);
  if (byDay) return articlePath(byDay);
  const article = index.byId.get(`${year}-${month}-${day}-${file.replace(/\.html?$/i, "")}`);
  return article ? articlePath(article) : undefined;
}

/**
 * A category by the slug the old site used: its page `/category/<slug>.html`
 * (`emnews.html`, `anxinguojizhengquan(xianggang).html`, `a b.html`) or its
 * folder (`emnews`, `wind` for `Wind`).
 */
export function legacyCategoryPath(index: Index, segment: string): string | undefined {
  const name = decodePathSegment(segment);
  const t = tables(index);
  const found = /\.html?$/i.test(name) ? t.categoryPages.get(`category/${name}`) : t.folders.get(name);
  if (found) return categoryPath(found);
  const entry = index.byCategory.get(urlKey(name.replace(/\.html?$/i, "")));
  return entry ? categoryPath(entry.category) : undefined;
}

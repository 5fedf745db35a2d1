/**
 * The old Jekyll site's URLs, still in bookmarks, search results and feed
 * readers, mapped to the portal's:
 *
 *   /<category>/<yyyy>/<mm>/<dd>/<file slug>.html  (Jekyll's default post permalink)
 *   /category/<slug>.html                          (its category pages; slugs with spaces and parentheses too)
 *   /<category>/                                   (its per-category index)
 *
 * Each returns the new path, or undefined when nothing matches (a 404).
 */
import { categoryKey } from "../content/categories";
import type { ContentIndex } from "../content/content-index";
import { articlePath, categoryPath } from "./urls";

type Index = Pick<ContentIndex, "byId" | "byCategory">;

/** Segments arrive percent-encoded or not, depending on the server; decode once, leniently. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * A post by its date and file slug. The category segment is not needed (and
 * Jekyll wrote it in several spellings): the date and slug name the file.
 */
export function legacyPostPath(index: Index, parts: { year: string; month: string; day: string; file: string }): string | undefined {
  const { year, month, day } = parts;
  if (!/^\d{4}$/.test(year) || !/^\d{2}$/.test(month) || !/^\d{2}$/.test(day)) return undefined;
  const slug = decoded(parts.file).replace(/\.html?$/i, "");
  const article = index.byId.get(`${year}-${month}-${day}-${slug}`);
  return article ? articlePath(article) : undefined;
}

/** A category by the slug the old site used (`emnews`, `anxinguojizhengquan(xianggang)`, `a b`). */
export function legacyCategoryPath(index: Index, segment: string): string | undefined {
  const slug = decoded(segment).replace(/\.html?$/i, "");
  const entry = index.byCategory.get(categoryKey(slug));
  return entry ? categoryPath(entry.category) : undefined;
}

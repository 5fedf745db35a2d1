/**
 * The sources page: every category with its article count, grouped by the
 * first letter of its slug (A–Z, then # for digits and anything else), for
 * a jump bar. Within a group, by slug.
 */
import type { CategoryEntry } from "../content/content-index";

export interface SourceGroup {
  /** `A`…`Z`, or `#`. */
  letter: string;
  sources: { key: string; name: string; slug: string; count: number }[];
}

export function groupSourcesByInitial(categories: CategoryEntry[]): SourceGroup[] {
  const groups = new Map<string, SourceGroup["sources"]>();
  for (const { category, articles } of categories) {
    const first = category.slug.normalize("NFKC").charAt(0).toUpperCase();
    const letter = /^[A-Z]$/.test(first) ? first : "#";
    let list = groups.get(letter);
    if (!list) groups.set(letter, (list = []));
    list.push({ key: category.key, name: category.name, slug: category.slug, count: articles.length });
  }
  const order = (l: string) => (l === "#" ? "~" : l);
  return [...groups]
    .sort(([a], [b]) => (order(a) < order(b) ? -1 : 1))
    .map(([letter, sources]) => ({ letter, sources: sources.sort((a, b) => (a.slug.toLowerCase() < b.slug.toLowerCase() ? -1 : a.slug.toLowerCase() > b.slug.toLowerCase() ? 1 : 0)) }));
}

/**
 * An article's neighbours, for the links under it: the newer and older
 * article of the same source, and a few related ones (sharing a tag that is
 * not just the source's name, else nearest in time from the same source).
 * Positions come from `ContentIndex.positions` (built once), so a page costs
 * a handful of lookups, never a scan of the corpus.
 */
import type { ContentIndex } from "./content-index";
import type { Article } from "./types";

type Index = Pick<ContentIndex, "byCategory" | "byTag" | "positions">;

export function previousAndNext(index: Index, article: Article): { newer?: Article; older?: Article } {
  const list = index.byCategory.get(article.category.key)?.articles;
  const at = index.positions.get(article.id);
  if (!list || at === undefined) return {};
  return { newer: list[at - 1], older: list[at + 1] };
}

/** Up to `count` articles: same topic tag first (newest first), then the same source's nearest in time. */
export function relatedArticles(index: Index, article: Article, count = 5): Article[] {
  const { newer, older } = previousAndNext(index, article);
  const taken = new Set([article.id, newer?.id, older?.id]);
  const out: Article[] = [];
  const take = (candidate: Article | undefined) => {
    if (candidate && out.length < count && !taken.has(candidate.id)) {
      taken.add(candidate.id);
      out.push(candidate);
    }
  };
  // A tag that only names the source (东财滚动新闻 on every emnews post) says nothing about the topic.
  for (const tag of article.tags) {
    if (tag === article.category.name) continue;
    for (const other of (index.byTag.get(tag) ?? []).slice(0, count * 2)) take(other);
  }
  const list = index.byCategory.get(article.category.key)?.articles ?? [];
  const at = index.positions.get(article.id) ?? 0;
  for (let step = 2; out.length < count && (at - step >= 0 || at + step < list.length); step++) {
    take(list[at + step]);
    take(list[at - step]);
  }
  return out;
}

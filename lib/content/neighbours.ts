/**
 * An article's neighbours, for the links under it: the newer and older
 * article of the same source, and a few related ones (sharing a tag that is
 * not just the source's name, else from the same source; nearest in time
 * either way).
 *
 * Nearest in time, not newest: a 2021 story's related links are the same
 * topic's stories of those days, and a new post changes the links of only
 * the few articles next to it in time, so an incremental export re-renders
 * those few pages, not every page of the topic.
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

/** Up to `count` articles: the same topic tag's nearest in time first, then the same source's. */
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
    for (const other of nearestInTime(index.byTag.get(tag) ?? [], article, count * 2)) take(other);
  }
  const list = index.byCategory.get(article.category.key)?.articles ?? [];
  const at = index.positions.get(article.id) ?? 0;
  for (let step = 2; out.length < count && (at - step >= 0 || at + step < list.length); step++) {
    take(list[at + step]);
    take(list[at - step]);
  }
  return out;
}

/**
 * Up to `count` articles of a newest-first list closest in time to
 * `article` (itself excluded), alternating older and newer, found by binary
 * search: no scan of a busy tag's thousands of articles.
 */
function nearestInTime(list: Article[], article: Article, count: number): Article[] {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list[mid].publishedAt > article.publishedAt) low = mid + 1;
    else high = mid;
  }
  // list[low] is the first no newer than the article: walk out from there both ways.
  const out: Article[] = [];
  let newer = low - 1;
  let older = low;
  while (out.length < count && (newer >= 0 || older < list.length)) {
    const olderGap = older < list.length ? article.publishedAt - list[older].publishedAt : Infinity;
    const newerGap = newer >= 0 ? list[newer].publishedAt - article.publishedAt : Infinity;
    const next = olderGap <= newerGap ? list[older++] : list[newer--];
    if (next.id !== article.id) out.push(next);
  }
  return out;
}

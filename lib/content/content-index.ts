/**
 * Parsed posts → the index every page reads: newest first, by id, by
 * category, by tag. Built once per process in linear passes (plus one sort).
 */
import { fileBaseName, renamedSuffix } from "./article-id";
import { urlKey } from "./categories";
import { shortHash } from "./categories";
import type { Article, CategoryRef, ContentProblem, HiddenKind, ParsedPost } from "./types";

export interface CategoryEntry {
  category: CategoryRef;
  /** Newest first. */
  articles: Article[];
}

export interface ContentIndex {
  /** Every published article, newest first. */
  articles: Article[];
  byId: Map<string, Article>;
  /** By category key (the URL segment). */
  byCategory: Map<string, CategoryEntry>;
  byTag: Map<string, Article[]>;
  /** Tags by URL key (made like a category key), with their articles newest first. */
  tagsByKey: Map<string, { tag: string; articles: Article[] }>;
  /** Each public article's position in its category's list (for previous/next). */
  positions: Map<string, number>;
  /** Categories with the most articles first (ties by name). */
  categories: CategoryEntry[];
  /** Problems the index found across posts (duplicate ids). */
  problems: ContentProblem[];
  /**
   * Drafts, unpublished and scheduled posts, newest first: only with
   * `includeHidden` (dev), and then also in `byId`, never in the lists.
   */
  hidden: Article[];
  /**
   * The earliest date of a scheduled post still to come (when the index must
   * be rebuilt) and the files that go live then (their URLs may hold a cached 404).
   */
  nextScheduled?: { at: number; files: string[] };
}

export interface IndexOptions {
  /** The instant that decides which posts are scheduled (default: now). */
  now?: number;
  /** Keep drafts, unpublished and scheduled posts (marked `hidden`): `npm run dev` only. */
  includeHidden?: boolean;
}

/** Why a post is not public at `now`, or undefined when it is. */
export function hiddenKind(post: Pick<ParsedPost, "draft" | "unpublished" | "publishedAt">, now: number): HiddenKind | undefined {
  if (post.draft) return "draft";
  if (post.unpublished) return "unpublished";
  if (post.publishedAt > now) return "scheduled";
  return undefined;
}

/** Newest first; equal instants by id, so the order never depends on file order. */
export function compareNewestFirst(a: { publishedAt: number; id: string }, b: { publishedAt: number; id: string }) {
  return b.publishedAt - a.publishedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function buildIndex(allPosts: ParsedPost[], categoryTitles: Map<string, string> = new Map(), options: IndexOptions = {}): ContentIndex {
  const now = options.now ?? Date.now();
  let nextScheduled: { at: number; files: string[] } | undefined;
  const posts: (ParsedPost & { hidden?: HiddenKind })[] = [];
  for (const post of allPosts) {
    const hidden = hiddenKind(post, now);
    if (hidden === "scheduled") {
      if (!nextScheduled || post.publishedAt < nextScheduled.at) nextScheduled = { at: post.publishedAt, files: [post.file] };
      else if (post.publishedAt === nextScheduled.at) nextScheduled.files.push(post.file);
    }
    if (!hidden) posts.push(post);
    else if (options.includeHidden) posts.push({ ...post, hidden });
  }
  const problems: ContentProblem[] = [];
  const names = categoryDisplayNames(posts, categoryTitles);
  const refs = new Map<string, CategoryRef>();
  const byId = new Map<string, Article>();

  const articles: Article[] = [];
  const hidden: Article[] = [];
  for (const { categorySlug, draft: _draft, unpublished: _unpublished, ...post } of posts) {
    let category = refs.get(categorySlug);
    if (!category) {
      category = { slug: categorySlug, key: urlKey(categorySlug), name: names.get(categorySlug) ?? categorySlug };
      refs.set(categorySlug, category);
    }
    const taken = byId.get(post.id);
    const id = taken ? unusedId(post.id, post.file, byId) : post.id;
    const suffix = renamedSuffix(post.file);
    if (suffix) problems.push({ file: post.file, severity: "warning", reason: renamedReason(post, suffix, id, taken) });
    else if (taken) problems.push({ file: post.file, severity: "warning", reason: `has the same file name as ${taken.file}; published at '${id}' instead` });
    const article: Article = { ...post, id, category };
    byId.set(id, article);
    (article.hidden ? hidden : articles).push(article);
  }
  articles.sort(compareNewestFirst);
  hidden.sort(compareNewestFirst);

  const byCategory = new Map<string, CategoryEntry>();
  const byTag = new Map<string, Article[]>();
  for (const article of articles) {
    const key = article.category.key;
    let entry = byCategory.get(key);
    if (!entry) byCategory.set(key, (entry = { category: article.category, articles: [] }));
    entry.articles.push(article);
    for (const tag of article.tags) {
      let list = byTag.get(tag);
      if (!list) byTag.set(tag, (list = []));
      list.push(article);
    }
  }
  const tagsByKey = new Map<string, { tag: string; articles: Article[] }>();
  for (const [tag, list] of byTag) tagsByKey.set(urlKey(tag), { tag, articles: list });
  const positions = new Map<string, number>();
  for (const entry of byCategory.values()) entry.articles.forEach((a, i) => positions.set(a.id, i));
  const categories = [...byCategory.values()].sort(
    (a, b) => b.articles.length - a.articles.length || a.category.name.localeCompare(b.category.name, "zh-CN"),
  );
  return { articles, byId, byCategory, byTag, tagsByKey, positions, categories, problems, hidden, nextScheduled };
}

/**
 * A free id for a post whose own is taken: its id and a stable hash of its
 * path, rehashed in the unlikely case that is some other file's name too.
 * Never one post replacing another.
 */
function unusedId(id: string, file: string, byId: Map<string, Article>): string {
  let candidate = `${id}-${shortHash(file)}`;
  for (let n = 1; byId.has(candidate); n++) candidate = `${id}-${shortHash(`${file}#${n}`)}`;
  return candidate;
}

/** Why a post whose name ends in `.html` (or another typed suffix) is at another id, naming the file it would meet. */
function renamedReason(post: Pick<ParsedPost, "id" | "file">, suffix: string, id: string, taken: Article | undefined): string {
  return (
    `its name ends in '${suffix}', which a URL would take for a file of that type` +
    (taken ? `, and '${post.id}' is ${taken.file}'s` : "") +
    `; published at '${id}' instead`
  );
}

/**
 * A category's display name: the tag its posts carry most often as their
 * first tag (`中国发展网新闻`); else the `category/<slug>.html` title; else the slug.
 */
function categoryDisplayNames(posts: ParsedPost[], titles: Map<string, string>): Map<string, string> {
  const counts = new Map<string, Map<string, number>>();
  for (const post of posts) {
    const tag = post.tags[0];
    if (!tag) continue;
    let perTag = counts.get(post.categorySlug);
    if (!perTag) counts.set(post.categorySlug, (perTag = new Map()));
    perTag.set(tag, (perTag.get(tag) ?? 0) + 1);
  }
  const names = new Map<string, string>();
  for (const post of posts) {
    if (names.has(post.categorySlug)) continue;
    const perTag = counts.get(post.categorySlug);
    const best = perTag && [...perTag].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    names.set(post.categorySlug, best ?? titles.get(post.categorySlug) ?? post.categorySlug);
  }
  return names;
}

/** One page of a list; pages are 1-based. */
export function paginate<T>(items: T[], page: number, perPage: number): { items: T[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(items.length / perPage));
  return { items: items.slice((page - 1) * perPage, page * perPage), page, pageCount };
}

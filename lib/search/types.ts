/**
 * The search contract: what the index is built from (`SearchRecord`, one per
 * published article) and what a query returns. The builder runs in Node at
 * `npm run build`; the client runs in the reader's browser against the
 * static index files, so nothing here may import Node, React or Next.
 */

/** One published article as search sees it: plain text only, never HTML. */
export interface SearchRecord {
  /** Article id (`2021-12-08-202112082206735975`). */
  id: string;
  /** Site-relative URL of the article (`/articles/<id>`). */
  url: string;
  title: string;
  /** The category (source) key used in `/category/<key>`; the source filter uses it. */
  sourceKey: string;
  /** The category's display name (`中国发展网新闻`). */
  sourceName: string;
  /** Published instant, ms since the epoch. */
  publishedAt: number;
  summary: string;
  /** The body as plain text (no navigation, no markup). */
  body: string;
}

export type SearchSort = "relevance" | "newest";

export interface SearchQuery {
  q: string;
  sort?: SearchSort;
  /** Only this source (category key). */
  source?: string;
  /** Published at or after this instant (ms). */
  from?: number;
  /** Published before this instant (ms). */
  to?: number;
  /** Page size (default 10) and offset into the ranked hits. */
  limit?: number;
  offset?: number;
}

/** [start, end) character ranges to highlight. */
export type Highlight = [number, number];

export interface SearchHit {
  id: string;
  url: string;
  title: string;
  titleHighlights: Highlight[];
  sourceKey: string;
  sourceName: string;
  publishedAt: number;
  /** A short passage around the first match (or the summary), plain text. */
  snippet: string;
  snippetHighlights: Highlight[];
}

export interface SearchResponse {
  /** Matching articles (may be an estimate when candidates are verified lazily; see `exact`). */
  total: number;
  exact: boolean;
  hits: SearchHit[];
}

/** What the server knows that the index does not: articles published after the build, ids deleted since (`/search-index/fresh.json`). */
export interface FreshArticles {
  records: SearchRecord[];
  removedIds: string[];
}

/**
 * One page of a listing, a source's (category) or a tag's articles, as data
 * for components/ListingView.tsx. The two kinds differ only in what this
 * module fills in.
 */
import { paginate, type ContentIndex } from "../content/content-index";
import type { Article, CategoryRef } from "../content/types";
import { LISTING_PAGE_SIZE } from "../site/config";
import { feedAlternates } from "../site/feeds";
import { toListItem, type ListItem } from "../site/list-items";
import { previewMetadata } from "../site/open-graph";
import { absoluteUrl, categoryPath, homePath, sourcesPath, tagPath } from "../site/urls";
import type { PageMetadata } from "./metadata";

type Index = Pick<ContentIndex, "byCategory" | "tagsByKey">;

export interface ListingPageData {
  heading: string;
  /** Articles in the whole listing, not just this page. */
  total: number;
  page: number;
  pageCount: number;
  items: ListItem[];
  crumbs: { label: string; href?: string }[];
  /** The listing's page 1: later pages are `page/<n>/` under it (urls.ts). */
  firstPageHref: string;
  /** A source's page 1 shows "N 条新消息" for articles newer than this, in this category. */
  freshness?: { since: number; categoryKey: string };
  metadata: PageMetadata;
}

/** Page `page` of a source, or undefined when the source or the page does not exist. */
export function categoryListingPage(index: Index, key: string, page: number): ListingPageData | undefined {
  const entry = index.byCategory.get(key);
  const slice = entry && pageOf(entry.articles, page);
  if (!entry || !slice) return undefined;
  const { category, articles } = entry;
  const title = page > 1 ? `${category.name}（第 ${page} 页）` : category.name;
  const url = absoluteUrl(categoryPath(category, page));
  return {
    heading: category.name,
    total: articles.length,
    page,
    pageCount: slice.pageCount,
    items: slice.items.map((a) => toListItem(a, { summary: true })),
    crumbs: [{ label: "首页", href: homePath() }, { label: "全部来源", href: sourcesPath() }, { label: category.name }],
    firstPageHref: categoryPath(category),
    freshness: page === 1 ? { since: articles[0].publishedAt, categoryKey: category.key } : undefined,
    metadata: {
      title,
      ...previewMetadata({ title, description: `${category.name}：最新 ${articles.length} 篇财经新闻，按时间排列。`, url }),
      alternates: { canonical: url, types: feedAlternates({ category: category as CategoryRef }) },
    },
  };
}

/** Page `page` of a tag, or undefined when the tag or the page does not exist. */
export function tagListingPage(index: Index, key: string, page: number): ListingPageData | undefined {
  const entry = index.tagsByKey.get(key);
  const slice = entry && pageOf(entry.articles, page);
  if (!entry || !slice) return undefined;
  const heading = `标签：${entry.tag}`;
  const title = page > 1 ? `${heading}（第 ${page} 页）` : heading;
  const url = absoluteUrl(tagPath(entry.tag, page));
  return {
    heading,
    total: entry.articles.length,
    page,
    pageCount: slice.pageCount,
    items: slice.items.map((a) => toListItem(a, { source: true, summary: true })),
    crumbs: [{ label: "首页", href: homePath() }, { label: heading }],
    firstPageHref: tagPath(entry.tag),
    metadata: { title, ...previewMetadata({ title, description: `带有“${entry.tag}”标签的 ${entry.articles.length} 篇财经新闻。`, url }), alternates: { canonical: url } },
  };
}

/** Pages in a listing of `count` articles. */
export const listingPageCount = (count: number) => Math.max(1, Math.ceil(count / LISTING_PAGE_SIZE));

function pageOf(articles: Article[], page: number) {
  if (!Number.isInteger(page) || page < 1) return undefined;
  const slice = paginate(articles, page, LISTING_PAGE_SIZE);
  return page > slice.pageCount ? undefined : slice;
}

/**
 * The pages that are the same for every reader and carry no key from the
 * content: home, the sources list, search, 404, as data for their views.
 * And the site's chrome (header and footer) that every page shares.
 */
import type { ContentIndex } from "../content/content-index";
import { HOME_LATEST_COUNT, HOME_PER_SOURCE, HOME_SOURCE_COUNT, SITE_DESCRIPTION, SITE_NAME, showsDrafts } from "../site/config";
import { feedAlternates } from "../site/feeds";
import { toListItem, type ListItem } from "../site/list-items";
import { previewMetadata } from "../site/open-graph";
import { groupSourcesByInitial, type SourceGroup } from "../site/sources";
import { absoluteUrl, categoryPath, draftsPath, homePath, searchPath, sourcesPath } from "../site/urls";
import type { PageMetadata } from "./metadata";

type Index = Pick<ContentIndex, "articles" | "categories">;

export interface SiteChrome {
  siteName: string;
  homeHref: string;
  sourcesHref: string;
  searchHref: string;
  /** The dev preview's drafts list, only in `npm run dev`. */
  draftsHref?: string;
}

export function siteChrome(): SiteChrome {
  return { siteName: SITE_NAME, homeHref: homePath(), sourcesHref: sourcesPath(), searchHref: searchPath(), draftsHref: showsDrafts() ? draftsPath() : undefined };
}

export interface HomePageData {
  heading: string;
  latest: ListItem[];
  /** The newest instant on the page: "N 条新消息" counts articles after it. */
  since: number;
  sources: { key: string; name: string; href: string; total: number; items: ListItem[] }[];
}

export function homePageData(index: Index): HomePageData {
  return {
    heading: `${SITE_NAME}：最新财经新闻`,
    latest: index.articles.slice(0, HOME_LATEST_COUNT).map((a) => toListItem(a, { source: true })),
    since: index.articles[0]?.publishedAt ?? 0,
    sources: index.categories.slice(0, HOME_SOURCE_COUNT).map(({ category, articles }) => ({
      key: category.key,
      name: category.name,
      href: categoryPath(category),
      total: articles.length,
      items: articles.slice(0, HOME_PER_SOURCE).map((a) => toListItem(a)),
    })),
  };
}

export const homeMetadata = (): PageMetadata => ({
  alternates: { canonical: absoluteUrl(homePath()), types: feedAlternates() },
  ...previewMetadata({ title: SITE_NAME, description: SITE_DESCRIPTION, url: absoluteUrl(homePath()) }),
});

export interface SourcesPageData {
  groups: { letter: string; anchor: string; sources: (SourceGroup["sources"][number] & { href: string })[] }[];
  sourceCount: number;
  articleCount: number;
  crumbs: { label: string; href?: string }[];
}

export function sourcesPageData(index: Index): SourcesPageData {
  return {
    groups: groupSourcesByInitial(index.categories).map((g) => ({
      ...g,
      anchor: `letter-${g.letter === "#" ? "other" : g.letter}`,
      sources: g.sources.map((s) => ({ ...s, href: categoryPath(s) })),
    })),
    sourceCount: index.categories.length,
    articleCount: index.articles.length,
    crumbs: [{ label: "首页", href: homePath() }, { label: "全部来源" }],
  };
}

export const sourcesMetadata = (): PageMetadata => ({
  title: "全部来源",
  ...previewMetadata({ title: "全部来源", description: "本站收录的全部媒体来源，按拼音或英文名首字母排列，附文章数。", url: absoluteUrl(sourcesPath()) }),
  alternates: { canonical: absoluteUrl(sourcesPath()) },
});

export const searchMetadata = (): PageMetadata => ({
  title: "搜索",
  ...previewMetadata({ title: "搜索", description: "在全部文章的标题、摘要和正文中搜索。", url: absoluteUrl(searchPath()) }),
  alternates: { canonical: absoluteUrl(searchPath()) },
  // Result lists are not pages of their own for search engines.
  robots: { index: false, follow: true },
});

export const notFoundMetadata = (): PageMetadata => ({ title: "页面不存在", robots: { index: false } });

/**
 * An article's page as data: everything its view (components/ArticleView.tsx)
 * shows except the body, which is rendered from the post file apart
 * (off the main thread under `npm start`, in the exporter's workers).
 */
import type { ContentIndex } from "../content/content-index";
import { previousAndNext, relatedArticles } from "../content/neighbours";
import type { Article, HiddenKind } from "../content/types";
import { feedAlternates } from "../site/feeds";
import { articleJsonLd } from "../site/json-ld";
import { metaDescription, previewMetadata } from "../site/open-graph";
import { absoluteUrl, articlePath, categoryPath, homePath, tagPath } from "../site/urls";
import { articleShareImage, headlineCardIds } from "../share/share-image";
import type { PageMetadata } from "./metadata";

type Index = Pick<ContentIndex, "articles" | "byId" | "byCategory" | "byTag" | "positions">;
export interface PageLink {
  href: string;
  title: string;
}

export interface ArticlePageData {
  title: string;
  lede?: string;
  publishedAt: number;
  source: { name: string; url?: string };
  category: { name: string; href: string };
  tags: PageLink[];
  hidden?: HiddenKind;
  /** Structured data for search engines (absent for previews). */
  jsonLd?: object[];
  crumbs: { label: string; href: string }[];
  newer?: PageLink;
  older?: PageLink;
  related: PageLink[];
}

const shareImage = (articles: readonly Article[], article: Article) => articleShareImage(article, headlineCardIds(articles).has(article.id));

const link = (a: Article): PageLink => ({ href: articlePath(a), title: a.title });

export function articlePageData(index: Index, article: Article): ArticlePageData {
  const categoryHref = categoryPath(article.category);
  const { newer, older } = previousAndNext(index, article);
  return {
    title: article.title,
    lede: article.lede,
    publishedAt: article.publishedAt,
    source: { name: article.source.name, url: article.source.url },
    category: { name: article.category.name, href: categoryHref },
    tags: article.tags.map((name) => ({ title: name, href: tagPath(name) })),
    hidden: article.hidden,
    jsonLd: article.hidden ? undefined : articleJsonLd(article, shareImage(index.articles, article), metaDescription(article.summary)),
    // The visible trail ends at the source: the headline right below names the page.
    crumbs: [
      { label: "首页", href: homePath() },
      { label: article.category.name, href: categoryHref },
    ],
    newer: newer && link(newer),
    older: older && link(older),
    related: relatedArticles(index, article).map(link),
  };
}

/** `articles`: the index's, newest first (which articles have a headline card depends on it). */
export function articleMetadata(article: Article, articles: readonly Article[]): PageMetadata {
  const url = absoluteUrl(articlePath(article));
  return {
    title: article.title,
    alternates: { canonical: url, types: feedAlternates({ atomOnly: true }) },
    ...previewMetadata({
      title: article.title,
      description: metaDescription(article.summary),
      url,
      image: shareImage(articles, article),
      article: { publishedAt: article.publishedAt, section: article.category.name },
    }),
    // Previews of drafts, unpublished and scheduled posts (dev only) must never be indexed.
    ...(article.hidden ? { robots: { index: false, follow: false } } : {}),
  };
}

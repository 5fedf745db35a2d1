/**
 * Every page of the site as a job for the static exporter: where it goes,
 * which view renders it, and the data it shows (lib/pages/). A job is
 * plain data (it crosses into worker threads), and it is everything the page
 * depends on but the post file of an article: its fingerprint says when the
 * page must be written again (scripts/export/export-site.ts).
 */
import type { ContentIndex } from "../content/content-index";
import { basePath } from "../site/base-path.cjs";
import { articleMetadata, articlePageData, type ArticlePageData } from "../pages/article-page";
import { categoryListingPage, listingPageCount, tagListingPage, type ListingPageData } from "../pages/listing-page";
import type { PageMetadata } from "../pages/metadata";
import { searchShellData, type SearchPageData } from "../pages/search-page";
import { homeMetadata, homePageData, notFoundMetadata, searchMetadata, sourcesMetadata, sourcesPageData, type HomePageData, type SourcesPageData } from "../pages/site-pages";
import { articleCardText, type CardText } from "../share/card-layout";
import { HEADLINE_CARD_COUNT, headlineCardIds } from "../share/share-image";
import { articleCardPath, articlePath, categoryPath, homePath, searchPath, sitePath, sourcesPath, tagPath } from "../site/urls";

export type PageView =
  | { kind: "article"; article: ArticlePageData; /** The post file, relative to the content folder: the body comes from it. */ file: string }
  | { kind: "listing"; listing: ListingPageData }
  | { kind: "home"; home: HomePageData }
  | { kind: "sources"; sources: SourcesPageData }
  | { kind: "search"; search: SearchPageData }
  | { kind: "not-found" }
  /** Not a page but an article's share card (a PNG, lib/share/card.ts): drawn in the same workers, being as costly. */
  | { kind: "card"; card: CardText };

export interface PageJob {
  /** The page's URL path (`/articles/<id>/`), or `/404.html` for the not-found page. */
  path: string;
  metadata: PageMetadata;
  view: PageView;
}

type Index = Pick<ContentIndex, "articles" | "categories" | "byId" | "byCategory" | "byTag" | "tagsByKey" | "positions">;

/** The file a page's URL is served from: `/a/b/` → `a/b/index.html`; the export is the folder BASE_PATH names. */
export function pageFile(urlPath: string): string {
  const base = basePath();
  const local = base && urlPath.startsWith(`${base}/`) ? urlPath.slice(base.length) : urlPath;
  const relative = decodeURIComponent(local).replace(/^\/+/, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/** Every page, lazily: an archive's jobs are made as the exporter takes them. */
export function* pageJobs(index: Index): Generator<PageJob> {
  yield { path: homePath(), metadata: homeMetadata(), view: { kind: "home", home: homePageData(index) } };
  yield { path: sourcesPath(), metadata: sourcesMetadata(), view: { kind: "sources", sources: sourcesPageData(index) } };
  yield { path: searchPath(), metadata: searchMetadata(), view: { kind: "search", search: searchShellData(index) } };
  yield { path: sitePath("/404.html"), metadata: notFoundMetadata(), view: { kind: "not-found" } };
  for (const article of index.articles) {
    yield { path: articlePath(article), metadata: articleMetadata(article, index.articles), view: { kind: "article", article: articlePageData(index, article), file: article.file } };
  }
  const cards = headlineCardIds(index.articles);
  for (const article of index.articles.slice(0, HEADLINE_CARD_COUNT)) {
    if (cards.has(article.id)) yield { path: articleCardPath(article), metadata: {}, view: { kind: "card", card: articleCardText(article) } };
  }
  for (const { category, articles } of index.categories) {
    for (let page = 1; page <= listingPageCount(articles.length); page++) {
      const listing = categoryListingPage(index, category.key, page)!;
      yield { path: categoryPath(category, page), metadata: listing.metadata, view: { kind: "listing", listing } };
    }
  }
  for (const [key, { tag, articles }] of index.tagsByKey) {
    for (let page = 1; page <= listingPageCount(articles.length); page++) {
      const listing = tagListingPage(index, key, page)!;
      yield { path: tagPath(tag, page), metadata: listing.metadata, view: { kind: "listing", listing } };
    }
  }
}

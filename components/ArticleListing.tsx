import { ArticleList } from "./ArticleList";
import type { ArticleListItemProps } from "./ArticleListItem";
import { Breadcrumbs, type Crumb } from "./Breadcrumbs";
import { Pagination } from "./Pagination";

interface ArticleListingProps {
  heading: string;
  /** Articles in the whole listing, not just this page. */
  total: number;
  page: number;
  pageCount: number;
  items: (ArticleListItemProps & { key: string })[];
  crumbs: Crumb[];
  hrefFor: (page: number) => string;
  /** Shown above the list (the "N 条新消息" notice on a source's first page). */
  notice?: React.ReactNode;
}

/** One page of a source's or a tag's articles: heading, count, list, pages. */
export function ArticleListing({ heading, total, page, pageCount, items, crumbs, hrefFor, notice }: ArticleListingProps) {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Breadcrumbs items={crumbs} />
      <section aria-labelledby="listing-heading" className="rounded-lg border border-line bg-surface px-4 py-5 sm:px-6">
        <h1 id="listing-heading" className="text-2xl font-bold">
          {heading}
        </h1>
        <p className="mt-1 text-sm text-muted">
          共 {total} 篇
          {pageCount > 1 ? ` · 第 ${page} / ${pageCount} 页` : null}
        </p>
        {notice}
        {/* Headlines are h2: the list follows the h1 with no section heading between. */}
        <ArticleList items={items} label={`${heading}文章列表`} headingLevel={2} />
        <Pagination page={page} pageCount={pageCount} hrefFor={hrefFor} />
      </section>
    </div>
  );
}

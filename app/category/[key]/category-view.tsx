import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ArticleListing } from "@/components/ArticleListing";
import { FreshnessNotice } from "@/components/FreshnessNotice";
import { paginate } from "@/lib/content/content-index";
import { getIndex } from "@/lib/content/store";
import { CATEGORY_PAGE_SIZE } from "@/lib/site/config";
import { feedAlternates } from "@/lib/site/feeds";
import { legacyCategoryPath } from "@/lib/site/legacy-urls";
import { previewMetadata } from "@/lib/site/open-graph";
import { toListItem } from "@/lib/site/list-items";
import { absoluteUrl, categoryPath, homePath, sourcesPath } from "@/lib/site/urls";

/** The category (source) and the page asked for, or undefined when either does not exist. */
export function findCategoryPage(key: string, page: number) {
  const entry = getIndex().byCategory.get(key);
  if (!entry || !Number.isInteger(page) || page < 1) return undefined;
  const slice = paginate(entry.articles, page, CATEGORY_PAGE_SIZE);
  if (page > slice.pageCount) return undefined;
  return { ...entry, ...slice };
}

export function categoryMetadata(key: string, page: number): Metadata {
  const found = findCategoryPage(key, page);
  if (!found) return {};
  const name = found.category.name;
  const title = page > 1 ? `${name}（第 ${page} 页）` : name;
  const description = `${name}：最新 ${found.articles.length} 篇财经新闻，按时间排列。`;
  return {
    title,
    ...previewMetadata({ title, description, url: absoluteUrl(categoryPath(found.category, page)) }),
    alternates: { canonical: absoluteUrl(categoryPath(found.category, page)), types: feedAlternates({ category: found.category }) },
  };
}

/** Both category routes (page 1 and page n) render this. */
export function CategoryView({ categoryKey, page }: { categoryKey: string; page: number }) {
  const found = findCategoryPage(categoryKey, page);
  if (!found) {
    // The old site's `/category/<slug>.html` pages redirect (308) to their category.
    const legacy = page === 1 && /\.html?$/i.test(categoryKey) ? legacyCategoryPath(getIndex(), categoryKey) : undefined;
    if (legacy) permanentRedirect(legacy);
    notFound();
  }
  const { category, items, pageCount, articles } = found;
  return (
    <ArticleListing
      heading={category.name}
      total={articles.length}
      page={page}
      pageCount={pageCount}
      items={items.map((a) => toListItem(a, { summary: true }))}
      crumbs={[{ label: "首页", href: homePath() }, { label: "全部来源", href: sourcesPath() }, { label: category.name }]}
      hrefFor={(p) => categoryPath(category, p)}
      notice={page === 1 ? <FreshnessNotice since={articles[0].publishedAt} categoryKey={category.key} /> : undefined}
    />
  );
}

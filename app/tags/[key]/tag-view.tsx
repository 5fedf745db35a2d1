import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleListing } from "@/components/ArticleListing";
import { paginate } from "@/lib/content/content-index";
import { getIndex } from "@/lib/content/store";
import { CATEGORY_PAGE_SIZE, isStaticExport } from "@/lib/site/config";
import { toListItem } from "@/lib/site/list-items";
import { previewMetadata } from "@/lib/site/open-graph";
import { absoluteUrl, homePath, tagPath } from "@/lib/site/urls";

/** The tag and the page asked for, or undefined when either does not exist. */
function findTagPage(key: string, page: number) {
  const entry = getIndex().tagsByKey.get(key);
  if (!entry || !Number.isInteger(page) || page < 1) return undefined;
  const slice = paginate(entry.articles, page, CATEGORY_PAGE_SIZE);
  return page > slice.pageCount ? undefined : { ...entry, ...slice };
}

/** Every tag for a static export; a server renders tag pages on first request. */
export function tagStaticParams() {
  return isStaticExport() ? [...getIndex().tagsByKey.keys()].map((key) => ({ key })) : [];
}

export function tagMetadata(key: string, page: number): Metadata {
  const found = findTagPage(key, page);
  if (!found) return {};
  const title = page > 1 ? `标签：${found.tag}（第 ${page} 页）` : `标签：${found.tag}`;
  const url = absoluteUrl(tagPath(found.tag, page));
  return { title, ...previewMetadata({ title, description: `带有“${found.tag}”标签的 ${found.articles.length} 篇财经新闻。`, url }), alternates: { canonical: url } };
}

export function TagView({ tagKey, page }: { tagKey: string; page: number }) {
  const found = findTagPage(tagKey, page);
  if (!found) notFound();
  return (
    <ArticleListing
      heading={`标签：${found.tag}`}
      total={found.articles.length}
      page={page}
      pageCount={found.pageCount}
      items={found.items.map((a) => toListItem(a, { source: true, summary: true }))}
      crumbs={[{ label: "首页", href: homePath() }, { label: `标签：${found.tag}` }]}
      hrefFor={(p) => tagPath(found.tag, p)}
    />
  );
}

import type { Metadata } from "next";
import { ArticleList } from "@/components/ArticleList";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { getIndex } from "@/lib/content/content-store";
import { toListItem } from "@/lib/site/list-items";
import { homePath } from "@/lib/site/urls";

/*
 * Exists only under `npm run dev`: next.config.js adds the `dev.tsx` page
 * extension for the dev server alone, so production builds have no /drafts.
 */

export const metadata: Metadata = { title: "草稿与待发布", robots: { index: false, follow: false } };

export default function DraftsPage() {
  const { hidden } = getIndex();
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Breadcrumbs items={[{ label: "首页", href: homePath() }, { label: "草稿与待发布" }]} />
      <section aria-labelledby="drafts-heading" className="rounded-lg border border-line bg-surface px-4 py-5 sm:px-6">
        <h1 id="drafts-heading" className="text-2xl font-bold">
          草稿与待发布
        </h1>
        <p className="mt-1 text-sm text-muted">
          共 {hidden.length} 篇：_drafts/ 中的草稿、published: false 的文章和定时发布的文章。只在 npm run dev 中可见。
        </p>
        {hidden.length ? (
          <ArticleList items={hidden.map((a) => toListItem(a, { source: true, summary: true }))} label="草稿与待发布文章列表" headingLevel={2} />
        ) : (
          <p className="py-6 text-muted">没有草稿。用 npm run new -- --title "标题" --category emnews 新建一篇。</p>
        )}
      </section>
    </div>
  );
}

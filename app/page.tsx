import { ArticleList } from "@/components/ArticleList";
import { SourceSection } from "@/components/SourceSection";
import { FreshnessNotice } from "@/components/FreshnessNotice";
import { getIndex } from "@/lib/content/store";
import { HOME_LATEST_COUNT, HOME_PER_SOURCE, HOME_SOURCE_COUNT, SITE_DESCRIPTION, SITE_NAME } from "@/lib/site/config";
import { feedAlternates } from "@/lib/site/feeds";
import { previewMetadata } from "@/lib/site/open-graph";
import { toListItem } from "@/lib/site/list-items";
import { absoluteUrl, categoryPath, homePath } from "@/lib/site/urls";

export const metadata = {
  alternates: { canonical: absoluteUrl(homePath()), types: feedAlternates() },
  ...previewMetadata({ title: SITE_NAME, description: SITE_DESCRIPTION, url: absoluteUrl(homePath()) }),
};

export default function HomePage() {
  const index = getIndex();
  const latest = index.articles.slice(0, HOME_LATEST_COUNT).map((a) => toListItem(a, { source: true }));
  const busiest = index.categories.slice(0, HOME_SOURCE_COUNT);
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <h1 className="sr-only">{SITE_NAME}：最新财经新闻</h1>
      <section aria-labelledby="latest-heading" className="rounded-lg border border-line bg-surface p-4">
        <h2 id="latest-heading" className="border-b border-line pb-2 text-lg font-bold">
          最新消息
        </h2>
        <FreshnessNotice since={index.articles[0]?.publishedAt ?? 0} />
        {latest.length > 0 ? <ArticleList items={latest} /> : <p className="py-6 text-muted">暂无文章。</p>}
      </section>
      <div className="grid content-start gap-6 md:grid-cols-2">
        {busiest.map(({ category, articles }) => (
          <SourceSection
            key={category.key}
            name={category.name}
            href={categoryPath(category)}
            total={articles.length}
            items={articles.slice(0, HOME_PER_SOURCE).map((a) => toListItem(a))}
          />
        ))}
      </div>
    </div>
  );
}

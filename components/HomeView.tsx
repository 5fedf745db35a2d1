import type { HomePageData } from "@/lib/pages/site-pages";
import { ArticleList } from "./ArticleList";
import { FreshnessNotice } from "./FreshnessNotice";
import { SourceSection } from "./SourceSection";

/** The home page: the latest headlines beside the busiest sources' newest. */
export function HomeView({ home }: { home: HomePageData }) {
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
      <h1 className="sr-only">{home.heading}</h1>
      <section aria-labelledby="latest-heading" className="rounded-lg border border-line bg-surface p-4">
        <h2 id="latest-heading" className="border-b border-line pb-2 text-lg font-bold">
          最新消息
        </h2>
        <FreshnessNotice since={home.since} />
        {home.latest.length > 0 ? <ArticleList items={home.latest} /> : <p className="py-6 text-muted">暂无文章。</p>}
      </section>
      <div className="grid content-start gap-6 md:grid-cols-2">
        {home.sources.map((source) => (
          <SourceSection key={source.key} name={source.name} href={source.href} total={source.total} items={source.items} />
        ))}
      </div>
    </div>
  );
}

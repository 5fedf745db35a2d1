import type { SourcesPageData } from "@/lib/pages/site-pages";
import { Breadcrumbs } from "./Breadcrumbs";

/** Every source, grouped by initial, with a jump bar. */
export function SourcesView({ sources }: { sources: SourcesPageData }) {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Breadcrumbs items={sources.crumbs} />
      <section aria-labelledby="sources-heading" className="rounded-lg border border-line bg-surface px-4 py-5 sm:px-6">
        <h1 id="sources-heading" className="text-2xl font-bold">
          全部来源
        </h1>
        <p className="mt-1 text-sm text-muted">
          共 {sources.sourceCount} 个来源，{sources.articleCount} 篇文章
        </p>
        <nav aria-label="按首字母跳转" className="jump-bar">
          {sources.groups.map((g) => (
            <a key={g.letter} href={`#${g.anchor}`}>
              {g.letter}
            </a>
          ))}
        </nav>
        {sources.groups.map((g) => (
          <section key={g.letter} aria-labelledby={g.anchor} className="sources-group">
            <h2 id={g.anchor}>{g.letter}</h2>
            <ul>
              {g.sources.map((s) => (
                <li key={s.key}>
                  <a href={s.href} className="link">
                    {s.name}
                  </a>
                  <span className="text-sm text-muted"> {s.count} 篇</span>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { getIndex } from "@/lib/content/store";
import { groupSourcesByInitial } from "@/lib/site/sources";
import { absoluteUrl, categoryPath, homePath, sourcesPath } from "@/lib/site/urls";

export const metadata: Metadata = {
  title: "全部来源",
  description: "本站收录的全部媒体来源，按拼音或英文名首字母排列，附文章数。",
  alternates: { canonical: absoluteUrl(sourcesPath()) },
};

export default function SourcesPage() {
  const index = getIndex();
  const groups = groupSourcesByInitial(index.categories);
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <Breadcrumbs items={[{ label: "首页", href: homePath() }, { label: "全部来源" }]} />
      <section aria-labelledby="sources-heading" className="rounded-lg border border-line bg-surface px-4 py-5 sm:px-6">
        <h1 id="sources-heading" className="text-2xl font-bold">
          全部来源
        </h1>
        <p className="mt-1 text-sm text-muted">
          共 {index.categories.length} 个来源，{index.articles.length} 篇文章
        </p>
        <nav aria-label="按首字母跳转" className="jump-bar">
          {groups.map((g) => (
            <a key={g.letter} href={`#letter-${g.letter === "#" ? "other" : g.letter}`}>
              {g.letter}
            </a>
          ))}
        </nav>
        {groups.map((g) => (
          <section key={g.letter} aria-labelledby={`letter-${g.letter === "#" ? "other" : g.letter}`} className="sources-group">
            <h2 id={`letter-${g.letter === "#" ? "other" : g.letter}`}>{g.letter}</h2>
            <ul>
              {g.sources.map((s) => (
                <li key={s.key}>
                  <Link href={categoryPath(s)} className="link">
                    {s.name}
                  </Link>
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

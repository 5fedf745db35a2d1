import { ArticleList } from "./ArticleList";
import type { ArticleListItemProps } from "./ArticleListItem";

interface SourceSectionProps {
  name: string;
  href: string;
  total: number;
  items: (ArticleListItemProps & { key: string })[];
}

/** A source's latest headlines on the home page, with a link to all of them. */
export function SourceSection({ name, href, total, items }: SourceSectionProps) {
  const headingId = `source-${href.replace(/[^a-z0-9]+/gi, "-")}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-line bg-surface p-4">
      <h2 id={headingId} className="flex items-baseline justify-between gap-2 border-b border-line pb-2">
        <a href={href} className="text-lg font-bold hover:text-accent">
          {name}
        </a>
        <span className="shrink-0 text-xs font-normal text-muted">{total} 篇</span>
      </h2>
      <ArticleList items={items} />
      <a href={href} className="link mt-2 inline-block text-sm">
        更多{name} ›
      </a>
    </section>
  );
}

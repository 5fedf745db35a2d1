import { PublishedTime } from "./PublishedTime";

export interface ArticleListItemProps {
  href: string;
  title: string;
  publishedAt: number;
  /** How the list shows the time (lib/time formatListDate). */
  dateLabel: string;
  /** Media name, shown when the list mixes sources. */
  sourceName?: string;
  summary?: string;
  /** A short mark before the headline (草稿 in the drafts preview). */
  badge?: string;
  /** 3 under a section's h2 (the default); 2 where the list follows the page's h1 directly. */
  headingLevel?: 2 | 3;
}

/** One headline in a list: the link, when, and (optionally) who and what. */
export function ArticleListItem({ href, title, publishedAt, dateLabel, sourceName, summary, badge, headingLevel = 3 }: ArticleListItemProps) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className="article-list-item py-3">
      <Heading className="text-base font-medium leading-relaxed">
        {badge ? <span className="mr-2 rounded bg-accent px-1.5 py-0.5 text-xs font-bold text-surface">{badge}</span> : null}
        <a href={href} className="headline-link">
          {title}
        </a>
      </Heading>
      {summary ? <p className="mt-1 line-clamp-2 text-sm leading-relaxed text-muted">{summary}</p> : null}
      <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-muted">
        <PublishedTime instant={publishedAt} listLabel={dateLabel} />
        {sourceName ? <span>{sourceName}</span> : null}
      </p>
    </li>
  );
}

import { ArticleListItem, type ArticleListItemProps } from "./ArticleListItem";

/** A list of headlines, newest first as given; `headingLevel` as in ArticleListItem. */
export function ArticleList({ items, label, headingLevel }: { items: (ArticleListItemProps & { key: string })[]; label?: string; headingLevel?: 2 | 3 }) {
  return (
    <ul aria-label={label} className="divide-y divide-line">
      {items.map(({ key, ...item }) => (
        <ArticleListItem key={key} {...item} headingLevel={headingLevel} />
      ))}
    </ul>
  );
}

import { ArticleListItem, type ArticleListItemProps } from "./ArticleListItem";

/** A list of headlines, newest first as given. */
export function ArticleList({ items, label }: { items: (ArticleListItemProps & { key: string })[]; label?: string }) {
  return (
    <ul aria-label={label} className="divide-y divide-line">
      {items.map(({ key, ...item }) => (
        <ArticleListItem key={key} {...item} />
      ))}
    </ul>
  );
}

/** The post's tags, as the source site listed them. */
export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label="标签" className="flex flex-wrap gap-2">
      {tags.map((tag) => (
        <li key={tag} className="rounded-full bg-chip px-3 py-1 text-sm text-muted">
          {tag}
        </li>
      ))}
    </ul>
  );
}

/** The post's tags, as the source site listed them. */
export function TagList({ tags }: { tags: string[] }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label="标签" className="tags">
      {tags.map((tag) => (
        <li key={tag}>
          {tag}
        </li>
      ))}
    </ul>
  );
}

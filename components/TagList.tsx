
/** The post's tags, as the source site listed them, each linking to its articles. */
export function TagList({ tags }: { tags: { name: string; href: string }[] }) {
  if (tags.length === 0) return null;
  return (
    <ul aria-label="标签" className="tags">
      {tags.map((tag) => (
        <li key={tag.name}>
          <a href={tag.href}>{tag.name}</a>
        </li>
      ))}
    </ul>
  );
}


/** A few articles on the same topic or from the same source, under an article. */
export function RelatedArticles({ items }: { items: { href: string; title: string }[] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="related">
      <h2 id="related-heading">相关文章</h2>
      <ul>
        {items.map((item) => (
          <li key={item.href}>
            <a href={item.href} className="headline-link">
              {item.title}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}


export interface Crumb {
  label: string;
  /** Omitted for the current page. */
  href?: string;
}

/** Where the reader is: home › category › here. The way back to the category. */
export function Breadcrumbs({ items }: { items: Crumb[] }) {
  return (
    <nav aria-label="面包屑导航" className="text-sm text-muted">
      <ol className="crumbs">
        {items.map((item, i) => (
          <li key={`${i}-${item.label}`}>
            {i > 0 ? <span aria-hidden="true">›</span> : null}
            {item.href ? (
              <a href={item.href} className="link">
                {item.label}
              </a>
            ) : (
              <span aria-current="page" className="truncate">
                {item.label}
              </span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}

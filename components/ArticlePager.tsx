
interface PagerLink {
  href: string;
  title: string;
}

/** The newer (上一篇) and older (下一篇) article from the same source. */
export function ArticlePager({ newer, older }: { newer?: PagerLink; older?: PagerLink }) {
  if (!newer && !older) return null;
  const links = [
    { to: newer, rel: "prev", label: "上一篇", className: "pager-link" },
    { to: older, rel: "next", label: "下一篇", className: "pager-link pager-next" },
  ];
  return (
    <nav aria-label="同一来源的上一篇和下一篇" className="pager">
      {links.map(({ to, rel, label, className }) =>
        to ? (
          <a key={rel} href={to.href} rel={rel} className={className}>
            <span>{label}</span>
            {to.title}
          </a>
        ) : null,
      )}
    </nav>
  );
}

import Link from "next/link";

interface PagerLink {
  href: string;
  title: string;
}

/** The newer (上一篇) and older (下一篇) article from the same source. */
export function ArticlePager({ newer, older }: { newer?: PagerLink; older?: PagerLink }) {
  if (!newer && !older) return null;
  return (
    <nav aria-label="同一来源的上一篇和下一篇" className="pager">
      {newer ? (
        <Link href={newer.href} rel="prev" className="pager-link">
          <span>上一篇</span>
          {newer.title}
        </Link>
      ) : null}
      {older ? (
        <Link href={older.href} rel="next" className="pager-link pager-next">
          <span>下一篇</span>
          {older.title}
        </Link>
      ) : null}
    </nav>
  );
}

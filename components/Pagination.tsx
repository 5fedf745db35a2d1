
interface PaginationProps {
  page: number;
  pageCount: number;
  /** URL of page n (1-based). */
  hrefFor: (page: number) => string;
}

/** Which page numbers to show: first, last, and two around the current one, with gaps. */
export function pageWindow(page: number, pageCount: number): (number | "gap")[] {
  const wanted = new Set([1, pageCount, page - 2, page - 1, page, page + 1, page + 2]);
  const pages = [...wanted].filter((p) => p >= 1 && p <= pageCount).sort((a, b) => a - b);
  const out: (number | "gap")[] = [];
  pages.forEach((p, i) => {
    if (i > 0 && p - pages[i - 1] > 1) out.push("gap");
    out.push(p);
  });
  return out;
}

/** Numbered pages with previous/next links. Renders nothing for a single page. */
export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  const cell = "inline-flex min-w-10 items-center justify-center rounded border border-line px-3 py-2 text-sm";
  return (
    <nav aria-label="分页" className="pagination mt-6">
      <ul className="flex flex-wrap items-center gap-2">
        <li>
          {page > 1 ? (
            <a href={hrefFor(page - 1)} rel="prev" className={`${cell} link-box`}>
              上一页
            </a>
          ) : (
            <span className={`${cell} text-muted opacity-60`} aria-disabled="true">
              上一页
            </span>
          )}
        </li>
        {pageWindow(page, pageCount).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-1 text-muted">
              …
            </li>
          ) : (
            <li key={p}>
              {p === page ? (
                <span aria-current="page" className={`${cell} border-accent bg-accent font-bold text-surface`}>
                  {p}
                </span>
              ) : (
                <a href={hrefFor(p)} className={`${cell} link-box`} aria-label={`第 ${p} 页`}>
                  {p}
                </a>
              )}
            </li>
          ),
        )}
        <li>
          {page < pageCount ? (
            <a href={hrefFor(page + 1)} rel="next" className={`${cell} link-box`}>
              下一页
            </a>
          ) : (
            <span className={`${cell} text-muted opacity-60`} aria-disabled="true">
              下一页
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}

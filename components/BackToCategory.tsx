
interface BackToCategoryProps {
  href: string;
  name: string;
}

/** The link at the end of an article back to the rest of its source's news. */
export function BackToCategory({ href, name }: BackToCategoryProps) {
  return (
    <a href={href} className="back-to-category link">
      <span aria-hidden="true">←</span> 返回{name}
    </a>
  );
}

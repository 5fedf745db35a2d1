interface SiteFooterProps {
  siteName: string;
  sourcesHref: string;
}

/**
 * The site's footer: what it is, and the way to every source. No counts:
 * a line that changes with every post would change every page of the site,
 * and a static export would have to write them all again (the sources page
 * has the counts).
 */
export function SiteFooter({ siteName, sourcesHref }: SiteFooterProps) {
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>
          {siteName} · <a href={sourcesHref} className="underline">全部来源</a>
        </p>
        <p>所有时间均为北京时间（UTC+8）。文章版权归原作者及来源媒体所有。</p>
      </div>
    </footer>
  );
}

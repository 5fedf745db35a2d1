interface SiteFooterProps {
  siteName: string;
  articleCount: number;
  sourceCount: number;
}

/** The site's footer: what it is and how much it holds. */
export function SiteFooter({ siteName, articleCount, sourceCount }: SiteFooterProps) {
  return (
    <footer className="site-footer">
      <div className="site-footer-inner">
        <p>
          {siteName} · 收录 {articleCount.toLocaleString("zh-CN")} 篇文章，来自 {sourceCount.toLocaleString("zh-CN")} 个来源
        </p>
        <p>所有时间均为北京时间（UTC+8）。文章版权归原作者及来源媒体所有。</p>
      </div>
    </footer>
  );
}

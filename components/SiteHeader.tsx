import { ThemeToggle } from "@/components/ThemeToggle";

interface SiteHeaderProps {
  siteName: string;
  homeHref: string;
  /** Every source, A–Z. */
  sourcesHref: string;
  /** The dev preview's list of drafts, when there is one. */
  draftsHref?: string;
  /** Where the search box sends its query (`?q=`). */
  searchHref: string;
}

/**
 * The search box on every page: a plain GET form to the search page, so it
 * works before any script has run; `/` focuses it (browser/reader.ts).
 */
function SiteSearchBox({ action }: { action: string }) {
  return (
    <form role="search" action={action} method="get" className="site-search">
      <label htmlFor="site-search-q" className="sr-only">
        搜索新闻
      </label>
      <input id="site-search-q" name="q" type="search" placeholder="搜索新闻" autoComplete="off" enterKeyHint="search" className="search-input" />
      <button className="search-button">搜索</button>
    </form>
  );
}

/** The masthead on every page. */
export function SiteHeader({ siteName, homeHref, sourcesHref, draftsHref, searchHref }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <a href={homeHref} className="text-xl font-bold tracking-wide text-accent">
          {siteName}
        </a>
        <nav aria-label="主导航">
          <ul className="flex gap-4 text-sm">
            <li>
              <a href={homeHref} className="link">
                首页
              </a>
            </li>
            <li>
              <a href={sourcesHref} className="link">
                全部来源
              </a>
            </li>
            {draftsHref ? (
              <li>
                <a href={draftsHref} className="link">
                  草稿
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
        <SiteSearchBox action={searchHref} />
        <ThemeToggle />
      </div>
    </header>
  );
}

import Link from "next/link";
import { ThemeToggle } from "@/components/ThemeToggle";

interface SiteHeaderProps {
  siteName: string;
  homeHref: string;
  /** Every source, A–Z. */
  sourcesHref: string;
  /** The dev preview's list of drafts, when there is one. */
  draftsHref?: string;
}

/** The masthead on every page. */
export function SiteHeader({ siteName, homeHref, sourcesHref, draftsHref }: SiteHeaderProps) {
  return (
    <header className="site-header">
      <div className="site-header-inner">
        <Link href={homeHref} className="text-xl font-bold tracking-wide text-accent">
          {siteName}
        </Link>
        <nav aria-label="主导航">
          <ul className="flex gap-4 text-sm">
            <li>
              <Link href={homeHref} className="link">
                首页
              </Link>
            </li>
            <li>
              <Link href={sourcesHref} className="link">
                全部来源
              </Link>
            </li>
            {draftsHref ? (
              <li>
                <Link href={draftsHref} className="link">
                  草稿
                </Link>
              </li>
            ) : null}
          </ul>
        </nav>
        <ThemeToggle />
      </div>
    </header>
  );
}

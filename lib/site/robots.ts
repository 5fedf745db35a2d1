/** `/robots.txt`: everything but the revalidate hook may be crawled; the sitemap says where the articles are. */
import { sitemapIndexPath } from "./sitemaps";
import { absoluteUrl, sitePath } from "./urls";

export function robotsTxt(): string {
  return `User-Agent: *\nAllow: /\nDisallow: ${sitePath("/api/")}\n\nSitemap: ${absoluteUrl(sitemapIndexPath())}\n`;
}

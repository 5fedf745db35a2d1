/** `/robots.txt`: everything but the revalidate hook may be crawled; the sitemap says where the articles are. */
import { absoluteUrl } from "./urls";

export function robotsTxt(): string {
  return `User-Agent: *\nAllow: /\nDisallow: /api/\n\nSitemap: ${absoluteUrl("/sitemap.xml")}\n`;
}

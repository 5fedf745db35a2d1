/**
 * Sitemaps for search engines: `/sitemap.xml` is an index of
 * `/sitemaps/pages.xml` (home, the sources page and every category), `/sitemaps/articles-<n>.xml`
 * (50,000 articles each, the protocol's limit) and `/sitemaps/news.xml`
 * (Google News: the articles of the last 48 hours, at most 1,000).
 * Written here rather than with Next's sitemap helper because that has no
 * index and no news extension; every value is XML-escaped.
 */
import type { ContentIndex } from "../content/content-index";
import type { Article } from "../content/types";
import { toIsoShanghai } from "../time";
import { SITE_NAME } from "./config";
import { absoluteUrl, articlePath, categoryPath, homePath, sitePath, sourcesPath } from "./urls";

export const URLS_PER_SITEMAP = 50_000;
export const NEWS_WINDOW_MS = 48 * 3_600_000;
const NEWS_LIMIT = 1_000;

type Index = Pick<ContentIndex, "articles" | "categories">;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!);
}

/**
 * File names under /sitemaps/, in index order. The Google News sitemap only
 * while something was published in the last 48 hours: the schema wants at
 * least one `<url>`, and an empty one fails validation.
 */
export function sitemapNames(index: Pick<ContentIndex, "articles">, now: number = Date.now()): string[] {
  const articleFiles = Math.max(1, Math.ceil(index.articles.length / URLS_PER_SITEMAP));
  const news = recentNews(index.articles, now).length > 0 ? ["news.xml"] : [];
  return ["pages.xml", ...Array.from({ length: articleFiles }, (_, i) => `articles-${i + 1}.xml`), ...news];
}

export const sitemapPath = (name: string) => sitePath(`/sitemaps/${name}`);
/** The sitemap index, which robots.txt names. */
export const sitemapIndexPath = () => sitePath("/sitemap.xml");

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const url = (loc: string, lastmod?: number) => `<url><loc>${escapeXml(loc)}</loc>${lastmod === undefined ? "" : `<lastmod>${toIsoShanghai(lastmod)}</lastmod>`}</url>`;

export function sitemapIndexXml(index: Index, now: number = Date.now()): string {
  const newest = index.articles[0]?.publishedAt;
  const entries = sitemapNames(index, now).map((name) => `<sitemap><loc>${escapeXml(absoluteUrl(sitemapPath(name)))}</loc>${newest === undefined ? "" : `<lastmod>${toIsoShanghai(newest)}</lastmod>`}</sitemap>`);
  return `${XML_HEAD}<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join("\n")}\n</sitemapindex>\n`;
}

/** One file of the index by name, or undefined for a name it does not list. */
export function sitemapXml(index: Index, name: string, now: number = Date.now()): string | undefined {
  if (name === "pages.xml") {
    const urls = [url(absoluteUrl(homePath()), index.articles[0]?.publishedAt), url(absoluteUrl(sourcesPath())), ...index.categories.map(({ category, articles }) => url(absoluteUrl(categoryPath(category)), articles[0]?.publishedAt))];
    return urlset(urls);
  }
  if (name === "news.xml") return newsXml(index.articles, now);
  const match = /^articles-(\d+)\.xml$/.exec(name);
  if (!match) return undefined;
  const n = Number(match[1]);
  const slice = index.articles.slice((n - 1) * URLS_PER_SITEMAP, n * URLS_PER_SITEMAP);
  if (n < 1 || (slice.length === 0 && n > 1)) return undefined;
  return urlset(slice.map((a) => url(absoluteUrl(articlePath(a)), a.publishedAt)));
}

function urlset(urls: string[], extraNamespace = ""): string {
  return `${XML_HEAD}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"${extraNamespace}>\n${urls.join("\n")}\n</urlset>\n`;
}

/** Articles published in the 48 hours before `now`, newest first: the list is newest first, so the scan stops at the first older one. */
function recentNews(articles: Article[], now: number): Article[] {
  const recent: Article[] = [];
  for (const a of articles) {
    if (a.publishedAt > now) continue;
    if (now - a.publishedAt > NEWS_WINDOW_MS || recent.length >= NEWS_LIMIT) break;
    recent.push(a);
  }
  return recent;
}

/** Google News sitemap: articles published in the 48 hours before `now`; undefined (no such file) when there are none. */
function newsXml(articles: Article[], now: number): string | undefined {
  const recent = recentNews(articles, now);
  if (recent.length === 0) return undefined;
  const urls = recent.map(
    (a) =>
      `<url><loc>${escapeXml(absoluteUrl(articlePath(a)))}</loc><news:news><news:publication><news:name>${escapeXml(SITE_NAME)}</news:name><news:language>zh-cn</news:language></news:publication><news:publication_date>${toIsoShanghai(a.publishedAt)}</news:publication_date><news:title>${escapeXml(a.title)}</news:title></news:news></url>`,
  );
  return urlset(urls, ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
}

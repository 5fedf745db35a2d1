/**
 * Every URL the site links to is built here; no route or component
 * assembles a path by hand. Segments come from `Article.id` and
 * `CategoryRef.key`, which are URL-safe by construction.
 */
import { siteUrl } from "./config";

export const homePath = () => "/";

export const articlePath = (article: { id: string }) => `/articles/${article.id}`;

/** Page 1 is the category's own URL; later pages live under `/page/<n>`. */
export function categoryPath(category: { key: string }, page = 1): string {
  return page <= 1 ? `/category/${category.key}` : `/category/${category.key}/page/${page}`;
}

/** The dev preview's list of drafts, unpublished and scheduled posts (no such page in production). */
export const draftsPath = () => "/drafts";

/** Absolute URL on the configured site, for sitemaps and canonical links. */
export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path}`;
}

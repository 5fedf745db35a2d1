/**
 * `/latest.json`: the newest articles in brief, which open home and category
 * pages poll (at most once a minute, not while hidden) to say "N 条新消息".
 * Small and static: a file in a static export, refreshed by the revalidate
 * hook under `npm start`.
 */
import type { Article } from "../content/types";
import { basePath } from "./base-path.cjs";

export const LATEST_COUNT = 100;
export const LATEST_PATH = `${basePath()}/latest.json`;

/** One entry: id, category key, published instant (ms). Short keys: it is fetched every minute. */
export interface LatestEntry {
  i: string;
  c: string;
  t: number;
}

export function latestJson(articles: Article[]): { articles: LatestEntry[] } {
  return { articles: articles.slice(0, LATEST_COUNT).map((a) => ({ i: a.id, c: a.category.key, t: a.publishedAt })) };
}

/**
 * How many of `latest` are newer than what the page showed (`since`, the
 * newest instant on it), in its category if it is a category page. When the
 * page's newest article is no longer in the list, the count is a lower bound.
 */
export function countNewer(latest: LatestEntry[], since: number, categoryKey?: string): number {
  return latest.filter((a) => a.t > since && (!categoryKey || a.c === categoryKey)).length;
}

/**
 * Article → the props of one headline in a list, so every route builds list
 * entries the same way.
 */
import type { Article } from "../content/types";
import { articlePath } from "./urls";

export interface ListItem {
  key: string;
  href: string;
  title: string;
  publishedAt: number;
  sourceName?: string;
  summary?: string;
}

export function toListItem(article: Article, show: { source?: boolean; summary?: boolean } = {}): ListItem {
  return {
    key: article.id,
    href: articlePath(article),
    title: article.title,
    publishedAt: article.publishedAt,
    sourceName: show.source ? article.category.name : undefined,
    summary: show.summary ? article.summary : undefined,
  };
}

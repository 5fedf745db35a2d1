/**
 * Article → the props of one headline in a list, so every route builds list
 * entries the same way.
 */
import type { Article, HiddenKind } from "../content/types";
import { formatListDate } from "../time";
import { articlePath } from "./urls";

export interface ListItem {
  key: string;
  href: string;
  title: string;
  publishedAt: number;
  /** The time as the list shows it: with the year when that is not the current one. */
  dateLabel: string;
  sourceName?: string;
  summary?: string;
  /** 草稿 / 未发布 / 定时发布, for previews of posts readers cannot see. */
  badge?: string;
}

const HIDDEN_LABELS: Record<HiddenKind, string> = { draft: "草稿", unpublished: "未发布", scheduled: "定时发布" };

export const hiddenLabel = (kind: HiddenKind) => HIDDEN_LABELS[kind];

/** `now` decides which dates need their year (the label is part of a page's data, so a new year re-renders its lists). */
export function toListItem(article: Article, show: { source?: boolean; summary?: boolean } = {}, now = Date.now()): ListItem {
  return {
    key: article.id,
    href: articlePath(article),
    title: article.title,
    publishedAt: article.publishedAt,
    dateLabel: formatListDate(article.publishedAt, now),
    sourceName: show.source ? article.category.name : undefined,
    summary: show.summary ? article.summary : undefined,
    badge: article.hidden ? hiddenLabel(article.hidden) : undefined,
  };
}

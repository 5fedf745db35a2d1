/**
 * Article → the props of one headline in a list, so every route builds list
 * entries the same way.
 */
import type { Article, HiddenKind } from "../content/types";
import { articlePath } from "./urls";

export interface ListItem {
  key: string;
  href: string;
  title: string;
  publishedAt: number;
  sourceName?: string;
  summary?: string;
  /** 草稿 / 未发布 / 定时发布, for previews of posts readers cannot see. */
  badge?: string;
}

const HIDDEN_LABELS: Record<HiddenKind, string> = { draft: "草稿", unpublished: "未发布", scheduled: "定时发布" };

export const hiddenLabel = (kind: HiddenKind) => HIDDEN_LABELS[kind];

export function toListItem(article: Article, show: { source?: boolean; summary?: boolean } = {}): ListItem {
  return {
    key: article.id,
    href: articlePath(article),
    title: article.title,
    publishedAt: article.publishedAt,
    sourceName: show.source ? article.category.name : undefined,
    summary: show.summary ? article.summary : undefined,
    badge: article.hidden ? hiddenLabel(article.hidden) : undefined,
  };
}

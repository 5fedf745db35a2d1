/**
 * Which picture a page offers link previews (`og:image`, `twitter:image`,
 * JSON-LD `image`). An article with a picture of its own offers that; the
 * newest articles without one get a card with their headline; every other
 * page the site's card.
 *
 * Headline cards are for the articles the home page lists (the news being
 * shared now), not the archive: a card is 0.1–0.4 s of CPU and about 50 KB,
 * so cards for 20,000 posts would add an hour of CPU and 1 GB to an export.
 * As new posts arrive, older articles hand their card back and offer the
 * site's card; `npm start` refuses cards outside the set, so strangers
 * cannot make it draw (and keep) one per article.
 */
import type { Article } from "../content/types";
import { HOME_LATEST_COUNT, SITE_NAME } from "../site/config";
import { absoluteUrl, articleCardPath, siteCardPath } from "../site/urls";
import { CARD_HEIGHT, CARD_WIDTH } from "./card-layout";
import { cardFontFile } from "./card-font";

export interface ShareImage {
  /** Absolute URL. */
  url: string;
  alt: string;
  width?: number;
  height?: number;
}

/** How many of the newest articles get a headline card: the home page's latest column. */
export const HEADLINE_CARD_COUNT = HOME_LATEST_COUNT;

const cardSets = new WeakMap<readonly Article[], ReadonlySet<string>>();

/**
 * The ids of the articles with a headline card: the newest HEADLINE_CARD_COUNT
 * (the index's `articles`, newest first) that have no picture of their own;
 * none when the machine has no CJK font to draw them. Worked out once per index.
 */
export function headlineCardIds(articles: readonly Article[]): ReadonlySet<string> {
  let ids = cardSets.get(articles);
  if (!ids) {
    ids = new Set(cardFontFile() ? articles.slice(0, HEADLINE_CARD_COUNT).filter((a) => !a.image).map((a) => a.id) : []);
    cardSets.set(articles, ids);
  }
  return ids;
}

export function siteShareImage(): ShareImage {
  return { url: absoluteUrl(siteCardPath()), alt: SITE_NAME, width: CARD_WIDTH, height: CARD_HEIGHT };
}

/** An article's preview picture: its own, else its headline card when it has one, else the site's card. */
export function articleShareImage(article: Article, hasCard: boolean): ShareImage {
  if (article.image) return { ...article.image, alt: article.image.alt || article.title };
  if (hasCard) return { url: absoluteUrl(articleCardPath(article)), alt: article.title, width: CARD_WIDTH, height: CARD_HEIGHT };
  return siteShareImage();
}

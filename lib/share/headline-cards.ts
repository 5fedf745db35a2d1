/**
 * Headline cards as `npm start` serves them (`/articles/<id>/card.png`):
 * only for the articles that have one (share-image.ts), drawn on first
 * request and kept in memory. At most HEADLINE_CARD_COUNT × 2 cards of
 * about 50 KB are kept, and a card is drawn again only when its article's
 * text changes; any other id is a 404, so a stranger walking every article
 * id costs nothing.
 */
import { LRUCache } from "lru-cache";
import type { Article } from "../content/types";
import { renderCardPng } from "./card";
import { cardFontFile } from "./card-font";
import { articleCardText } from "./card-layout";
import { HEADLINE_CARD_COUNT, headlineCardIds } from "./share-image";

const drawn = new LRUCache<string, Buffer>({ max: HEADLINE_CARD_COUNT * 2 });

/** The PNG of `article`'s headline card, or undefined when it has none. */
export function headlineCardPng(articles: readonly Article[], article: Article | undefined): Buffer | undefined {
  const font = cardFontFile();
  if (!article || !font || !headlineCardIds(articles).has(article.id)) return undefined;
  const text = articleCardText(article);
  const key = JSON.stringify([article.id, text]);
  let png = drawn.get(key);
  if (!png) {
    png = renderCardPng(text, font);
    drawn.set(key, png);
  }
  return png;
}

/**
 * The 1200×630 share card that link previews (WeChat, Telegram, Slack, X)
 * show for a page without a picture of its own: the site's name, and on an
 * article its headline, source and date. Laid out as SVG by card-layout.ts
 * and rasterised here by resvg (a Rust renderer with prebuilt binaries, no
 * browser) with the system's Noto Sans CJK (card-font.ts).
 */
import { Resvg } from "@resvg/resvg-js";
import { CARD_FONT_FAMILY, cardSvg, type CardText } from "./card-layout";

/** The card as PNG bytes, drawn with `fontFile` (card-font.ts). About 0.1–0.4 s of CPU: cards are few on purpose. */
export function renderCardPng(card: CardText, fontFile: string): Buffer {
  const resvg = new Resvg(cardSvg(card), {
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: CARD_FONT_FAMILY },
    fitTo: { mode: "original" },
  });
  return resvg.render().asPng();
}

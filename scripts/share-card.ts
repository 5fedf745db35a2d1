/**
 * Draws the site's own share card into public/share-card.png (1200×630):
 * what every page without a picture of its own offers link previews. It is
 * committed, so a build needs no font for it; run `npm run share-card`
 * again after changing the site's name, description or colours.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { renderCardPng } from "@/lib/share/card";
import { cardFontFile } from "@/lib/share/card-font";
import { SITE_DESCRIPTION, SITE_NAME } from "@/lib/site/config";

const publicDir = path.join(process.cwd(), "public");
const font = cardFontFile();
if (!font) {
  console.error("share-card: no Noto Sans CJK font found (Debian: apt-get install fonts-noto-cjk)");
  process.exit(1);
}
writeFileSync(path.join(publicDir, "share-card.png"), renderCardPng({ kicker: SITE_NAME, headline: SITE_DESCRIPTION, footer: "" }, font));
console.log("share-card: wrote public/share-card.png");

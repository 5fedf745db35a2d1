/**
 * Draws the site's own images into public/: the share card every page
 * without a picture of its own offers (share-card.png, 1200×630), and the
 * logo as a raster (logo.png, 512×512, from icon.svg) for JSON-LD and
 * JSON Feed. Both are committed, so a build needs no font for them; run
 * `npm run share-card` again after changing the site's name or colours.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { renderCardPng } from "@/lib/share/card";
import { cardFontFile } from "@/lib/share/card-font";
import { SITE_DESCRIPTION, SITE_LOGO, SITE_NAME } from "@/lib/site/config";

const publicDir = path.join(process.cwd(), "public");
const font = cardFontFile();
if (!font) {
  console.error("share-card: no Noto Sans CJK font found (Debian: apt-get install fonts-noto-cjk)");
  process.exit(1);
}
writeFileSync(path.join(publicDir, "share-card.png"), renderCardPng({ kicker: SITE_NAME, headline: SITE_DESCRIPTION, footer: "" }, font));
const icon = readFileSync(path.join(publicDir, "icon.svg"), "utf8");
writeFileSync(path.join(publicDir, SITE_LOGO.path), new Resvg(icon, { fitTo: { mode: "width", value: SITE_LOGO.width } }).render().asPng());
console.log(`share-card: wrote public/share-card.png and public${SITE_LOGO.path}`);

/**
 * The share card's layout as SVG (lib/share/card.ts rasterises it): pure, so
 * pages can name a card's size without loading the renderer.
 */
import { SITE_NAME } from "../site/config";
import { formatShanghaiDate } from "../time";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

export interface CardText {
  /** Small line at the top (the site's name). */
  kicker: string;
  /** The big text: a headline, wrapped to at most three lines. */
  headline: string;
  /** The line at the bottom (source and date); none when empty. */
  footer: string;
}

export const CARD_FONT_FAMILY = "Noto Sans CJK SC";

/** An article's card: the site's name, its headline, and its source and date. */
export function articleCardText(article: { title: string; publishedAt: number; source: { name: string } }): CardText {
  return { kicker: SITE_NAME, headline: article.title, footer: `${article.source.name} · ${formatShanghaiDate(article.publishedAt)}` };
}

const MARGIN = 80;
const HEADLINE_SIZE = 60;
const HEADLINE_LINES = 3;
const HEADLINE_WIDTH = CARD_WIDTH - 2 * MARGIN;

/**
 * A character's advance in ems, near enough for line breaking: CJK and
 * full-width forms are square, Latin letters and digits about half, spaces
 * and narrow punctuation less. The card leaves slack on the right for the error.
 */
function advance(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code >= 0x2e80) return 1;
  if (ch === " ") return 0.28;
  if (/[il.,:;'!|()[\]]/.test(ch)) return 0.3;
  if (/[A-Z%@&WM]/.test(ch)) return 0.68;
  return 0.56;
}

/**
 * Greedy line breaking at any character (Chinese breaks anywhere), except
 * that a run of Latin letters or digits moves to the next line whole when
 * it fits there. The last line ends in `…` when the text does not fit.
 */
export function wrapHeadline(text: string, maxWidthEm = HEADLINE_WIDTH / HEADLINE_SIZE, maxLines = HEADLINE_LINES): string[] {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  const lines: string[] = [];
  let line = "";
  let width = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    const w = advance(ch);
    if (width + w > maxWidthEm && line) {
      // Carry a partial Latin word over, if it is not the whole line.
      const word = /[A-Za-z0-9]+$/.exec(line)?.[0] ?? "";
      const carry = /[A-Za-z0-9]/.test(ch) && word.length > 0 && word.length < line.length ? word : "";
      lines.push(line.slice(0, line.length - carry.length).trimEnd());
      if (lines.length === maxLines) break;
      line = carry.trimStart();
      width = Array.from(line).reduce((sum, c) => sum + advance(c), 0);
      if (ch === " " && !line) continue;
    }
    line += ch;
    width += w;
  }
  if (lines.length < maxLines && line) lines.push(line);
  const shown = lines.join("").replace(/\s/g, "").length;
  if (shown < text.replace(/\s/g, "").length) {
    const last = Array.from(lines[lines.length - 1]);
    while (last.length && last.reduce((sum, c) => sum + advance(c), 0) + 1 > maxWidthEm) last.pop();
    lines[lines.length - 1] = `${last.join("").trimEnd()}…`;
  }
  return lines;
}

const xml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "");

/** The card as an SVG document (text stays text; the renderer lays it out with the font). */
export function cardSvg({ kicker, headline, footer }: CardText): string {
  const lines = wrapHeadline(headline);
  const lineHeight = HEADLINE_SIZE * 1.35;
  // The headline block sits centred between the site's name and the rule above the footer.
  const top = 300 - ((lines.length - 1) * lineHeight) / 2;
  const text = (x: number, y: number, size: number, weight: number, fill: string, content: string) =>
    `<text x="${x}" y="${y}" font-family="${CARD_FONT_FAMILY}" font-size="${size}" font-weight="${weight}" fill="${fill}">${xml(content)}</text>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CARD_WIDTH}" height="${CARD_HEIGHT}" viewBox="0 0 ${CARD_WIDTH} ${CARD_HEIGHT}">`,
    `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" fill="#fbf8f3"/>`,
    `<rect width="${CARD_WIDTH}" height="14" fill="#b3121f"/>`,
    `<rect x="${MARGIN}" y="84" width="40" height="40" rx="8" fill="#b3121f"/>`,
    `<path d="M${MARGIN + 10} ${84 + 27.5}l6.25-7.5 5 5 8.75-11.25" fill="none" stroke="#fff" stroke-width="3.75" stroke-linecap="round" stroke-linejoin="round"/>`,
    text(MARGIN + 56, 116, 34, 700, "#b3121f", kicker),
    ...lines.map((line, i) => text(MARGIN, top + i * lineHeight, HEADLINE_SIZE, 700, "#1c1917", line)),
    ...(footer ? [`<rect x="${MARGIN}" y="500" width="${HEADLINE_WIDTH}" height="2" fill="#e7e0d6"/>`, text(MARGIN, 560, 32, 400, "#57534e", footer)] : []),
    `</svg>`,
  ].join("");
}


/**
 * The picture a link preview can show for a post: its body's first
 * suitable image. Found with a scan of the markdown/HTML source at index
 * time (the index never renders bodies), so it must be cheap and linear:
 * bounded, disjoint patterns, and only when the body mentions an image.
 */

export interface BodyImage {
  /** Absolute https URL. */
  url: string;
  alt: string;
  /** As the post declares them (`width="552"`); absent when it does not. */
  width?: number;
  height?: number;
}

// `<img …>` (attributes without `>`), or markdown `![alt](url "title")`.
const IMAGE = /<img\b([^>]{0,2000})>|!\[([^\]\n]{0,300})\]\(\s*<?([^\s)>]{1,2000})/gi;
const ATTRIBUTE = (name: string) => new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+))`, "i");
const SRC = ATTRIBUTE("src");
const ALT = ATTRIBUTE("alt");
const WIDTH = ATTRIBUTE("width");
const HEIGHT = ATTRIBUTE("height");

/** Smaller than this on either side is an icon, a spacer or a tracking pixel, not a picture. */
const MIN_SIDE = 120;
/** At most this many images are looked at: a post of 10,000 `<img>` costs no more than one of 50. */
const MAX_CANDIDATES = 50;

function attribute(attributes: string, pattern: RegExp): string | undefined {
  const m = pattern.exec(attributes);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

const decodeEntities = (s: string) =>
  s.replace(/&(amp|quot|#39|apos|lt|gt);/g, (_, e: string) => ({ amp: "&", quot: '"', "#39": "'", apos: "'", lt: "<", gt: ">" })[e] ?? _);

/**
 * An https (or protocol-relative) image URL, else undefined. Plain http is
 * refused: preview crawlers and the pages' readers on https would not show it.
 */
function httpsImageUrl(raw: string): string | undefined {
  const value = decodeEntities(raw.trim());
  try {
    const url = new URL(value.startsWith("//") ? `https:${value}` : value);
    return url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

function side(raw: string | undefined): number | undefined {
  if (raw === undefined || !/^\s*\d{1,5}\s*(px)?\s*$/i.test(raw)) return undefined;
  return Number.parseInt(raw, 10);
}

/** The first image of a post body that is worth a preview, or undefined. */
export function firstBodyImage(body: string): BodyImage | undefined {
  if (!body.includes("<img") && !body.includes("<IMG") && !body.includes("![")) return undefined;
  IMAGE.lastIndex = 0;
  let seen = 0;
  for (let m = IMAGE.exec(body); m && seen < MAX_CANDIDATES; m = IMAGE.exec(body), seen++) {
    const [, attributes, markdownAlt, markdownUrl] = m;
    if (attributes === undefined) {
      const url = httpsImageUrl(markdownUrl);
      if (url) return { url, alt: markdownAlt.trim() };
      continue;
    }
    const src = attribute(attributes, SRC);
    const url = src === undefined ? undefined : httpsImageUrl(src);
    if (!url) continue;
    const width = side(attribute(attributes, WIDTH));
    const height = side(attribute(attributes, HEIGHT));
    if ((width !== undefined && width < MIN_SIDE) || (height !== undefined && height < MIN_SIDE)) continue;
    return { url, alt: decodeEntities(attribute(attributes, ALT) ?? "").trim(), ...(width ? { width } : {}), ...(height ? { height } : {}) };
  }
  return undefined;
}

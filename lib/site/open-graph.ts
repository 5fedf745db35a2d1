/**
 * Open Graph and Twitter card tags for link previews. Next.js replaces a
 * parent's `openGraph` with a page's, so every page gets the whole set
 * from here. Values are plain text; Next.js escapes them as attributes.
 */
import { firstSentences } from "../content/summary";
import { toIsoShanghai } from "../time";
import { siteShareImage, type ShareImage } from "../share/share-image";
import { SITE_NAME } from "./config";

export interface PreviewInput {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  /** The picture previews show (lib/share/share-image.ts); the site's card if none. */
  image?: ShareImage;
  article?: { publishedAt: number; section: string };
}

/**
 * The page description for search results and previews: about 80
 * characters, cut at a sentence end (what a result snippet shows of Chinese
 * text; the full summary is on the page). Short on purpose: it is on the
 * page three times (description, og:description, twitter:description).
 */
export const metaDescription = (summary: string) => firstSentences(summary, 80);

export function previewMetadata({ title, description, url, image = siteShareImage(), article }: PreviewInput) {
  return {
    description,
    openGraph: {
      title,
      description,
      url,
      siteName: SITE_NAME,
      locale: "zh_CN",
      images: [image],
      ...(article ? { type: "article" as const, publishedTime: toIsoShanghai(article.publishedAt), section: article.section } : { type: "website" as const }),
    },
    // Next.js writes the Twitter card (summary_large_image, with the image)
    // from these Open Graph fields by itself.
  };
}

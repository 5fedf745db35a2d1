/**
 * Open Graph and Twitter card tags for link previews. Next.js replaces a
 * parent's `openGraph` with a page's, so every page gets the whole set
 * from here. Values are plain text; Next.js escapes them as attributes.
 */
import { firstSentences } from "../content/summary";
import { toIsoShanghai } from "../time";
import { SITE_NAME } from "./config";

export interface PreviewInput {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  article?: { publishedAt: number; section: string };
}

/**
 * The page description for search results and previews: about 80
 * characters, cut at a sentence end (what a result snippet shows of Chinese
 * text; the full summary is on the page). Short on purpose: each copy is on
 * the page twice.
 */
export const metaDescription = (summary: string) => firstSentences(summary, 80);

export function previewMetadata({ title, description, url, article }: PreviewInput) {
  return {
    description,
    openGraph: {
      title,
      description,
      url,
      siteName: SITE_NAME,
      locale: "zh_CN",
      ...(article ? { type: "article" as const, publishedTime: toIsoShanghai(article.publishedAt), section: article.section } : { type: "website" as const }),
    },
    // Next.js writes twitter:card, twitter:title and twitter:description from
    // these Open Graph fields by itself.
  };
}

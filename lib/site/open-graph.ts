/**
 * Open Graph and Twitter card tags for link previews. Next.js replaces a
 * parent's `openGraph` with a page's, so every page gets the whole set
 * from here. Values are plain text; Next.js escapes them as attributes.
 */
import { toIsoShanghai } from "../time";
import { SITE_NAME } from "./config";

export interface PreviewInput {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
  article?: { publishedAt: number; section: string };
}

export function previewMetadata({ title, description, url, article }: PreviewInput) {
  return {
    openGraph: {
      title,
      description,
      url,
      siteName: SITE_NAME,
      locale: "zh_CN",
      ...(article ? { type: "article" as const, publishedTime: toIsoShanghai(article.publishedAt), section: article.section } : { type: "website" as const }),
    },
    // Twitter reads og:title, og:description and og:image when its own are absent.
    twitter: { card: "summary" as const },
  };
}

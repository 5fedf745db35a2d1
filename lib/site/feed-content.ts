/**
 * What a feed says, before any format: plain text and absolute URLs. Each
 * format's writer (`feeds.ts` for Atom, `rss-feed.ts`, `json-feed.ts`) does
 * its own escaping, once.
 */
export interface FeedContent {
  /** Plain text. */
  title: string;
  /** Plain text. */
  description: string;
  /** The page the feed follows (home or a category). */
  homeUrl: string;
  /** Where each format of this feed lives. */
  feedUrls: { atom: string; rss: string; json: string };
  language: string;
  /** Plain text. */
  copyright: string;
  /** The newest item's time (ms), so the feed only changes when its content does. */
  updated: number;
  /** Square icons, absolute URLs: 512×512 and 64×64. */
  iconUrl: string;
  faviconUrl: string;
  items: FeedItem[];
}

export interface FeedItem {
  url: string;
  /** Plain text, as the headline reads. */
  title: string;
  /** Plain text. */
  summary: string;
  publishedAt: number;
  /** The media the article comes from: a name, not an e-mail address. */
  source: { name: string; url?: string };
  /** Plain text. */
  category: string;
}

/**
 * Plain text as HTML that shows it: for the fields readers take as HTML
 * (Atom `type="html"`, RSS `<description>`, JSON Feed `content_html`), so a
 * headline reading `<script>` or `a & b` stays text. Escaped once; the
 * format's own (XML or JSON) escaping comes on top.
 */
export function asHtmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), written here: the
 * `feed` library's json1() (6.0.0) writes version 1.0 only, with the
 * deprecated singular `author`, and has no `language` or `favicon`. It is
 * JSON.stringify of a plain object, so nothing can be escaped twice.
 */
import type { FeedContent } from "./feed-content";
import { asHtmlText } from "./feed-content";
import { toIsoShanghai } from "../time";

export const JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1";

export function jsonFeed(feed: FeedContent): string {
  return JSON.stringify(
    {
      version: JSON_FEED_VERSION,
      title: feed.title,
      home_page_url: feed.homeUrl,
      feed_url: feed.feedUrls.json,
      description: feed.description,
      icon: feed.iconUrl,
      favicon: feed.faviconUrl,
      language: feed.language,
      items: feed.items.map((item) => ({
        id: item.url,
        url: item.url,
        title: item.title,
        // The summary is plain text; as content_html it is escaped, so `<b>` in it stays text.
        content_html: asHtmlText(item.summary),
        date_published: toIsoShanghai(item.publishedAt),
        date_modified: toIsoShanghai(item.publishedAt),
        authors: [item.source.url ? { name: item.source.name, url: item.source.url } : { name: item.source.name }],
        tags: [item.category],
      })),
    },
    null,
    4,
  );
}

/**
 * RSS 2.0, written here rather than by the `feed` library, whose rss2()
 * (6.0.0) cannot carry plain text exactly: it puts an item's title in CDATA
 * and splits only the first `]]>` (a second one ends the section early), its
 * XML writer turns a literal `&amp;` in text into `&`, and it declares the
 * Dublin Core namespace only for `content:encoded`, so `dc:creator` cannot be
 * used. The format is small; every text node here is escaped exactly once.
 *
 * What real readers do, checked with newsboat and Python's feedparser
 * (test/site/feed-readers.test.ts): `<title>` is plain text (newsboat shows it
 * as it is, so it must not be HTML-escaped), `<description>` is HTML (newsboat
 * renders it, and the W3C validator checks it as HTML), so the plain summary
 * goes in HTML-escaped. The media an article comes from is `dc:creator`:
 * RSS's own `<author>` must be an e-mail address.
 */
import type { FeedContent } from "./feed-content";
import { asHtmlText } from "./feed-content";

export const DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/";
const ATOM_NS = "http://www.w3.org/2005/Atom";

/** Characters XML 1.0 does not allow at all, even escaped. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

/** Text as XML character data (also fit for a double-quoted attribute). */
export function xmlText(text: string): string {
  return text.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** `Wed, 08 Dec 2021 10:39:01 +0800`: RFC 822 in Beijing time. */
export function rfc822Shanghai(instant: number): string {
  const wall = new Date(instant + 8 * 3_600_000).toUTCString(); // "Wed, 08 Dec 2021 10:39:01 GMT"
  return wall.replace(/GMT$/, "+0800");
}

const element = (indent: string, name: string, text: string) => `${indent}<${name}>${xmlText(text)}</${name}>`;

export function rssFeed(feed: FeedContent): string {
  const c = "        ";
  const i = "            ";
  const items = feed.items.map((item) =>
    [
      `${c}<item>`,
      element(i, "title", item.title),
      element(i, "link", item.url),
      `${i}<guid isPermaLink="false">${xmlText(item.url)}</guid>`,
      element(i, "pubDate", rfc822Shanghai(item.publishedAt)),
      element(i, "description", asHtmlText(item.summary)),
      element(i, "dc:creator", item.source.name),
      element(i, "category", item.category),
      `${c}</item>`,
    ].join("\n"),
  );
  return [
    `<?xml version="1.0" encoding="utf-8"?>`,
    `<rss version="2.0" xmlns:atom="${ATOM_NS}" xmlns:dc="${DUBLIN_CORE_NS}">`,
    `    <channel>`,
    element(c, "title", feed.title),
    element(c, "link", feed.homeUrl),
    element(c, "description", feed.description),
    element(c, "lastBuildDate", rfc822Shanghai(feed.updated)),
    element(c, "docs", "https://validator.w3.org/feed/docs/rss2.html"),
    element(c, "language", feed.language),
    element(c, "copyright", feed.copyright),
    `${c}<atom:link href="${xmlText(feed.feedUrls.rss)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    `    </channel>`,
    `</rss>`,
  ].join("\n");
}

/**
 * The site's feeds (Atom at `/feed.xml`, the old jekyll-feed path; RSS 2.0;
 * JSON Feed 1.1), for the whole site and for each category: the latest 50
 * articles with absolute URLs, `+08:00` times and a plain-text summary.
 * This module decides what goes in (`FeedContent`); Atom is written by the
 * `feed` library, RSS and JSON Feed by `rss-feed.ts` and `json-feed.ts`
 * (the library cannot write them exactly; each says why).
 */
import { Feed } from "feed";
import type { Article, CategoryRef } from "../content/types";
import { toIsoShanghai } from "../time";
import { SITE_DESCRIPTION, SITE_NAME } from "./config";
import { asHtmlText, type FeedContent } from "./feed-content";
import { jsonFeed } from "./json-feed";
import { rssFeed } from "./rss-feed";
import { absoluteUrl, articlePath, categoryPath, homePath, sitePath } from "./urls";

export const FEED_SIZE = 50;
export const FEED_FORMATS = ["atom", "rss", "json"] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

const FILE: Record<FeedFormat, string> = { atom: "feed.xml", rss: "rss.xml", json: "feed.json" };
export const FEED_CONTENT_TYPE: Record<FeedFormat, string> = {
  atom: "application/atom+xml; charset=utf-8",
  rss: "application/rss+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};
/** MIME types for `<link rel="alternate" type=…>`. */
export const FEED_LINK_TYPE: Record<FeedFormat, string> = { atom: "application/atom+xml", rss: "application/rss+xml", json: "application/feed+json" };

/** `/feed.xml`, `/category/<key>/rss.xml`, …: where each feed lives. */
export function feedPath(format: FeedFormat, category?: Pick<CategoryRef, "key">): string {
  return category ? `${categoryPath(category)}${FILE[format]}` : sitePath(`/${FILE[format]}`);
}

/** Square icons in public/ (made from icon.svg) that JSON Feed names: `icon` (512×512) and `favicon` (64×64). */
export const FEED_ICON_PATH = sitePath("/icon-512.png");
export const FEED_FAVICON_PATH = sitePath("/icon-64.png");

/** A Date that the feed library writes in Beijing time in Atom: `2021-12-08T10:39:01+08:00` (it calls toISOString; the instant is unchanged). */
class ShanghaiDate extends Date {
  override toISOString(): string {
    return toIsoShanghai(this.getTime());
  }
}

export interface FeedInput {
  /** Absent for the whole site. */
  category?: CategoryRef;
  /** Newest first; the first FEED_SIZE are used. */
  articles: Article[];
}

/** What a site's or a category's feed says, in plain text, whatever the format. */
export function feedContent({ category, articles }: FeedInput): FeedContent {
  const latest = articles.slice(0, FEED_SIZE);
  return {
    title: category ? `${category.name} - ${SITE_NAME}` : SITE_NAME,
    description: category ? `${category.name}的最新财经新闻` : SITE_DESCRIPTION,
    homeUrl: absoluteUrl(category ? categoryPath(category) : homePath()),
    feedUrls: { atom: absoluteUrl(feedPath("atom", category)), rss: absoluteUrl(feedPath("rss", category)), json: absoluteUrl(feedPath("json", category)) },
    language: "zh-CN",
    copyright: "文章版权归原作者及来源媒体所有",
    updated: latest[0]?.publishedAt ?? 0,
    iconUrl: absoluteUrl(FEED_ICON_PATH),
    faviconUrl: absoluteUrl(FEED_FAVICON_PATH),
    items: latest.map((article) => ({
      url: absoluteUrl(articlePath(article)),
      title: article.title,
      summary: article.summary,
      publishedAt: article.publishedAt,
      source: article.source,
      category: article.category.name,
    })),
  };
}

/**
 * Atom, by the `feed` library. It marks entry titles and summaries
 * `type="html"`, so those are HTML-escaped once (newsboat and feedparser then
 * give back the headline exactly); the feed's own title and subtitle are
 * Atom text, which the library escapes itself. (Item categories go in as the
 * library's `term`/`label` attributes, HTML-escaped as before: it escapes `&`
 * but not `<` there, so plain text could break the XML.)
 */
function atomFeed(content: FeedContent): string {
  const feed = new Feed({
    id: content.homeUrl,
    link: content.homeUrl,
    title: content.title,
    description: content.description,
    language: content.language,
    updated: new ShanghaiDate(content.updated),
    generator: false,
    copyright: content.copyright,
    feedLinks: content.feedUrls,
  });
  for (const item of content.items) {
    feed.addItem({
      title: asHtmlText(item.title),
      id: item.url,
      link: item.url,
      description: asHtmlText(item.summary),
      date: new ShanghaiDate(item.publishedAt),
      published: new ShanghaiDate(item.publishedAt),
      author: [{ name: item.source.name, link: item.source.url }],
      category: [{ name: asHtmlText(item.category), term: asHtmlText(item.category) }],
    });
  }
  return feed.atom1();
}

export function renderFeed(format: FeedFormat, input: FeedInput): string {
  const content = feedContent(input);
  return format === "atom" ? atomFeed(content) : format === "rss" ? rssFeed(content) : jsonFeed(content);
}

/** A feed as an HTTP answer (route handlers return this). */
export function feedResponse(format: FeedFormat, input: FeedInput): Response {
  return new Response(renderFeed(format, input), { headers: { "content-type": FEED_CONTENT_TYPE[format] } });
}

/**
 * `<link rel="alternate">` entries for a page's metadata (`alternates.types`):
 * all three site feeds, plus a category's own. Pages that must stay small
 * (articles) pass `atomOnly`: one link is enough for a reader to find the feeds.
 */
export function feedAlternates(options: { category?: CategoryRef; atomOnly?: boolean } = {}): Record<string, { url: string; title: string }[]> {
  const formats: FeedFormat[] = options.atomOnly ? ["atom"] : ["atom", "rss", "json"];
  const types: Record<string, { url: string; title: string }[]> = {};
  for (const format of formats) {
    types[FEED_LINK_TYPE[format]] = [
      { url: feedPath(format), title: SITE_NAME },
      ...(options.category ? [{ url: feedPath(format, options.category), title: options.category.name }] : []),
    ];
  }
  return types;
}

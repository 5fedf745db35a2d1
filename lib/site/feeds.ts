/**
 * The site's feeds (Atom at `/feed.xml`, the old jekyll-feed path; RSS 2.0;
 * JSON Feed), for the whole site and for each category: the latest 50
 * articles with absolute URLs, `+08:00` times and a plain-text summary.
 * Written by the `feed` library; this module only decides what goes in.
 */
import { Feed } from "feed";
import type { Article, CategoryRef } from "../content/types";
import { toIsoShanghai } from "../time";
import { SITE_DESCRIPTION, SITE_NAME } from "./config";
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

/**
 * A Date that the feed library writes in Beijing time: Atom and JSON Feed
 * get `2021-12-08T10:39:01+08:00`, RSS gets `Wed, 08 Dec 2021 10:39:01 +0800`
 * (the library calls toISOString / toUTCString; the instant is unchanged).
 */
class ShanghaiDate extends Date {
  override toISOString(): string {
    return toIsoShanghai(this.getTime());
  }
  override toUTCString(): string {
    const wall = new Date(this.getTime() + 8 * 3_600_000).toUTCString(); // "Wed, 08 Dec 2021 10:39:01 GMT"
    return wall.replace(/GMT$/, "+0800");
  }
}

/**
 * The feed library marks Atom titles and summaries `type="html"`, RSS
 * treats them as HTML too, and JSON Feed gets the summary as
 * `content_html`; so plain text is escaped first, and a title that reads
 * `<script>` stays text in every reader. Only JSON Feed's `title` is plain
 * text by definition and stays as it is.
 */
function asHtmlText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export interface FeedInput {
  /** Absent for the whole site. */
  category?: CategoryRef;
  /** Newest first; the first FEED_SIZE are used. */
  articles: Article[];
}

export function renderFeed(format: FeedFormat, { category, articles }: FeedInput): string {
  const latest = articles.slice(0, FEED_SIZE);
  const text = format === "json" ? (t: string) => t : asHtmlText;
  const page = absoluteUrl(category ? categoryPath(category) : homePath());
  const feed = new Feed({
    id: page,
    link: page,
    title: text(category ? `${category.name} - ${SITE_NAME}` : SITE_NAME),
    description: text(category ? `${category.name}的最新财经新闻` : SITE_DESCRIPTION),
    language: "zh-CN",
    // The newest article's time, so the feed only changes when its content does.
    updated: new ShanghaiDate(latest[0]?.publishedAt ?? 0),
    generator: false,
    copyright: "文章版权归原作者及来源媒体所有",
    feedLinks: { atom: absoluteUrl(feedPath("atom", category)), rss: absoluteUrl(feedPath("rss", category)), json: absoluteUrl(feedPath("json", category)) },
  });
  for (const article of latest) {
    const url = absoluteUrl(articlePath(article));
    feed.addItem({
      title: text(article.title),
      id: url,
      link: url,
      description: asHtmlText(article.summary),
      date: new ShanghaiDate(article.publishedAt),
      published: new ShanghaiDate(article.publishedAt),
      author: [{ name: article.source.name, link: article.source.url }],
      category: [{ name: text(article.category.name), term: text(article.category.name) }],
    });
  }
  return format === "atom" ? feed.atom1() : format === "rss" ? feed.rss2() : feed.json1();
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

/**
 * What real readers make of the feeds: the fixture post's headline and
 * summary hold `& < > "` and Han characters, and every feed (the site's
 * Atom, RSS and JSON Feed, and a category's) must give them back exactly in
 * Python's feedparser and in newsboat (Atom, RSS) and a JSON parser (JSON Feed). Skipped, saying why, where a reader
 * is not installed; CI installs them.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { loadContent } from "@/lib/content/load-content";
import type { CategoryRef } from "@/lib/content/types";
import { renderFeed, type FeedFormat } from "@/lib/site/feeds";
import { FEEDPARSER_MISSING, feedparserRead, htmlToShownText, NEWSBOAT_MISSING, newsboatRead, XMLLINT_MISSING, xmllintProblems } from "../helpers/feed-readers";
import { fixtureBytes, tempContentDir } from "../helpers/fixtures";

const HEADLINE = '美股收盘：标普500 & 纳斯达克 <b>齐涨</b>，"科技股" > 预期 < 3%';
const SUMMARY = '道指 & 标普 <i>同步</i> 上行，"芯片股"涨幅 > 5%。';
const CATEGORY = '美股&<纳指>"快讯"';
const URL = "https://news.example.com/articles/2023-01-10-headline-with-markup-characters/";

beforeEach(() => {
  vi.stubEnv("SITE_URL", "https://news.example.com");
  return () => vi.unstubAllEnvs();
});

function fixtureFeeds() {
  const dir = tempContentDir({ "_posts/2023-01-10-headline-with-markup-characters.md": fixtureBytes("posts/headline-with-markup-characters.md") });
  const { index } = loadContent(dir);
  const article = index.byId.get("2023-01-10-headline-with-markup-characters")!;
  // The fixture's front matter is what the test relies on: check it reads as expected.
  expect(article).toMatchObject({ title: HEADLINE, summary: SUMMARY, category: { name: CATEGORY } });
  const category: CategoryRef = article.category;
  const feed = (format: FeedFormat, inCategory = false) => renderFeed(format, { articles: index.articles, category: inCategory ? category : undefined });
  return { feed, category };
}

const scratch = mkdtempSync(path.join(os.tmpdir(), "finews-feeds-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
/** A feed as a file:// URL, for newsboat. */
function fileUrl(name: string, body: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, body);
  return pathToFileURL(file).href;
}

describe.skipIf(FEEDPARSER_MISSING)(`feedparser${FEEDPARSER_MISSING ? ` (skipped: ${FEEDPARSER_MISSING})` : ""}`, () => {
  it("Atom (site and category): the HTML-typed title and summary show the headline exactly; the feed title is exact text", () => {
    const { feed } = fixtureFeeds();
    for (const [xml, title] of [
      [feed("atom"), "财经新闻聚合"],
      [feed("atom", true), `${CATEGORY} - 财经新闻聚合`],
    ]) {
      const parsed = feedparserRead(xml);
      expect(parsed).toMatchObject({ bozo: false, version: "atom10", title, titleType: "text/plain" });
      const [entry] = parsed.entries;
      expect(entry.titleType).toBe("text/html");
      expect(htmlToShownText(entry.title)).toBe(HEADLINE);
      expect(entry.summaryType).toBe("text/html");
      expect(htmlToShownText(entry.summary)).toBe(SUMMARY);
      expect(entry.author).toBe(CATEGORY);
    }
  });

  it("RSS (site and category): the title is the headline as it is, the description HTML that shows the summary, dc:creator the media", () => {
    const { feed } = fixtureFeeds();
    for (const [xml, title] of [
      [feed("rss"), "财经新闻聚合"],
      [feed("rss", true), `${CATEGORY} - 财经新闻聚合`],
    ]) {
      const parsed = feedparserRead(xml);
      expect(parsed).toMatchObject({ bozo: false, version: "rss20", title });
      const [entry] = parsed.entries;
      expect(entry.title).toBe(HEADLINE);
      expect(htmlToShownText(entry.summary)).toBe(SUMMARY);
      expect(entry.author).toBe(CATEGORY);
      expect(entry.tags).toEqual([CATEGORY]);
    }
  });
});

describe.skipIf(NEWSBOAT_MISSING)(`newsboat${NEWSBOAT_MISSING ? ` (skipped: ${NEWSBOAT_MISSING})` : ""}`, () => {
  it("lists the headline exactly from the site's and the category's Atom and RSS, with the media as author and the summary as HTML", () => {
    const { feed } = fixtureFeeds();
    for (const [name, body, title] of [
      ["feed.xml", feed("atom"), "财经新闻聚合"],
      ["rss.xml", feed("rss"), "财经新闻聚合"],
      ["category-feed.xml", feed("atom", true), `${CATEGORY} - 财经新闻聚合`],
      ["category-rss.xml", feed("rss", true), `${CATEGORY} - 财经新闻聚合`],
    ]) {
      const read = newsboatRead(fileUrl(name, body));
      expect(read.title, name).toBe(title);
      expect(read.items, name).toHaveLength(1);
      expect(read.items[0], name).toMatchObject({ title: HEADLINE, author: CATEGORY, url: URL });
      // newsboat renders the content as HTML: escaped once, it shows the summary's text.
      expect(htmlToShownText(read.items[0].content), name).toBe(SUMMARY);
    }
  });
});

// Debian's feedparser (6.0.10) and newsboat (2.21) do not read JSON Feed; its readers use a JSON parser and the spec's fields.
describe("JSON Feed 1.1", () => {
  it("the site's and the category's: title is the headline as it is, content_html shows the summary, authors name the media", () => {
    const { feed } = fixtureFeeds();
    for (const json of [feed("json"), feed("json", true)]) {
      const parsed = JSON.parse(json);
      expect(parsed.version).toBe("https://jsonfeed.org/version/1.1");
      expect(parsed.items[0]).toMatchObject({ id: URL, url: URL, title: HEADLINE, authors: [{ name: CATEGORY }], tags: [CATEGORY] });
      expect(htmlToShownText(parsed.items[0].content_html)).toBe(SUMMARY);
    }
    expect(JSON.parse(feed("json", true)).title).toBe(`${CATEGORY} - 财经新闻聚合`);
  });
});

describe.skipIf(XMLLINT_MISSING)(`xmllint${XMLLINT_MISSING ? ` (skipped: ${XMLLINT_MISSING})` : ""}`, () => {
  it("every XML feed is well-formed", () => {
    const { feed } = fixtureFeeds();
    for (const xml of [feed("atom"), feed("rss"), feed("atom", true), feed("rss", true)]) expect(xmllintProblems(xml)).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { buildIndex } from "@/lib/content/content-index";
import type { ParsedPost } from "@/lib/content/types";
import { pageExists } from "@/lib/site/page-exists";
import { cardFontFile } from "@/lib/share/card-font";
import { HEADLINE_CARD_COUNT } from "@/lib/share/share-image";
import { articleCardPath, articlePath, categoryPath, tagPath } from "@/lib/site/urls";

const post = (n: number, categorySlug: string, tags: string[] = []): ParsedPost => ({
  id: `2024-01-${String((n % 28) + 1).padStart(2, "0")}-${n}`,
  title: `第${n}篇`,
  publishedAt: Date.UTC(2024, 0, 1) + n * 60_000,
  categorySlug,
  tags,
  summary: "",
  source: { name: "x" },
  file: `_posts/${n}.md`,
});

// 31 posts in emnews (two pages of 30), one in a source whose slug needs a hashed key, tags on some.
const posts = [...Array.from({ length: 31 }, (_, i) => post(i, "emnews", i < 2 ? ["东财滚动新闻"] : [])), post(99, "anxinguojizhengquan(xianggang)", ["安信国际新闻"])];
const index = buildIndex(posts);
const topLevel = new Set(["search", "sources", "feed.xml", "js", "_next", "search-index", "api", "robots.txt"]);
const exists = (path: string) => pageExists(path, index, topLevel);

describe("lib/site/page-exists", () => {
  it.skipIf(!cardFontFile())("knows which articles have a share card: the newest, and no others", () => {
    expect(exists(articleCardPath(index.articles[0]))).toBe(true);
    expect(exists(articleCardPath(index.articles[HEADLINE_CARD_COUNT + 1]))).toBe(false);
    expect(exists("/articles/no-such-article/card.png")).toBe(false);
    expect(exists(`${articleCardPath(index.articles[0])}/`)).toBe(false);
  });


  it("knows every page the site links to", () => {
    const odd = index.byCategory.get([...index.byCategory.keys()].find((k) => k !== "emnews")!)!.category;
    for (const path of [
      articlePath(index.articles[0]),
      categoryPath({ key: "emnews" }),
      categoryPath({ key: "emnews" }, 2),
      categoryPath(odd),
      `${categoryPath(odd)}feed.xml`,
      `/category/emnews/rss.xml`,
      `/category/emnews/feed.json`,
      tagPath("东财滚动新闻"),
      "/sitemaps/pages.xml",
      "/sitemaps/articles-1.xml",
    ]) {
      expect(exists(path), path).toBe(true);
    }
  });

  it("says no to what a crawler invents, without asking a renderer", () => {
    for (const path of [
      "/articles/no-such-article/",
      "/articles/2024-01-01-0/extra",
      "/category/no-such-source/",
      "/category/emnews/page/3/",
      "/category/emnews/page/1/",
      "/category/emnews/page/x",
      "/category/emnews/atom.xml",
      "/category/no-such/feed.xml",
      "/tags/no-such-tag/",
      `${tagPath("东财滚动新闻")}page/2/`,
      "/articles/no-such-article", // slash-less and missing: a 404 at once, no redirect first
      "/category/emnews/feed.xml/", // a file asked for as a folder
      "/sitemaps/articles-2.xml",
      "/sitemaps/news.xml", // these posts are from 2024: nothing in the last 48 hours, so no news sitemap
      "/wp-login.php",
      "/.env",
      "/no-such-source/2021/12/08/x.html",
      "/a/b/c",
    ]) {
      expect(exists(path), path).toBe(false);
    }
  });

  it("leaves to Next.js what it serves or redirects itself", () => {
    for (const path of [
      "/",
      "/search/",
      "/feed.xml",
      "/js/reader.js",
      "/_next/static/chunks/x.css",
      "/api/revalidate",
      "/emnews", // the old site's category folder: a redirect
      "/emnews/2024/01/01/0.html", // the old site's post URL: a redirect
      "/category/emnews.html", // the old site's category page: a redirect
      "/articles/2024-01-01-0", // a page without its slash: Next.js redirects it
      "/%ff", // malformed: the request guard answers
    ]) {
      expect(exists(path), path).toBeUndefined();
    }
  });

  it("finds a post the moment it is in the index", () => {
    const later = buildIndex([...posts, post(500, "newsource")]);
    expect(pageExists("/articles/2024-01-25-500/", index, topLevel)).toBe(false);
    expect(pageExists("/articles/2024-01-25-500/", later, topLevel)).toBe(true);
    expect(pageExists("/category/newsource/", later, topLevel)).toBe(true);
  });
});

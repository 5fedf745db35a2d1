import { afterEach, describe, expect, it, vi } from "vitest";
import { basePath } from "@/lib/site/base-path.cjs";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe("lib/site/base-path (BASE_PATH)", () => {
  it("is empty by default, and normalised to a leading slash and no trailing one", () => {
    vi.stubEnv("BASE_PATH", "");
    expect(basePath()).toBe("");
    for (const raw of ["/finews", "finews", "/finews/", "finews//"]) {
      vi.stubEnv("BASE_PATH", raw);
      expect(basePath(), raw).toBe("/finews");
    }
    vi.stubEnv("BASE_PATH", "/a/b-c");
    expect(basePath()).toBe("/a/b-c");
  });

  it("refuses what is not a plain URL path, naming it", () => {
    for (const raw of ["/fi news", "/../x", "/a?b", "/a#b", "https://x.example/a", "/a//b", "/财经"]) {
      vi.stubEnv("BASE_PATH", raw);
      expect(() => basePath(), raw).toThrow(/BASE_PATH/);
    }
  });

  it("puts every link, feed, sitemap entry and search request under it", async () => {
    vi.stubEnv("BASE_PATH", "/finews");
    vi.stubEnv("SITE_URL", "https://user.github.io");
    vi.resetModules();
    const urls = await import("@/lib/site/urls");
    const { feedPath } = await import("@/lib/site/feeds");
    const { sitemapPath } = await import("@/lib/site/sitemaps");
    const { SEARCH_INDEX_PATH, FRESH_PATH } = await import("@/lib/site/search-urls");
    const { LATEST_PATH } = await import("@/lib/site/latest");
    const { robotsTxt } = await import("@/lib/site/robots");
    const { pageFile } = await import("@/lib/export/page-jobs");
    expect(urls.homePath()).toBe("/finews/");
    expect(urls.articlePath({ id: "a" })).toBe("/finews/articles/a/");
    expect(urls.categoryPath({ key: "emnews" }, 2)).toBe("/finews/category/emnews/page/2/");
    expect(urls.tagPath("emnews")).toBe("/finews/tags/emnews/");
    expect(urls.searchPath()).toBe("/finews/search/");
    expect(urls.browserScriptPath("reader")).toBe("/finews/js/reader.js");
    expect(urls.absoluteUrl(urls.sourcesPath())).toBe("https://user.github.io/finews/sources/");
    expect(feedPath("atom")).toBe("/finews/feed.xml");
    expect(feedPath("rss", { key: "emnews" })).toBe("/finews/category/emnews/rss.xml");
    expect(sitemapPath("pages.xml")).toBe("/finews/sitemaps/pages.xml");
    expect([SEARCH_INDEX_PATH, FRESH_PATH, LATEST_PATH]).toEqual(["/finews/search-index", "/finews/search-index/fresh.json", "/finews/latest.json"]);
    expect(robotsTxt()).toContain("Sitemap: https://user.github.io/finews/sitemap.xml");
    // The export is the folder BASE_PATH names: its files carry no prefix.
    expect(pageFile(urls.articlePath({ id: "a" }))).toBe("articles/a/index.html");
    expect(pageFile("/finews/_next/static/chunks/x.css")).toBe("_next/static/chunks/x.css");
    // And the React runtime, which Next.js links under it too, still comes out of every page.
    const { withoutReactRuntime } = await import("@/lib/serve/static-document");
    expect(withoutReactRuntime('<head><script src="/finews/_next/static/chunks/a.js" async=""></script><script src="/finews/js/reader.js" defer=""></script></head>')).toBe(
      '<head><script src="/finews/js/reader.js" defer=""></script></head>',
    );
  });
});

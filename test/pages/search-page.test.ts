import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SearchView } from "@/components/SearchView";
import { searchPageData, searchShellData } from "@/lib/pages/search-page";
import { SEARCH_PROMPT } from "@/lib/search/params";
import type { SearchHit, SearchQuery, SearchResponse } from "@/lib/search/types";

/** Just what the search page reads of the content index. */
const category = (key: string, name: string) => ({ category: { key, name }, articles: [] });
const index = {
  categories: [category("emnews", "东财滚动新闻"), category("zhongguofazhanwang", "中国发展网新闻"), category("sitenews", "站长消息")],
  byCategory: new Map([["emnews", {}], ["zhongguofazhanwang", {}], ["sitenews", {}]]),
} as unknown as Parameters<typeof searchShellData>[0];

const hit = (n: number): SearchHit => ({
  id: `a${n}`,
  url: `/articles/a${n}/`,
  title: `央行公告${n}`,
  titleHighlights: [[0, 2]],
  sourceKey: "emnews",
  sourceName: "东财滚动新闻",
  publishedAt: Date.UTC(2021, 11, 8, 2, 40),
  snippet: "今日央行开展逆回购。",
  snippetHighlights: [[2, 4]],
});

/** A search that answers `total` hits, a page at a time, and remembers what it was asked. */
function fakeSearch(total: number) {
  const asked: SearchQuery[] = [];
  const search = async (query: SearchQuery): Promise<SearchResponse> => {
    asked.push(query);
    const from = query.offset ?? 0;
    const count = Math.max(0, Math.min(query.limit ?? 10, total - from));
    return { total, exact: true, hits: Array.from({ length: count }, (_, i) => hit(from + i)) };
  };
  return { asked, search };
}

const reader = (query: string) => {
  const params = new URLSearchParams(query);
  return (name: string) => params.get(name);
};

describe("searchPageData", () => {
  it("runs the URL's first page and says where it goes on", async () => {
    const { asked, search } = fakeSearch(25);
    const data = await searchPageData(index, reader("q=央行&sort=newest&source=emnews"), search);
    expect(asked).toEqual([{ q: "央行", sort: "newest", source: "emnews", from: undefined, to: undefined, limit: 10, offset: 0 }]);
    expect(data.status).toBe("找到 25 篇与“央行”相关的文章，按时间排序。");
    expect(data.form).toEqual({ q: "央行", sort: "newest", source: "emnews", from: "", to: "", page: 1 });
    expect(data.answered?.items).toHaveLength(10);
    expect(data.answered?.items[0]).toEqual({
      url: "/articles/a0/",
      title: [{ text: "央行", marked: true }, { text: "公告0", marked: false }],
      time: { iso: "2021-12-08T10:40:00+08:00", title: "北京时间 2021-12-08 10:40", text: "2021年12月8日" },
      sourceName: "东财滚动新闻",
      snippet: [{ text: "今日", marked: false }, { text: "央行", marked: true }, { text: "开展逆回购。", marked: false }],
    });
    expect(data.answered?.nextOffset).toBe(10);
    expect(data.answered?.nextHref).toBe("/search/?q=%E5%A4%AE%E8%A1%8C&sort=newest&source=emnews&page=2");
    expect(data.needsScript).toBe(false);
  });

  it("stops the page links at the last page allowed, while the script may go on", async () => {
    const { asked, search } = fakeSearch(500);
    const data = await searchPageData(index, reader("q=央行&page=10"), search);
    expect(asked[0]).toMatchObject({ limit: 10, offset: 90 });
    expect(data.answered?.nextOffset).toBe(100);
    expect(data.answered?.nextHref).toBeUndefined();
  });

  it("has no next page after the last result", async () => {
    const data = await searchPageData(index, reader("q=央行&page=2"), fakeSearch(15).search);
    expect(data.answered?.items).toHaveLength(5);
    expect(data.answered?.nextOffset).toBeUndefined();
    expect(data.answered?.nextHref).toBeUndefined();
  });

  it("refuses what is over a bound or unknown without searching", async () => {
    const { asked, search } = fakeSearch(5);
    const data = await searchPageData(index, reader("q=央行&source=wind"), search);
    expect(asked).toEqual([]);
    expect(data.status).toBe("没有这个来源：请从来源列表中选择。");
    expect(data.answered).toEqual({ items: [] });
  });

  it("with nothing asked, is the static copy's page but for the <noscript> line", async () => {
    const { asked, search } = fakeSearch(5);
    const live = await searchPageData(index, reader(""), search);
    expect(asked).toEqual([]);
    expect({ ...live, needsScript: true }).toEqual(searchShellData(index));
    expect(live.status).toBe(SEARCH_PROMPT);
    expect(live.sources.map((s) => s.name)).toEqual(["东财滚动新闻", "站长消息", "中国发展网新闻"]);
  });

  it("leaves the query to the script when the index cannot be read", async () => {
    const data = await searchPageData(index, reader("q=央行"), () => Promise.reject(new Error("ENOENT")));
    expect(data.status).toBe("搜索暂时不可用，请稍后再试。");
    expect(data.answered).toBeUndefined();
  });
});

describe("SearchView", () => {
  const render = (search: Parameters<typeof SearchView>[0]["search"]) => renderToStaticMarkup(createElement(SearchView, { action: "/search/", scriptSrc: "/js/search.js", search }));

  it("tells a static copy's reader without JavaScript that its search needs it; a server's page does not", async () => {
    expect(render(searchShellData(index))).toContain("<noscript><p class=\"mt-2 text-sm\">此静态站点的搜索需要启用 JavaScript。</p></noscript>");
    const live = render(await searchPageData(index, reader(""), fakeSearch(0).search));
    expect(live).not.toContain("<noscript");
    expect(live).not.toContain("data-answered");
  });

  it("fills in the form and the results, every text as text", async () => {
    const html = render(await searchPageData(index, reader("q=<b>央行</b>&sort=newest&source=zhongguofazhanwang&from=2021-12-01"), fakeSearch(12).search));
    expect(html).toContain('name="q" value="&lt;b&gt;央行&lt;/b&gt;"');
    expect(html).toMatch(/<input type="radio" name="sort" value="relevance"\/>/);
    expect(html).toMatch(/<input type="radio" name="sort" checked="" value="newest"\/>/);
    expect(html).toContain('<option value="zhongguofazhanwang" selected="">中国发展网新闻</option>');
    expect(html).toContain('name="from" value="2021-12-01"');
    expect(html).toContain('data-answered="" data-next-offset="10"');
    expect(html).toContain('<a class="headline-link" href="/articles/a0/"><mark>央行</mark>公告0</a>');
    expect(html).toContain('<a class="link" href="/search/?q=%3Cb%3E%E5%A4%AE%E8%A1%8C%3C%2Fb%3E&amp;sort=newest&amp;source=zhongguofazhanwang&amp;from=2021-12-01&amp;page=2" rel="next">下一页</a>');
    expect(html).not.toContain("<b>");
  });
});

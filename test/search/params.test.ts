import { describe, expect, it } from "vitest";
import {
  hasMoreResults,
  markedRuns,
  MAX_QUERY_CHARS,
  MAX_QUERY_WORDS,
  MAX_SEARCH_PAGE,
  paramReader,
  readSearchParams,
  resultStatus,
  searchFormParams,
  sourceOptions,
} from "@/lib/search/params";
import { parsePublishedAt } from "@/lib/time";

const DAY = 86_400_000;
const known = (key: string) => key === "emnews" || key === "wind";
const read = (query: string) => {
  const params = new URLSearchParams(query);
  return readSearchParams((name) => params.get(name), known);
};

describe("readSearchParams", () => {
  it("reads a query with its sort, source, Beijing days and page", () => {
    const request = read("q=+央行+&sort=newest&source=emnews&from=2021-12-01&to=2021-12-31&page=3");
    expect(request).toEqual({
      kind: "query",
      form: { q: "央行", sort: "newest", source: "emnews", from: "2021-12-01", to: "2021-12-31", page: 3 },
      query: {
        q: "央行",
        sort: "newest",
        source: "emnews",
        from: parsePublishedAt("2021-12-01"),
        to: parsePublishedAt("2021-12-31")! + DAY,
        limit: 10,
        offset: 20,
      },
    });
    // A Beijing day: midnight in Shanghai is 16:00 UTC the day before.
    expect(request.kind === "query" && request.query.from).toBe(Date.UTC(2021, 10, 30, 16));
  });

  it("defaults to the first page by relevance over every source", () => {
    expect(read("q=ET7")).toEqual({
      kind: "query",
      form: { q: "ET7", sort: "relevance", source: "", from: "", to: "", page: 1 },
      query: { q: "ET7", sort: "relevance", source: undefined, from: undefined, to: undefined, limit: 10, offset: 0 },
    });
  });

  it("asks for nothing when the box is empty, whatever else the URL holds", () => {
    expect(read("").kind).toBe("empty");
    expect(read("q=+++&source=nosuch&page=999").kind).toBe("empty");
  });

  it.each([
    [`q=${"央".repeat(MAX_QUERY_CHARS + 1)}`, "搜索词太长：最多 100 个字。"],
    [`q=${Array.from({ length: MAX_QUERY_WORDS + 1 }, (_, i) => `w${i}`).join("+")}`, "搜索词太多：最多 10 个词。"],
    ["q=央行&sort=oldest", "排序方式无效：请选择“相关度”或“最新”。"],
    ["q=央行&source=nosuch", "没有这个来源：请从来源列表中选择。"],
    ["q=央行&from=2021-13-01", "日期无效：请用 2021-12-31 这样的日期。"],
    ["q=央行&to=yesterday", "日期无效：请用 2021-12-31 这样的日期。"],
    ["q=央行&from=2021-12-02&to=2021-12-01", "起始日期晚于截止日期。"],
    [`q=央行&page=${MAX_SEARCH_PAGE + 1}`, "页码无效：最多显示前 10 页结果。"],
    ["q=央行&page=0", "页码无效：最多显示前 10 页结果。"],
    ["q=央行&page=1e3", "页码无效：最多显示前 10 页结果。"],
    ["q=央行&page=99999999999999999999", "页码无效：最多显示前 10 页结果。"],
    ["q=股", "请至少输入两个汉字。"],
  ])("refuses %s with a message", (query, message) => {
    const request = read(query);
    expect(request.kind).toBe("refused");
    expect(request.kind === "refused" && request.message).toBe(message);
  });

  it("keeps the words up to the bounds (characters, not UTF-16 units)", () => {
    expect(read(`q=${"𠀀".repeat(MAX_QUERY_CHARS)}`).kind).toBe("query");
    expect(read(`q=${Array.from({ length: MAX_QUERY_WORDS }, (_, i) => `w${i}`).join("+")}`).kind).toBe("query");
    expect(read(`q=央行&page=${MAX_SEARCH_PAGE}`).kind).toBe("query");
  });

  it("shows a refused value as nothing chosen, and the words as typed", () => {
    expect(read("q=央行&source=nosuch&from=x&page=0&sort=oldest").form).toEqual({ q: "央行", sort: "relevance", source: "", from: "", to: "", page: 1 });
  });
});

describe("paramReader", () => {
  it("reads Next.js's searchParams as URLSearchParams.get does: a repeated name by its first value", () => {
    const get = paramReader({ q: ["央行", "降准"], sort: "newest", toString: undefined });
    expect([get("q"), get("sort"), get("source"), get("toString"), get("constructor")]).toEqual(["央行", "newest", undefined, undefined, undefined]);
  });
});

describe("searchFormParams", () => {
  it("writes the form as its URL: no empty fields, no default sort, the page only past the first", () => {
    const form = { q: "央行 降准", sort: "relevance" as const, source: "", from: "2021-12-01", to: "", page: 1 };
    expect(searchFormParams(form).toString()).toBe("q=%E5%A4%AE%E8%A1%8C+%E9%99%8D%E5%87%86&from=2021-12-01");
    expect(searchFormParams({ ...form, sort: "newest", source: "emnews", page: 2 }).toString()).toBe(
      "q=%E5%A4%AE%E8%A1%8C+%E9%99%8D%E5%87%86&sort=newest&source=emnews&from=2021-12-01&page=2",
    );
  });
});

describe("the status line and the next page", () => {
  const hits = (n: number) => Array.from({ length: n }, () => ({}) as never);
  it("counts what was found, an estimate as such, and says when sorted by time", () => {
    expect(resultStatus("央行", "relevance", { total: 0, exact: true, hits: [] }, 0)).toBe("没有找到与“央行”相关的文章。");
    expect(resultStatus("央行", "relevance", { total: 3, exact: true, hits: hits(3) }, 3)).toBe("找到 3 篇与“央行”相关的文章。");
    expect(resultStatus("央行", "newest", { total: 40, exact: false, hits: hits(10) }, 10)).toBe("找到约 40 篇与“央行”相关的文章，按时间排序。");
  });

  it("has more after a full page, unless the exact total is shown", () => {
    expect(hasMoreResults({ total: 25, exact: true, hits: hits(10) }, 10)).toBe(true);
    expect(hasMoreResults({ total: 10, exact: true, hits: hits(10) }, 10)).toBe(false);
    expect(hasMoreResults({ total: 10, exact: false, hits: hits(10) }, 10)).toBe(true);
    expect(hasMoreResults({ total: 25, exact: true, hits: hits(5) }, 25)).toBe(false);
  });
});

describe("markedRuns", () => {
  it("cuts text into marked and plain runs, skipping overlapping and empty ranges", () => {
    expect(markedRuns("央行开展逆回购", [[0, 2], [1, 3], [4, 4], [4, 7]])).toEqual([
      { text: "央行", marked: true },
      { text: "开展", marked: false },
      { text: "逆回购", marked: true },
    ]);
    expect(markedRuns("", [])).toEqual([{ text: "", marked: false }]);
  });
});

describe("sourceOptions", () => {
  it("lists sources by name as a Chinese reader sorts (pinyin, Han names before Latin ones, as ICU's zh-CN does), then by key", () => {
    const options = sourceOptions([
      ["zgfzw", "中国发展网新闻"],
      ["emnews", "东财滚动新闻"],
      ["wind", "Wind资讯新闻"],
      ["b", "东财滚动新闻"],
    ]);
    expect(options.map((o) => o.key)).toEqual(["b", "emnews", "zgfzw", "wind"]);
  });
});

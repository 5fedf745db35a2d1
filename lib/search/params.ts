/**
 * The search page's URL (`?q=央行&sort=newest&source=emnews&from=2021-12-01&to=2021-12-31&page=2`)
 * → a bounded query, or the reason it is refused; and the words the page
 * says about it. The server renders the first answer from it
 * (lib/pages/search-page.ts) and browser/search.ts reads the same URL the
 * same way, so both give one answer, in the same words.
 *
 * Everything here comes from a stranger: the query's length and word count,
 * the sort, the source (a known one), the dates (a calendar day) and the page
 * (at most `MAX_SEARCH_PAGE`) are checked before anything is looked up.
 *
 * Browser-safe: no Node imports here or in what it imports.
 */
import { parsePublishedAt } from "../time";
import type { Highlight, SearchQuery, SearchResponse, SearchSort } from "./types";

/** Results a page shows. */
export const SEARCH_PAGE_SIZE = 10;
/** Longest query, in characters (code points): a headline is shorter. */
export const MAX_QUERY_CHARS = 100;
/** Most words (separated by spaces) in a query: each is checked on every candidate's text. */
export const MAX_QUERY_WORDS = 10;
/** Pages a URL may ask for (`page=10`: results 91–100); the browser's "更多结果" goes on from there. */
export const MAX_SEARCH_PAGE = 10;

const DAY_MS = 24 * 60 * 60 * 1000;
const SINGLE_HAN = /^\s*\p{Script=Han}\s*$/u;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PAGE = /^[1-9]\d{0,5}$/;

export const SEARCH_PROMPT = "输入关键词即可搜索：两个及以上汉字、英文单词或代码（如 00388.HK）。";
export const SEARCH_UNAVAILABLE = "搜索暂时不可用，请稍后再试。";

/** The form as the URL fills it in: what the reader typed and chose (a refused value shows as nothing chosen). */
export interface SearchForm {
  q: string;
  sort: SearchSort;
  source: string;
  from: string;
  to: string;
  page: number;
}

export type SearchRequest =
  /** Nothing asked yet: the page prompts for words. */
  | { kind: "empty"; form: SearchForm }
  /** Nothing looked up: `message` says why (too long, an unknown source, one Han character…). */
  | { kind: "refused"; form: SearchForm; message: string }
  | { kind: "query"; form: SearchForm; query: SearchQuery & { sort: SearchSort; limit: number; offset: number } };

/** A URL parameter's first value (URLSearchParams.get, or Next.js's searchParams, whose repeated names are arrays). */
export type ParamReader = (name: string) => string | null | undefined;

/** Next.js's `searchParams` as a `ParamReader`: a repeated name counts by its first value, as URLSearchParams.get does. */
export function paramReader(params: Record<string, string | string[] | undefined>): ParamReader {
  return (name) => {
    if (!Object.prototype.hasOwnProperty.call(params, name)) return undefined;
    const value = params[name];
    return Array.isArray(value) ? value[0] : value;
  };
}

/**
 * The URL's parameters → the query to run, or why none is run. `isSource`
 * says whether a source key exists (the server's index; in the browser the
 * page's own source list). A day is a Beijing day: `to` includes all of it.
 */
export function readSearchParams(get: ParamReader, isSource: (key: string) => boolean): SearchRequest {
  const raw = {
    q: (get("q") ?? "").trim(),
    sort: get("sort") ?? "",
    source: (get("source") ?? "").trim(),
    from: (get("from") ?? "").trim(),
    to: (get("to") ?? "").trim(),
    page: get("page") ?? "",
  };
  const sortOk = raw.sort === "" || raw.sort === "relevance" || raw.sort === "newest";
  const sourceOk = raw.source === "" || isSource(raw.source);
  const from = readDay(raw.from);
  const to = readDay(raw.to);
  const pageOk = raw.page === "" || (PAGE.test(raw.page) && Number(raw.page) <= MAX_SEARCH_PAGE);
  const form: SearchForm = {
    q: raw.q,
    sort: raw.sort === "newest" ? "newest" : "relevance",
    source: sourceOk ? raw.source : "",
    from: from === null ? "" : raw.from,
    to: to === null ? "" : raw.to,
    page: pageOk && raw.page !== "" ? Number(raw.page) : 1,
  };
  const refuse = (message: string): SearchRequest => ({ kind: "refused", form, message });

  if (raw.q === "") return { kind: "empty", form };
  if ([...raw.q].length > MAX_QUERY_CHARS) return refuse(`搜索词太长：最多 ${MAX_QUERY_CHARS} 个字。`);
  if (raw.q.split(/\s+/).length > MAX_QUERY_WORDS) return refuse(`搜索词太多：最多 ${MAX_QUERY_WORDS} 个词。`);
  if (!sortOk) return refuse("排序方式无效：请选择“相关度”或“最新”。");
  if (!sourceOk) return refuse("没有这个来源：请从来源列表中选择。");
  if (from === null || to === null) return refuse("日期无效：请用 2021-12-31 这样的日期。");
  if (from !== undefined && to !== undefined && from > to) return refuse("起始日期晚于截止日期。");
  if (!pageOk) return refuse(`页码无效：最多显示前 ${MAX_SEARCH_PAGE} 页结果。`);
  if (SINGLE_HAN.test(raw.q)) return refuse("请至少输入两个汉字。");
  return {
    kind: "query",
    form,
    query: {
      q: raw.q,
      sort: form.sort,
      source: form.source || undefined,
      from,
      to: to === undefined ? undefined : to + DAY_MS,
      limit: SEARCH_PAGE_SIZE,
      offset: (form.page - 1) * SEARCH_PAGE_SIZE,
    },
  };
}

/** `YYYY-MM-DD` → its Beijing midnight; undefined when empty, null when not a real day. */
function readDay(value: string): number | undefined | null {
  if (value === "") return undefined;
  if (!DAY.test(value)) return null;
  return parsePublishedAt(value) ?? null;
}

/** The form's state as URL parameters, as the form submits them but without empty ones or the default sort (and `page` only past the first). */
export function searchFormParams(form: SearchForm): URLSearchParams {
  const params = new URLSearchParams();
  if (form.q) params.set("q", form.q);
  if (form.sort !== "relevance") params.set("sort", form.sort);
  if (form.source) params.set("source", form.source);
  if (form.from) params.set("from", form.from);
  if (form.to) params.set("to", form.to);
  if (form.page > 1) params.set("page", String(form.page));
  return params;
}

/** The status line for an answer: `shown` results up to this one, out of `response.total` (maybe an estimate). */
export function resultStatus(q: string, sort: SearchSort, response: SearchResponse, shown: number): string {
  if (response.total === 0 && shown === 0) return `没有找到与“${q}”相关的文章。`;
  return `找到${response.exact ? " " : "约 "}${Math.max(response.total, shown)} 篇与“${q}”相关的文章${sort === "newest" ? "，按时间排序" : ""}。`;
}

/** Whether results follow the `shown` first ones. */
export function hasMoreResults(response: SearchResponse, shown: number, limit: number = SEARCH_PAGE_SIZE): boolean {
  return !(response.hits.length < limit || (response.exact && shown >= response.total));
}

/** Text with its highlight ranges as runs, marked or not (overlapping or empty ranges skipped). */
export function markedRuns(text: string, ranges: Highlight[]): Array<{ text: string; marked: boolean }> {
  const runs: Array<{ text: string; marked: boolean }> = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue;
    if (start > at) runs.push({ text: text.slice(at, start), marked: false });
    runs.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length || runs.length === 0) runs.push({ text: text.slice(at), marked: false });
  return runs;
}

/** Source keys and names in the order the filter lists them: by name, as a Chinese reader sorts. */
export function sourceOptions(sources: Iterable<[key: string, name: string]>): Array<{ key: string; name: string }> {
  const collator = new Intl.Collator("zh-CN");
  return [...sources].map(([key, name]) => ({ key, name })).sort((a, b) => collator.compare(a.name, b.name) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

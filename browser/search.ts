/**
 * The search page (app/search/page.tsx) in the browser: results as the
 * reader types, from the static index (lib/search/client.ts), plus the
 * articles the running server has seen since the index was built
 * (/search-index/fresh.json; empty in a static copy).
 *
 * The URL is the state: `?q=央行&sort=newest&source=emnews&from=2021-12-01&to=2021-12-31`.
 * Typing replaces the current history entry; submitting, or changing the
 * sort or a filter, adds one, so the back button returns to the previous
 * results. Everything shown is set as text (textContent), never as HTML.
 */
import { createSearchClient, type FreshArticles } from "../lib/search/client";
import type { Highlight, SearchHit, SearchQuery, SearchSort } from "../lib/search/types";
import { FRESH_PATH, SEARCH_INDEX_PATH } from "../lib/site/search-urls";
import { formatShanghai, formatShanghaiShort, parsePublishedAt, toIsoShanghai } from "../lib/time";

const PAGE_SIZE = 10;
/** Long enough to skip the keystrokes of one word, short enough to feel immediate. */
const TYPING_PAUSE_MS = 120;
const DAY_MS = 24 * 60 * 60 * 1000;
const SINGLE_HAN = /^\s*\p{Script=Han}\s*$/u;

const form = document.getElementById("search-form") as HTMLFormElement;
const input = document.getElementById("search-q") as HTMLInputElement;
const sourceSelect = document.getElementById("search-source") as HTMLSelectElement;
const fromInput = document.getElementById("search-from") as HTMLInputElement;
const toInput = document.getElementById("search-to") as HTMLInputElement;
const status = document.getElementById("search-status") as HTMLElement;
const results = document.getElementById("search-results") as HTMLOListElement;
const more = document.getElementById("search-more") as HTMLButtonElement;
const initialStatus = status.dataset.prompt ?? status.textContent ?? "";

const client = createSearchClient({
  base: SEARCH_INDEX_PATH,
  extra: async () => {
    const response = await fetch(FRESH_PATH, { cache: "no-store" });
    if (!response.ok) throw new Error(`${FRESH_PATH}: ${response.status}`);
    return (await response.json()) as FreshArticles;
  },
});

/** The form's state as URL parameters, empty ones left out. */
function formParams(): URLSearchParams {
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "" && !(name === "sort" && value === "relevance")) params.set(name, value.trim());
  }
  return params;
}

function showParams(params: URLSearchParams): void {
  input.value = params.get("q") ?? "";
  const sort = params.get("sort") === "newest" ? "newest" : "relevance";
  form.querySelectorAll<HTMLInputElement>('input[name="sort"]').forEach((radio) => (radio.checked = radio.value === sort));
  sourceSelect.dataset.wanted = params.get("source") ?? ""; // the options may still be loading
  sourceSelect.value = sourceSelect.dataset.wanted;
  fromInput.value = params.get("from") ?? "";
  toInput.value = params.get("to") ?? "";
}

/** A day in the date inputs is a Beijing day: from its midnight, to the next midnight. */
function queryFrom(params: URLSearchParams): SearchQuery {
  const from = parsePublishedAt(params.get("from") ?? "");
  const to = parsePublishedAt(params.get("to") ?? "");
  return {
    q: params.get("q") ?? "",
    sort: (params.get("sort") === "newest" ? "newest" : "relevance") satisfies SearchSort,
    source: params.get("source") || undefined,
    from,
    to: to === undefined ? undefined : to + DAY_MS,
  };
}

/** Text with its highlight ranges as <mark> elements. */
function highlighted(text: string, ranges: Highlight[]): DocumentFragment {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue;
    out.append(text.slice(at, start));
    const mark = document.createElement("mark");
    mark.textContent = text.slice(start, end);
    out.append(mark);
    at = end;
  }
  out.append(text.slice(at));
  return out;
}

function resultItem(hit: SearchHit): HTMLLIElement {
  const item = document.createElement("li");
  const heading = document.createElement("h2");
  heading.className = "search-result-title";
  const link = document.createElement("a");
  link.className = "headline-link";
  link.href = hit.url;
  link.append(highlighted(hit.title, hit.titleHighlights));
  heading.append(link);
  const meta = document.createElement("p");
  meta.className = "search-result-meta";
  const time = document.createElement("time");
  time.dateTime = toIsoShanghai(hit.publishedAt);
  time.title = `北京时间 ${formatShanghai(hit.publishedAt)}`;
  time.textContent = formatShanghaiShort(hit.publishedAt);
  const source = document.createElement("span");
  source.textContent = hit.sourceName;
  meta.append(time, source);
  const snippet = document.createElement("p");
  snippet.className = "search-result-snippet";
  snippet.append(highlighted(hit.snippet, hit.snippetHighlights));
  item.append(heading, meta, snippet);
  return item;
}

let generation = 0;
let shown = 0;

/** Runs the URL's query; `append` fetches the next page of the same query. */
async function run(params: URLSearchParams, append = false): Promise<void> {
  const mine = append ? generation : ++generation;
  const query = queryFrom(params);
  if (query.q.trim() === "") {
    results.replaceChildren();
    more.hidden = true;
    status.textContent = initialStatus;
    return;
  }
  if (SINGLE_HAN.test(query.q)) {
    results.replaceChildren();
    more.hidden = true;
    status.textContent = "请至少输入两个汉字。";
    return;
  }
  const offset = append ? shown : 0;
  let response;
  try {
    response = await client.search({ ...query, limit: PAGE_SIZE, offset });
  } catch {
    if (mine === generation) status.textContent = "搜索暂时不可用，请稍后再试。";
    return;
  }
  if (mine !== generation) return; // a newer query has started: its answer wins
  const items = response.hits.map(resultItem);
  if (append) results.append(...items);
  else results.replaceChildren(...items);
  shown = offset + response.hits.length;
  more.hidden = response.hits.length < PAGE_SIZE || (response.exact && shown >= response.total);
  const q = query.q.trim();
  status.textContent =
    response.total === 0 && shown === 0
      ? `没有找到与“${q}”相关的文章。`
      : `找到${response.exact ? " " : "约 "}${Math.max(response.total, shown)} 篇与“${q}”相关的文章${query.sort === "newest" ? "，按时间排序" : ""}。`;
}

/** Puts the form's state in the URL (a new history entry, or replacing the current one) and runs it. */
function commit(mode: "push" | "replace"): void {
  const params = formParams();
  const url = `${location.pathname}${params.size > 0 ? `?${params}` : ""}`;
  if (url !== `${location.pathname}${location.search}`) history[mode === "push" ? "pushState" : "replaceState"](null, "", url);
  void run(params);
}

/** The source filter's options, A–Z by name, from the index's manifest (which the first query needs too). */
async function loadSources(): Promise<void> {
  if (sourceSelect.options.length > 1) return; // the page came with them
  try {
    const options = [...(await client.sources())]
      .sort((a, b) => a[1].localeCompare(b[1], "zh-CN"))
      .map(([key, name]) => {
        const option = document.createElement("option");
        option.value = key;
        option.textContent = name;
        return option;
      });
    sourceSelect.append(...options);
    sourceSelect.value = sourceSelect.dataset.wanted ?? "";
  } catch {
    // Without the list the filter offers "all sources" only; search still works.
  }
}

let typing: ReturnType<typeof setTimeout> | undefined;
input.addEventListener("input", () => {
  clearTimeout(typing);
  typing = setTimeout(() => commit("replace"), TYPING_PAUSE_MS);
});
form.addEventListener("submit", (event) => {
  event.preventDefault();
  clearTimeout(typing);
  commit("push");
});
form.addEventListener("change", (event) => {
  if (event.target !== input) commit("push");
});
more.addEventListener("click", () => void run(new URLSearchParams(location.search), true));
window.addEventListener("popstate", () => {
  const params = new URLSearchParams(location.search);
  showParams(params);
  void run(params);
});

const initial = new URLSearchParams(location.search);
showParams(initial);
void loadSources();
void run(initial);
// Arriving from the masthead's box (or with nothing asked yet), the reader goes on typing here.
if (!initial.get("q") || document.referrer.startsWith(location.origin)) input.focus();

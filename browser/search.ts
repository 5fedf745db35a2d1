/**
 * The search page (app/search/page.tsx) in the browser: results as the
 * reader types, from the static index (lib/search/client.ts), plus the
 * articles the running server has seen since the index was built
 * (/search-index/fresh.json; empty in a static copy).
 *
 * The URL is the state: `?q=央行&sort=newest&source=emnews&from=2021-12-01&to=2021-12-31`,
 * read as the server reads it (lib/search/params.ts). Under `npm start` the
 * server has already answered it (the list is marked `data-answered`): the
 * script keeps those results and goes on from them ("更多结果"). Typing
 * replaces the current history entry; submitting, or changing the sort or a
 * filter, adds one, so the back button returns to the previous results.
 * Everything shown is set as text (textContent), never as HTML.
 */
import { createSearchClient } from "../lib/search/client";
import { hasMoreResults, markedRuns, readSearchParams, resultStatus, SEARCH_UNAVAILABLE, sourceOptions } from "../lib/search/params";
import type { FreshArticles, Highlight, SearchHit } from "../lib/search/types";
import { FRESH_PATH, SEARCH_INDEX_PATH } from "../lib/site/search-urls";
import { formatListDate, formatShanghai, toIsoShanghai } from "../lib/time";

/** Long enough to skip the keystrokes of one word, short enough to feel immediate. */
const TYPING_PAUSE_MS = 120;

const form = document.getElementById("search-form") as HTMLFormElement;
const input = document.getElementById("search-q") as HTMLInputElement;
const sourceSelect = document.getElementById("search-source") as HTMLSelectElement;
const fromInput = document.getElementById("search-from") as HTMLInputElement;
const toInput = document.getElementById("search-to") as HTMLInputElement;
const status = document.getElementById("search-status") as HTMLElement;
const results = document.getElementById("search-results") as HTMLOListElement;
/** "更多结果": made here, as only a script can do what it does (a page without one has the server's "下一页" link). */
const more = Object.assign(document.createElement("button"), { id: "search-more", type: "button", hidden: true, className: "link mt-3 text-sm", textContent: "更多结果" });
results.after(more);
/** The server's link to its next page, for readers without JavaScript: "更多结果" does it here. */
const pager = document.getElementById("search-pager");
const prompt = status.dataset.prompt ?? status.textContent ?? "";

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

/** A source key the filter lists; any key while the list is not there (it then finds nothing). */
function isSource(key: string): boolean {
  return sourceSelect.options.length <= 1 || [...sourceSelect.options].some((option) => option.value === key);
}

/** Text with its highlight ranges as <mark> elements. */
function highlighted(text: string, ranges: Highlight[]): DocumentFragment {
  const out = document.createDocumentFragment();
  for (const run of markedRuns(text, ranges)) {
    if (!run.marked) {
      out.append(run.text);
      continue;
    }
    const mark = document.createElement("mark");
    mark.textContent = run.text;
    out.append(mark);
  }
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
  time.textContent = formatListDate(hit.publishedAt, Date.now(), { relativeDays: true });
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

/** Runs the URL's query; `append` fetches the next results of the same query. */
async function run(params: URLSearchParams, append = false): Promise<void> {
  const mine = append ? generation : ++generation;
  pager?.remove();
  const request = readSearchParams((name) => params.get(name), isSource);
  if (request.kind !== "query") {
    results.replaceChildren();
    more.hidden = true;
    status.textContent = request.kind === "refused" ? request.message : prompt;
    return;
  }
  const query = { ...request.query, offset: append ? shown : request.query.offset };
  let response;
  try {
    response = await client.search(query);
  } catch {
    if (mine === generation) status.textContent = SEARCH_UNAVAILABLE;
    return;
  }
  if (mine !== generation) return; // a newer query has started: its answer wins
  const items = response.hits.map(resultItem);
  if (append) results.append(...items);
  else results.replaceChildren(...items);
  shown = query.offset + response.hits.length;
  more.hidden = !hasMoreResults(response, shown, query.limit);
  status.textContent = resultStatus(query.q, query.sort, response, shown);
}

/** Puts the form's state in the URL (a new history entry, or replacing the current one) and runs it. */
function commit(mode: "push" | "replace"): void {
  const params = formParams();
  const url = `${location.pathname}${params.size > 0 ? `?${params}` : ""}`;
  if (url !== `${location.pathname}${location.search}`) history[mode === "push" ? "pushState" : "replaceState"](null, "", url);
  void run(params);
}

/** The source filter's options, by name, from the index's manifest, unless the page came with them. */
async function loadSources(): Promise<void> {
  if (sourceSelect.options.length > 1) return;
  try {
    const options = sourceOptions(await client.sources()).map(({ key, name }) => {
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
if (results.hasAttribute("data-answered")) {
  // The server answered this URL: its results stay, and "更多结果" goes on from them.
  const next = results.dataset.nextOffset;
  shown = next === undefined ? results.children.length : Number(next);
  more.hidden = next === undefined;
  pager?.remove();
} else {
  void run(initial);
}
// Arriving from the masthead's box (or with nothing asked yet), the reader goes on typing here.
if (!initial.get("q") || document.referrer.startsWith(location.origin)) input.focus();

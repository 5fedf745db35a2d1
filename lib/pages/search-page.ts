/**
 * The search page as data. A static export writes it once, with nothing
 * asked (`searchShellData`): browser/search.ts runs every query there. A
 * server renders the URL's query itself (`searchPageData`), so the page
 * answers a plain GET (a reader without JavaScript, lynx, a linked result
 * list) and the script takes over from the results it finds.
 */
import type { ContentIndex } from "../content/content-index";
import {
  hasMoreResults,
  markedRuns,
  MAX_SEARCH_PAGE,
  readSearchParams,
  resultStatus,
  SEARCH_PROMPT,
  SEARCH_UNAVAILABLE,
  searchFormParams,
  sourceOptions,
  type ParamReader,
  type SearchForm,
} from "../search/params";
import type { SearchHit, SearchQuery, SearchResponse } from "../search/types";
import { searchPath } from "../site/urls";
import { formatListDate, formatShanghai, toIsoShanghai } from "../time";

type Index = Pick<ContentIndex, "categories" | "byCategory">;
type Runs = ReturnType<typeof markedRuns>;

export interface SearchResultItem {
  url: string;
  title: Runs;
  /** `datetime`, the tooltip (北京时间 …) and the short text. */
  time: { iso: string; title: string; text: string };
  sourceName: string;
  snippet: Runs;
}

export interface SearchPageData {
  form: SearchForm;
  /** The source filter's options, in the order it lists them. */
  sources: Array<{ key: string; name: string }>;
  /** The status line's text before anything is asked (the script shows it again when the box is emptied). */
  prompt: string;
  status: string;
  /** Set when the server answered the URL's query: the results and where they go on. The script takes over from them. */
  answered?: {
    items: SearchResultItem[];
    /** Offset of the next result, when there are more (the script's "更多结果"). */
    nextOffset?: number;
    /** The next page's URL, for a reader without JavaScript (up to MAX_SEARCH_PAGE). */
    nextHref?: string;
  };
  /** A static copy: its search needs JavaScript, and says so to a reader without it. */
  needsScript: boolean;
}

const emptyForm = (): SearchForm => ({ q: "", sort: "relevance", source: "", from: "", to: "", page: 1 });

/** The source filter's options: every source with a published article. */
function sourcesOf(index: Index): SearchPageData["sources"] {
  return sourceOptions(index.categories.map(({ category }) => [category.key, category.name]));
}

/** The page of a static copy: nothing asked, every source listed; the script does the rest. */
export function searchShellData(index: Index): SearchPageData {
  return { form: emptyForm(), sources: sourcesOf(index), prompt: SEARCH_PROMPT, status: SEARCH_PROMPT, needsScript: true };
}

/**
 * The page for the URL's parameters on a server: its query run by `search`
 * (lib/search/server.ts), or the reason it is not. With nothing asked it is
 * the static copy's page but for the `<noscript>` line.
 */
export async function searchPageData(index: Index, get: ParamReader, search: (query: SearchQuery) => Promise<SearchResponse>): Promise<SearchPageData> {
  const request = readSearchParams(get, (key) => index.byCategory.has(key));
  const page = { form: request.form, sources: sourcesOf(index), prompt: SEARCH_PROMPT, needsScript: false };
  if (request.kind === "empty") return { ...page, status: SEARCH_PROMPT };
  if (request.kind === "refused") return { ...page, status: request.message, answered: { items: [] } };
  let response: SearchResponse;
  try {
    response = await search(request.query);
  } catch {
    // The script tries again from the index files (no `answered`).
    return { ...page, status: SEARCH_UNAVAILABLE };
  }
  const { query, form } = request;
  const shown = query.offset + response.hits.length;
  const more = hasMoreResults(response, shown, query.limit);
  return {
    ...page,
    status: resultStatus(query.q, form.sort, response, shown),
    answered: {
      items: response.hits.map((hit) => resultItem(hit, Date.now())),
      nextOffset: more ? shown : undefined,
      nextHref: more && form.page < MAX_SEARCH_PAGE ? searchPath(searchFormParams({ ...form, page: form.page + 1 })) : undefined,
    },
  };
}

function resultItem(hit: SearchHit, now: number): SearchResultItem {
  return {
    url: hit.url,
    title: markedRuns(hit.title, hit.titleHighlights),
    time: { iso: toIsoShanghai(hit.publishedAt), title: `北京时间 ${formatShanghai(hit.publishedAt)}`, text: formatListDate(hit.publishedAt, now) },
    sourceName: hit.sourceName,
    snippet: markedRuns(hit.snippet, hit.snippetHighlights),
  };
}

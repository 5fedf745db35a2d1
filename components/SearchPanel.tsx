import type { SearchPageData } from "@/lib/pages/search-page";
import { SearchResultItem } from "./SearchResultItem";

/**
 * The search page's controls and result slots. The form is a plain GET form
 * to this page, so the query, sort and filters are the URL
 * (`?q=央行&sort=newest&source=emnews&from=2021-12-01&to=2021-12-31`) and a
 * result list can be linked, reloaded and gone back to. A server fills in
 * the form and the first results (`search.answered`, marked `data-answered`
 * for browser/search.ts, which takes over from them); a static copy's page
 * is filled in by the script alone. Its "更多结果" button is the script's
 * own: a reader without it follows the server's "下一页" link.
 */
export function SearchPanel({ action, search }: { action: string; search: SearchPageData }) {
  const { form, answered } = search;
  return (
    <div id="search-page" className="mx-auto max-w-3xl space-y-4">
      <section aria-labelledby="search-heading" className="rounded-lg border border-line bg-surface px-4 py-5 sm:px-6">
        <h1 id="search-heading" className="text-2xl font-bold">
          搜索
        </h1>
        <form id="search-form" role="search" action={action} method="get" className="mt-3">
          <label htmlFor="search-q" className="sr-only">
            搜索新闻
          </label>
          <div className="flex">
            <input id="search-q" name="q" type="search" defaultValue={form.q || undefined} placeholder="关键词，如 央行、融资余额、ET7" autoComplete="off" enterKeyHint="search" className="search-input" />
            <button className="search-button">搜索</button>
          </div>
          <div className="search-options">
            <fieldset>
              <legend>排序</legend>
              <div className="search-sort">
                <label className="flex items-center gap-1 text-inherit">
                  <input type="radio" name="sort" value="relevance" defaultChecked={form.sort === "relevance"} /> 相关度
                </label>
                <label className="flex items-center gap-1 text-inherit">
                  <input type="radio" name="sort" value="newest" defaultChecked={form.sort === "newest"} /> 最新
                </label>
              </div>
            </fieldset>
            <div>
              <label htmlFor="search-source">来源</label>
              <select id="search-source" name="source" defaultValue={form.source}>
                <option value="">全部来源</option>
                {search.sources.map((source) => (
                  <option key={source.key} value={source.key}>
                    {source.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="search-from">起始日期</label>
              <input id="search-from" name="from" type="date" defaultValue={form.from || undefined} />
            </div>
            <div>
              <label htmlFor="search-to">截止日期</label>
              <input id="search-to" name="to" type="date" defaultValue={form.to || undefined} />
            </div>
          </div>
        </form>
        <p id="search-status" role="status" aria-live="polite" data-prompt={search.prompt} className="mt-4 text-sm text-muted">
          {search.status}
        </p>
        {search.needsScript && (
          <noscript>
            <p className="mt-2 text-sm">此静态站点的搜索需要启用 JavaScript。</p>
          </noscript>
        )}
        <ol
          id="search-results"
          className="search-results"
          aria-label="搜索结果"
          data-answered={answered ? "" : undefined}
          data-next-offset={answered?.nextOffset}
        >
          {answered?.items.map((item) => <SearchResultItem key={item.url} item={item} />)}
        </ol>
        {answered?.nextHref && (
          <p id="search-pager" className="mt-3 text-sm">
            <a className="link" href={answered.nextHref} rel="next">
              下一页
            </a>
          </p>
        )}
      </section>
    </div>
  );
}

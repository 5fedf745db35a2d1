/**
 * The search page's controls and result slots. Everything it shows is
 * filled in by browser/search.ts from the static search index; the form
 * is a plain GET form to this page, so the query, sort and filters are the
 * URL (`?q=央行&sort=newest&source=emnews&from=2021-12-01&to=2021-12-31`)
 * and a result list can be linked, reloaded and gone back to.
 */
export function SearchPanel({ action }: { action: string }) {
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
            <input id="search-q" name="q" type="search" placeholder="关键词，如 央行、融资余额、ET7" autoComplete="off" enterKeyHint="search" className="search-input" />
            <button className="search-button">搜索</button>
          </div>
          <div className="search-options">
            <fieldset>
              <legend>排序</legend>
              <div className="search-sort">
                <label className="flex items-center gap-1 text-inherit">
                  <input type="radio" name="sort" value="relevance" defaultChecked /> 相关度
                </label>
                <label className="flex items-center gap-1 text-inherit">
                  <input type="radio" name="sort" value="newest" /> 最新
                </label>
              </div>
            </fieldset>
            <div>
              <label htmlFor="search-source">来源</label>
              <select id="search-source" name="source" defaultValue="">
                <option value="">全部来源</option>
              </select>
            </div>
            <div>
              <label htmlFor="search-from">起始日期</label>
              <input id="search-from" name="from" type="date" />
            </div>
            <div>
              <label htmlFor="search-to">截止日期</label>
              <input id="search-to" name="to" type="date" />
            </div>
          </div>
        </form>
        <p id="search-status" role="status" aria-live="polite" className="mt-4 text-sm text-muted">
          输入关键词即可搜索：两个及以上汉字、英文单词或代码（如 00388.HK）。
        </p>
        <noscript>
          <p className="mt-2 text-sm">搜索需要启用 JavaScript。</p>
        </noscript>
        <ol id="search-results" className="search-results" aria-label="搜索结果" />
        <button id="search-more" type="button" hidden className="link mt-3 text-sm">
          更多结果
        </button>
      </section>
    </div>
  );
}

import type { SearchResultItem as Item } from "@/lib/pages/search-page";
import { MarkedText } from "./MarkedText";

/** One search result: headline (link), Beijing time and source, a passage; the markup browser/search.ts builds for its own results. */
export function SearchResultItem({ item }: { item: Item }) {
  return (
    <li>
      <h2 className="search-result-title">
        <a className="headline-link" href={item.url}>
          <MarkedText runs={item.title} />
        </a>
      </h2>
      <p className="search-result-meta">
        <time dateTime={item.time.iso} title={item.time.title} data-list-date="" suppressHydrationWarning>
          {item.time.text}
        </time>
        <span>{item.sourceName}</span>
      </p>
      <p className="search-result-snippet">
        <MarkedText runs={item.snippet} />
      </p>
    </li>
  );
}

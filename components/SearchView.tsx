import type { SearchPageData } from "@/lib/pages/search-page";
import { SearchPanel } from "./SearchPanel";

/** The search page: the form and, on a server, the URL's results; browser/search.ts (at `scriptSrc`) runs queries from there on. */
export function SearchView({ action, scriptSrc, search }: { action: string; scriptSrc: string; search: SearchPageData }) {
  return (
    <>
      <SearchPanel action={action} search={search} />
      <script src={scriptSrc} defer />
    </>
  );
}

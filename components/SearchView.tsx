import { SearchPanel } from "./SearchPanel";

/** The search page: a static shell; browser/search.ts (at `scriptSrc`) runs the queries against the static index. */
export function SearchView({ action, scriptSrc }: { action: string; scriptSrc: string }) {
  return (
    <>
      <SearchPanel action={action} />
      <script src={scriptSrc} defer />
    </>
  );
}

import type { Metadata } from "next";
import { SearchPanel } from "@/components/SearchPanel";
import { absoluteUrl, searchPath } from "@/lib/site/urls";

export const metadata: Metadata = {
  title: "搜索",
  description: "在全部文章的标题、摘要和正文中搜索。",
  alternates: { canonical: absoluteUrl(searchPath()) },
  // Result lists are not pages of their own for search engines.
  robots: { index: false, follow: true },
};

/** The search page: a static shell; browser/search.ts runs the queries against the static index. */
export default function SearchPage() {
  return (
    <>
      <SearchPanel action={searchPath()} />
      <script src={SEARCH_SCRIPT} defer />
    </>
  );
}

const SEARCH_SCRIPT = "/js/search.js";

import { SearchView } from "@/components/SearchView";
import { getIndex } from "@/lib/content/content-store";
import { searchPageData } from "@/lib/pages/search-page";
import { searchMetadata } from "@/lib/pages/site-pages";
import { paramReader } from "@/lib/search/params";
import { serverSearchClient } from "@/lib/search/server";
import { browserScriptPath, searchPath } from "@/lib/site/urls";

export const metadata = searchMetadata();

/**
 * Rendered per request (it reads the URL's query), never kept by Next.js under one key for every
 * query: the server answers `?q=…` itself, so search works without JavaScript. A static export
 * writes this page once, with nothing asked (lib/export/page-jobs.ts).
 */
export default async function SearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const search = await searchPageData(getIndex(), paramReader(await searchParams), (query) => serverSearchClient().search(query));
  return <SearchView action={searchPath()} scriptSrc={browserScriptPath("search")} search={search} />;
}

import { SearchView } from "@/components/SearchView";
import { searchMetadata } from "@/lib/pages/site-pages";
import { browserScriptPath, searchPath } from "@/lib/site/urls";

export const metadata = searchMetadata();

export default function SearchPage() {
  return <SearchView action={searchPath()} scriptSrc={browserScriptPath("search")} />;
}

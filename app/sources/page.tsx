import { SourcesView } from "@/components/SourcesView";
import { getIndex } from "@/lib/content/content-store";
import { sourcesMetadata, sourcesPageData } from "@/lib/pages/site-pages";

export const metadata = sourcesMetadata();

export default function SourcesPage() {
  return <SourcesView sources={sourcesPageData(getIndex())} />;
}

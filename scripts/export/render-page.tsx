/**
 * A page job (lib/export/page-jobs.ts) → the HTML document `npm start`
 * serves for it, rendered with react-dom/server from the same views and
 * metadata as the app/ routes. Synchronous: the views are.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { ArticleView } from "@/components/ArticleView";
import { DocumentHead } from "@/components/DocumentHead";
import { HomeView } from "@/components/HomeView";
import { ListingView } from "@/components/ListingView";
import { NotFoundView } from "@/components/NotFoundView";
import { SearchView } from "@/components/SearchView";
import { SiteDocument } from "@/components/SiteDocument";
import { SourcesView } from "@/components/SourcesView";
import type { PageJob, PageView } from "@/lib/export/page-jobs";
import { SITE_VIEWPORT, resolveHead } from "@/lib/pages/metadata";
import { siteChrome } from "@/lib/pages/site-pages";
import { browserScriptPath, homePath, searchPath } from "@/lib/site/urls";

export interface SiteAssets {
  /** The stylesheets Next.js built, as its pages link them (`/_next/static/…css`). */
  stylesheets: string[];
}

function viewOf(view: PageView, bodyHtml: string | undefined) {
  switch (view.kind) {
    case "article":
      return <ArticleView article={view.article} bodyHtml={bodyHtml ?? ""} />;
    case "listing":
      return <ListingView listing={view.listing} />;
    case "home":
      return <HomeView home={view.home} />;
    case "sources":
      return <SourcesView sources={view.sources} />;
    case "search":
      return <SearchView action={searchPath()} scriptSrc={browserScriptPath("search")} search={view.search} />;
    case "not-found":
      return <NotFoundView homeHref={homePath()} />;
    case "card":
      throw new Error("a share card is an image, not a page (export-worker.ts draws it)");
  }
}

export function renderPageDocument(job: PageJob, assets: SiteAssets, bodyHtml?: string): string {
  const head = <DocumentHead head={resolveHead(job.metadata)} viewport={SITE_VIEWPORT} stylesheets={assets.stylesheets} notFound={job.view.kind === "not-found"} />;
  const html = renderToStaticMarkup(
    <SiteDocument chrome={siteChrome()} head={head} readerScript={browserScriptPath("reader")}>
      {viewOf(job.view, bodyHtml)}
    </SiteDocument>,
  );
  return `<!DOCTYPE html>${html}`;
}

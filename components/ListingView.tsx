import type { ListingPageData } from "@/lib/pages/listing-page";
import { listingPagePath } from "@/lib/site/urls";
import { ArticleListing } from "./ArticleListing";
import { FreshnessNotice } from "./FreshnessNotice";

/** One page of a source's or a tag's articles. */
export function ListingView({ listing }: { listing: ListingPageData }) {
  const { heading, total, page, pageCount, items, crumbs, firstPageHref, freshness } = listing;
  return (
    <ArticleListing
      heading={heading}
      total={total}
      page={page}
      pageCount={pageCount}
      items={items}
      crumbs={crumbs}
      hrefFor={(p) => listingPagePath(firstPageHref, p)}
      notice={freshness ? <FreshnessNotice since={freshness.since} categoryKey={freshness.categoryKey} /> : undefined}
    />
  );
}

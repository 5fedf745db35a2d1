/**
 * The four listing routes (a source's or a tag's page 1 and page n) in one
 * place: each asks lib/pages/listing-page.ts for its data and renders
 * components/ListingView.tsx.
 */
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { ListingView } from "@/components/ListingView";
import { getIndex } from "@/lib/content/content-store";
import { categoryListingPage, tagListingPage } from "@/lib/pages/listing-page";
import { legacyCategoryPath } from "@/lib/site/legacy-urls";
import { pageNumberFromSegment } from "@/lib/site/urls";

export type ListingParams = { params: Promise<{ key: string; n?: string }> };

const KINDS = { category: categoryListingPage, tag: tagListingPage };

async function find(kind: keyof typeof KINDS, props: ListingParams) {
  const { key, n } = await props.params;
  const page = n === undefined ? 1 : pageNumberFromSegment(n);
  return { key, page, listing: KINDS[kind](getIndex(), key, page) };
}

export function listingRoute(kind: keyof typeof KINDS) {
  return {
    async generateMetadata(props: ListingParams): Promise<Metadata> {
      return (await find(kind, props)).listing?.metadata ?? {};
    },
    async Page(props: ListingParams) {
      const { key, page, listing } = await find(kind, props);
      if (listing) return <ListingView listing={listing} />;
      // The old site's `/category/<slug>.html` pages redirect (308) to their category.
      const legacy = kind === "category" && page === 1 && /\.html?$/i.test(key) ? legacyCategoryPath(getIndex(), key) : undefined;
      if (legacy) permanentRedirect(legacy);
      notFound();
    },
  };
}

/**
 * What a page says about itself in `<head>`, and how it is resolved into
 * tags. `PageMetadata` is the part of Next.js's `Metadata` the site uses
 * (structurally the same, so an app/ route returns it as it is); the static
 * exporter resolves it here the way Next.js does and renders the result with
 * components/DocumentHead.tsx. test/export/parity.test.ts holds the two to
 * the same bytes.
 */
import { SITE_DESCRIPTION, SITE_NAME, siteUrl } from "../site/config";
import { feedAlternates } from "../site/feeds";
import { sitePath } from "../site/urls";

export type FeedLinks = Record<string, { url: string; title: string }[]>;

export interface PageMetadata {
  title?: string;
  description?: string;
  robots?: { index: boolean; follow?: boolean };
  alternates?: { canonical?: string; types?: FeedLinks };
  openGraph?: {
    title: string;
    description: string;
    url: string;
    siteName: string;
    locale: string;
    type: "website" | "article";
    publishedTime?: string;
    section?: string;
    /** Absolute URLs (lib/share/share-image.ts). */
    images?: { url: string; width?: number; height?: number; alt?: string }[];
  };
}

/** The root layout's metadata; pages override whole keys of it (as in Next.js). */
export function siteMetadata() {
  return {
    metadataBase: new URL(siteUrl()),
    title: { default: SITE_NAME, template: `%s | ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    // Feed discovery on every page; pages with their own alternates (canonical) repeat it.
    alternates: { types: feedAlternates() },
    icons: { icon: { url: SITE_ICON.href, type: SITE_ICON.type } },
  };
}

export const SITE_ICON = { href: sitePath("/icon.svg"), type: "image/svg+xml" } as const;

export const SITE_VIEWPORT = { width: "device-width", initialScale: 1, themeColor: "#b3121f" } as const;

/** A page's head, resolved: every URL absolute, the title templated, the Twitter card derived. */
export interface ResolvedHead {
  title: string;
  description?: string;
  robots?: string;
  canonical?: string;
  feeds: { type: string; href: string; title: string }[];
  openGraph?: PageMetadata["openGraph"];
  /** Next.js derives the Twitter card from Open Graph: a large image card when there is an image. */
  twitter?: { card: "summary" | "summary_large_image"; title: string; description: string; images?: NonNullable<PageMetadata["openGraph"]>["images"] };
  icon: { href: string; type: string };
}

export function resolveHead(page: PageMetadata): ResolvedHead {
  const site = siteMetadata();
  const absolute = (url: string) => new URL(url, site.metadataBase).toString();
  const alternates = page.alternates ?? site.alternates;
  const types: FeedLinks = alternates.types ?? {};
  const og = page.openGraph;
  return {
    title: page.title ? site.title.template.replace("%s", page.title) : site.title.default,
    description: page.description ?? site.description,
    robots: page.robots ? robotsContent(page.robots) : undefined,
    canonical: page.alternates?.canonical ? absolute(page.alternates.canonical) : undefined,
    feeds: Object.entries(types).flatMap(([type, links]) => links.map((link) => ({ type, href: absolute(link.url), title: link.title }))),
    openGraph: og && { ...og, url: absolute(og.url) },
    twitter: og && {
      card: og.images?.length ? "summary_large_image" : "summary",
      title: og.title,
      description: og.description,
      images: og.images,
    },
    icon: { href: site.icons.icon.url, type: site.icons.icon.type },
  };
}

function robotsContent({ index, follow }: { index: boolean; follow?: boolean }): string {
  const parts = [index ? "index" : "noindex"];
  if (follow !== undefined) parts.push(follow ? "follow" : "nofollow");
  return parts.join(", ");
}

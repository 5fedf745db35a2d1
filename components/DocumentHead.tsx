import { Fragment } from "react";
import type { ResolvedHead } from "@/lib/pages/metadata";

interface DocumentHeadProps {
  head: ResolvedHead;
  viewport: { width: string; initialScale: number; themeColor: string };
  stylesheets: string[];
  /** The 404 page: Next.js writes a `noindex` of its own there, before the page's metadata. */
  notFound?: boolean;
}

/**
 * The head tags Next.js writes for a page's metadata, in its order and
 * spelling, for the static exporter (which renders without Next.js).
 * test/export/parity.test.ts compares the two on every page of a fixture
 * site; a metadata field the site starts using must be added here too.
 */
export function DocumentHead({ head, viewport, stylesheets, notFound }: DocumentHeadProps) {
  const og = head.openGraph;
  return (
    <>
      <meta charSet="utf-8" />
      <meta name="viewport" content={`width=${viewport.width}, initial-scale=${viewport.initialScale}`} />
      {stylesheets.map((href) => (
        <link key={href} rel="stylesheet" href={href} precedence="next" />
      ))}
      {notFound ? <meta name="robots" content="noindex" /> : null}
      <meta name="theme-color" content={viewport.themeColor} />
      <title>{head.title}</title>
      {head.description ? <meta name="description" content={head.description} /> : null}
      {head.robots ? <meta name="robots" content={head.robots} /> : null}
      {head.canonical ? <link rel="canonical" href={head.canonical} /> : null}
      {head.feeds.map((feed) => (
        <link key={feed.href} rel="alternate" type={feed.type} href={feed.href} title={feed.title} />
      ))}
      {og ? (
        <>
          <meta property="og:title" content={og.title} />
          <meta property="og:description" content={og.description} />
          <meta property="og:url" content={og.url} />
          <meta property="og:site_name" content={og.siteName} />
          <meta property="og:locale" content={og.locale} />
          {og.images?.map((image) => (
            <Fragment key={image.url}>
              <meta property="og:image" content={image.url} />
              {image.width ? <meta property="og:image:width" content={String(image.width)} /> : null}
              {image.height ? <meta property="og:image:height" content={String(image.height)} /> : null}
              {image.alt ? <meta property="og:image:alt" content={image.alt} /> : null}
            </Fragment>
          ))}
          <meta property="og:type" content={og.type} />
          {og.publishedTime ? <meta property="article:published_time" content={og.publishedTime} /> : null}
          {og.section ? <meta property="article:section" content={og.section} /> : null}
        </>
      ) : null}
      {head.twitter ? (
        <>
          <meta name="twitter:card" content={head.twitter.card} />
          <meta name="twitter:title" content={head.twitter.title} />
          <meta name="twitter:description" content={head.twitter.description} />
          {head.twitter.images?.map((image) => (
            <Fragment key={image.url}>
              <meta name="twitter:image" content={image.url} />
              {image.alt ? <meta name="twitter:image:alt" content={image.alt} /> : null}
              {image.width ? <meta name="twitter:image:width" content={String(image.width)} /> : null}
              {image.height ? <meta name="twitter:image:height" content={String(image.height)} /> : null}
            </Fragment>
          ))}
        </>
      ) : null}
      <link rel="icon" href={head.icon.href} type={head.icon.type} />
    </>
  );
}

/**
 * Where "N 条新消息" appears on home and source pages: an empty live region
 * that browser/reader.ts fills when /latest.json has articles newer than
 * `since` (the newest instant on the page), in `categoryKey` when given.
 */
export function FreshnessNotice({ since, categoryKey }: { since: number; categoryKey?: string }) {
  return <div aria-live="polite" className="freshness" data-freshness="" data-since={since} data-category={categoryKey} />;
}

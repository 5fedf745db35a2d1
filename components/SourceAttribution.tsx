interface SourceAttributionProps {
  /** Media name (`上海证券报`). */
  name: string;
  /** The original article, when the post named it. */
  url?: string;
}

/** Who published the story first, with a link to the original. */
export function SourceAttribution({ name, url }: SourceAttributionProps) {
  return (
    <p className="source-attribution text-sm text-muted">
      <span>来源：</span>
      <span className="font-medium text-ink">{name}</span>
      {url ? (
        <>
          <span aria-hidden="true"> · </span>
          <a href={url} rel="noopener noreferrer nofollow" className="link break-all">
            阅读原文<span className="sr-only">（{name}）</span>
          </a>
        </>
      ) : null}
    </p>
  );
}

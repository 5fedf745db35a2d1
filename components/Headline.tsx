interface HeadlineProps {
  title: string;
  /** The article's lede, shown under the headline when the post has one. */
  standfirst?: string;
}

/** The article's one `<h1>`, with its standfirst. */
export function Headline({ title, standfirst }: HeadlineProps) {
  return (
    <header className="space-y-3">
      <h1 className="headline">{title}</h1>
      {standfirst ? <p className="standfirst">{standfirst}</p> : null}
    </header>
  );
}

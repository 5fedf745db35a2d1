/** Text with some runs marked (a search hit's words), as `<mark>`; everything as text, never HTML. */
export function MarkedText({ runs }: { runs: Array<{ text: string; marked: boolean }> }) {
  return <>{runs.map((run, i) => (run.marked ? <mark key={i}>{run.text}</mark> : run.text))}</>;
}

/** A post that cannot be published, and why, in `npm run check`'s words (dev preview only). */
export function ContentProblems({ file, lines }: { file: string; lines: string[] }) {
  return (
    <div className="mx-auto max-w-3xl space-y-4 rounded-lg border-2 border-accent bg-surface px-6 py-8">
      <h1 className="text-2xl font-bold">这篇文章无法发布</h1>
      <p className="text-muted">
        <code>{file}</code> 有错误，正式构建会跳过它。修正后保存，刷新本页即可。
      </p>
      <ul className="space-y-1 font-mono text-sm">
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </div>
  );
}

/** The 404 page's content. */
export function NotFoundView({ homeHref }: { homeHref: string }) {
  return (
    <div className="mx-auto max-w-xl rounded-lg border border-line bg-surface px-6 py-10 text-center">
      <h1 className="text-2xl font-bold">页面不存在</h1>
      <p className="mt-3 text-muted">您要找的文章或页面不存在，可能已被移除，或链接有误。</p>
      <p className="mt-6">
        <a href={homeHref} className="link font-medium">
          返回首页
        </a>
      </p>
    </div>
  );
}

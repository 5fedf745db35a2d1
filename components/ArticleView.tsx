import type { ArticlePageData } from "@/lib/pages/article-page";
import { ArticlePager } from "./ArticlePager";
import { BackToCategory } from "./BackToCategory";
import { Breadcrumbs } from "./Breadcrumbs";
import { DraftBanner } from "./DraftBanner";
import { Headline } from "./Headline";
import { JsonLd } from "./JsonLd";
import { PublishedTime } from "./PublishedTime";
import { RelatedArticles } from "./RelatedArticles";
import { SourceAttribution } from "./SourceAttribution";
import { TagList } from "./TagList";

/** An article's page: `bodyHtml` is the post's sanitized body (lib/content/render.ts). */
export function ArticleView({ article, bodyHtml }: { article: ArticlePageData; bodyHtml: string }) {
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {article.hidden ? <DraftBanner kind={article.hidden} publishedAt={article.publishedAt} /> : article.jsonLd ? <JsonLd data={article.jsonLd} /> : null}
      <Breadcrumbs items={article.crumbs} />
      <article className="article-card">
        <Headline title={article.title} standfirst={article.lede} />
        <div className="article-meta">
          <PublishedTime instant={article.publishedAt} />
          <SourceAttribution name={article.source.name} url={article.source.url} />
        </div>
        <div className="article-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        <footer className="article-footer">
          <TagList tags={article.tags.map(({ title, href }) => ({ name: title, href }))} />
          <BackToCategory href={article.category.href} name={article.category.name} />
        </footer>
      </article>
      <ArticlePager newer={article.newer} older={article.older} />
      <RelatedArticles items={article.related} />
    </div>
  );
}

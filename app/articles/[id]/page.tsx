import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticlePager } from "@/components/ArticlePager";
import { BackToCategory } from "@/components/BackToCategory";
import { RelatedArticles } from "@/components/RelatedArticles";
import { ContentProblems } from "@/components/ContentProblems";
import { DraftBanner } from "@/components/DraftBanner";
import { Breadcrumbs } from "@/components/Breadcrumbs";
import { Headline } from "@/components/Headline";
import { JsonLd } from "@/components/JsonLd";
import { PublishedTime } from "@/components/PublishedTime";
import { SourceAttribution } from "@/components/SourceAttribution";
import { TagList } from "@/components/TagList";
import { formatProblem, problemsForArticleId } from "@/lib/content/load-content";
import { previousAndNext, relatedArticles } from "@/lib/content/neighbours";
import { getArticleBody, getContent, getIndex } from "@/lib/content/store";
import { isStaticExport, prerenderArticleCount, showsDrafts } from "@/lib/site/config";
import { feedAlternates } from "@/lib/site/feeds";
import { articleJsonLd } from "@/lib/site/json-ld";
import { metaDescription, previewMetadata } from "@/lib/site/open-graph";
import { absoluteUrl, articlePath, categoryPath, homePath, tagPath } from "@/lib/site/urls";

type Props = { params: Promise<{ id: string }> };

/** All articles for a static export; else the newest, the rest render on first request. */
export function generateStaticParams() {
  const { articles } = getIndex();
  const chosen = isStaticExport() ? articles : articles.slice(0, prerenderArticleCount());
  return chosen.map((a) => ({ id: a.id }));
}

async function articleId(props: Props) {
  return decodeURIComponent((await props.params).id);
}

async function findArticle(props: Props) {
  return getIndex().byId.get(await articleId(props));
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const article = await findArticle(props);
  if (!article) return {};
  return {
    title: article.title,
    alternates: { canonical: absoluteUrl(articlePath(article)), types: feedAlternates({ atomOnly: true }) },
    ...previewMetadata({
      title: article.title,
      description: metaDescription(article.summary),
      url: absoluteUrl(articlePath(article)),
      article: { publishedAt: article.publishedAt, section: article.category.name },
    }),
    // Previews of drafts, unpublished and scheduled posts (dev only) must never be indexed.
    ...(article.hidden ? { robots: { index: false, follow: false } } : {}),
  };
}

export default async function ArticlePage(props: Props) {
  const article = await findArticle(props);
  if (!article) {
    // In the dev preview, a post that broke while being edited says why instead of vanishing.
    const problems = showsDrafts() ? problemsForArticleId(getContent(), await articleId(props)) : [];
    if (problems.length) return <ContentProblems file={problems[0].file} lines={problems.map(formatProblem)} />;
    notFound();
  }
  const bodyHtml = await getArticleBody(article);
  if (bodyHtml === undefined) notFound();
  const categoryHref = categoryPath(article.category);
  const index = getIndex();
  const { newer, older } = previousAndNext(index, article);
  const link = (a: { id: string; title: string } | undefined) => a && { href: articlePath(a), title: a.title };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      {article.hidden ? <DraftBanner kind={article.hidden} publishedAt={article.publishedAt} /> : <JsonLd data={articleJsonLd(article)} />}
      <Breadcrumbs
        items={[
          { label: "首页", href: homePath() },
          // The trail ends at the source: the headline right below names the page.
          { label: article.category.name, href: categoryHref },
        ]}
      />
      <article className="article-card">
        <Headline title={article.title} standfirst={article.lede} />
        <div className="article-meta">
          <PublishedTime instant={article.publishedAt} />
          <SourceAttribution name={article.source.name} url={article.source.url} />
        </div>
        <div className="article-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        <footer className="article-footer">
          <TagList tags={article.tags.map((name) => ({ name, href: tagPath(name) }))} />
          <BackToCategory href={categoryHref} name={article.category.name} />
        </footer>
      </article>
      <ArticlePager newer={link(newer)} older={link(older)} />
      <RelatedArticles items={relatedArticles(index, article).map((a) => link(a)!)} />
    </div>
  );
}

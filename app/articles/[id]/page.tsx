import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ArticleView } from "@/components/ArticleView";
import { ContentProblems } from "@/components/ContentProblems";
import { problemsForArticleId } from "@/lib/content/load-content";
import { formatProblem } from "@/lib/content/problems";
import { getArticleBody, getContent, getIndex } from "@/lib/content/content-store";
import { articleMetadata, articlePageData } from "@/lib/pages/article-page";
import { prerenderArticleCount, showsDrafts } from "@/lib/site/config";
import { decodePathSegment } from "@/lib/site/urls";

type Props = { params: Promise<{ id: string }> };

/** The newest articles; the rest render on first request. */
export function generateStaticParams() {
  return getIndex().articles.slice(0, prerenderArticleCount()).map((a) => ({ id: a.id }));
}

async function articleId(props: Props) {
  return decodePathSegment((await props.params).id);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const article = getIndex().byId.get(await articleId(props));
  return article ? articleMetadata(article, getIndex().articles) : {};
}

export default async function ArticlePage(props: Props) {
  const id = await articleId(props);
  const article = getIndex().byId.get(id);
  if (!article) {
    // In the dev preview, a post that broke while being edited says why instead of vanishing.
    const problems = showsDrafts() ? problemsForArticleId(getContent(), id) : [];
    if (problems.length) return <ContentProblems file={problems[0].file} lines={problems.map(formatProblem)} />;
    notFound();
  }
  const bodyHtml = await getArticleBody(article);
  if (bodyHtml === undefined) notFound();
  return <ArticleView article={articlePageData(getIndex(), article)} bodyHtml={bodyHtml} />;
}

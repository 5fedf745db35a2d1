import { categoryStaticParams, categoryFeedResponse } from "../category-feed";

export const dynamic = "force-static";
export const generateStaticParams = categoryStaticParams;

export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  return categoryFeedResponse("rss", (await params).key);
}

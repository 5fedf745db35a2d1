import { categoryFeedResponse } from "../category-feed";
import { busiestCategoryParams } from "../static-params";

export const dynamic = "force-static";
export const generateStaticParams = busiestCategoryParams;

export async function GET(_request: Request, { params }: { params: Promise<{ key: string }> }) {
  return categoryFeedResponse("atom", (await params).key);
}

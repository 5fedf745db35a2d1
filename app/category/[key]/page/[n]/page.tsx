import { getIndex } from "@/lib/content/store";
import { CATEGORY_PAGE_SIZE, isStaticExport } from "@/lib/site/config";
import { exportedLaterPageParams, pageNumberFromSegment } from "@/lib/site/urls";
import { CategoryView, categoryMetadata } from "../../category-view";

type Props = { params: Promise<{ key: string; n: string }> };

/**
 * Pages 2…N of every category for a static export (page 1 is the category's
 * own URL). A server build prerenders none: older pages render on first request.
 */
export function generateStaticParams() {
  if (!isStaticExport()) return [];
  return exportedLaterPageParams(getIndex().categories.map(({ category, articles }) => [category.key, articles.length]), CATEGORY_PAGE_SIZE);
}

export async function generateMetadata(props: Props) {
  const { key, n } = await props.params;
  return categoryMetadata(key, pageNumberFromSegment(n));
}

export default async function CategoryPageN(props: Props) {
  const { key, n } = await props.params;
  return <CategoryView categoryKey={key} page={pageNumberFromSegment(n)} />;
}

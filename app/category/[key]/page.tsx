import { getIndex } from "@/lib/content/store";
import { isStaticExport, prerenderCategoryCount } from "@/lib/site/config";
import { CategoryView, categoryMetadata } from "./category-view";

type Props = { params: Promise<{ key: string }> };

/** Every category for a static export; else the busiest, the rest render on first request. */
export function generateStaticParams() {
  const { categories } = getIndex();
  const chosen = isStaticExport() ? categories : categories.slice(0, prerenderCategoryCount());
  return chosen.map(({ category }) => ({ key: category.key }));
}

export async function generateMetadata(props: Props) {
  const { key } = await props.params;
  return categoryMetadata(key, 1);
}

export default async function CategoryPage(props: Props) {
  const { key } = await props.params;
  return <CategoryView categoryKey={key} page={1} />;
}

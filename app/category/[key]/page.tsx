import { categoryStaticParams } from "./category-feed";
import { CategoryView, categoryMetadata } from "./category-view";

type Props = { params: Promise<{ key: string }> };

/** Every category for a static export; else the busiest, the rest render on first request. */
export const generateStaticParams = categoryStaticParams;

export async function generateMetadata(props: Props) {
  const { key } = await props.params;
  return categoryMetadata(key, 1);
}

export default async function CategoryPage(props: Props) {
  const { key } = await props.params;
  return <CategoryView categoryKey={key} page={1} />;
}

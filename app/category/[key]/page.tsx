import { getIndex } from "@/lib/content/store";
import { CategoryView, categoryMetadata } from "./category-view";

type Props = { params: Promise<{ key: string }> };

export function generateStaticParams() {
  return getIndex().categories.map(({ category }) => ({ key: category.key }));
}

export async function generateMetadata(props: Props) {
  const { key } = await props.params;
  return categoryMetadata(key, 1);
}

export default async function CategoryPage(props: Props) {
  const { key } = await props.params;
  return <CategoryView categoryKey={key} page={1} />;
}

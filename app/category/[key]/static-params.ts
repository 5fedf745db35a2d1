import { getIndex } from "@/lib/content/content-store";
import { prerenderCategoryCount } from "@/lib/site/config";

/** The categories a build prerenders, page and feeds alike: the busiest (the rest render on first request). */
export function busiestCategoryParams() {
  return getIndex().categories.slice(0, prerenderCategoryCount()).map(({ category }) => ({ key: category.key }));
}

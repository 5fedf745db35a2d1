import { getIndex } from "@/lib/content/store";
import { CATEGORY_PAGE_SIZE, isStaticExport } from "@/lib/site/config";
import { exportedLaterPageParams, pageNumberFromSegment } from "@/lib/site/urls";
import { TagView, tagMetadata } from "../../tag-view";

type Props = { params: Promise<{ key: string; n: string }> };

/** Pages 2…N of every tag for a static export; a server renders them on first request. */
export function generateStaticParams() {
  if (!isStaticExport()) return [];
  return exportedLaterPageParams([...getIndex().tagsByKey].map(([key, { articles }]) => [key, articles.length]), CATEGORY_PAGE_SIZE);
}

export async function generateMetadata(props: Props) {
  const { key, n } = await props.params;
  return tagMetadata(key, pageNumberFromSegment(n));
}

export default async function TagPageN(props: Props) {
  const { key, n } = await props.params;
  return <TagView tagKey={key} page={pageNumberFromSegment(n)} />;
}

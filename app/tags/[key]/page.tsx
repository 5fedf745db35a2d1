import { TagView, tagMetadata, tagStaticParams } from "./tag-view";

type Props = { params: Promise<{ key: string }> };

export const generateStaticParams = tagStaticParams;

export async function generateMetadata(props: Props) {
  return tagMetadata((await props.params).key, 1);
}

export default async function TagPage(props: Props) {
  return <TagView tagKey={(await props.params).key} page={1} />;
}

import { NotFoundView } from "@/components/NotFoundView";
import { notFoundMetadata } from "@/lib/pages/site-pages";
import { homePath } from "@/lib/site/urls";

export const metadata = notFoundMetadata();

export default function NotFound() {
  return <NotFoundView homeHref={homePath()} />;
}

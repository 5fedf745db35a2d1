import { HomeView } from "@/components/HomeView";
import { getIndex } from "@/lib/content/content-store";
import { homeMetadata, homePageData } from "@/lib/pages/site-pages";

export const metadata = homeMetadata();

export default function HomePage() {
  return <HomeView home={homePageData(getIndex())} />;
}

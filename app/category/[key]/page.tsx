import { listingRoute } from "@/app/listing-route";
import { categoryStaticParams } from "./category-feed";

const route = listingRoute("category");

/** The busiest sources; the rest render on first request. */
export const generateStaticParams = categoryStaticParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;

import { listingRoute } from "@/app/listing-route";
import { busiestCategoryParams } from "./static-params";

const route = listingRoute("category");

/** The busiest sources; the rest render on first request. */
export const generateStaticParams = busiestCategoryParams;
export const generateMetadata = route.generateMetadata;
export default route.Page;

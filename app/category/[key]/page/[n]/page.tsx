import { listingRoute } from "@/app/listing-route";

const route = listingRoute("category");

/** Later pages render on first request. */
export const generateStaticParams = () => [];
export const generateMetadata = route.generateMetadata;
export default route.Page;

import { listingRoute } from "@/app/listing-route";

const route = listingRoute("tag");

/** Tag pages render on first request. */
export const generateStaticParams = () => [];
export const generateMetadata = route.generateMetadata;
export default route.Page;

import { listingRoute } from "@/app/listing-route";

const route = listingRoute("tag");

export const generateStaticParams = () => [];
export const generateMetadata = route.generateMetadata;
export default route.Page;

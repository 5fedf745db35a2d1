import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site/urls";

export const dynamic = "force-static";

/** Everything but the revalidate hook may be crawled; the sitemap says where the articles are. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: ["/api/"] },
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}

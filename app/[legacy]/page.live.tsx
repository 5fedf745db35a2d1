import { notFound, permanentRedirect } from "next/navigation";
import { getIndex } from "@/lib/content/content-store";
import { legacyCategoryPath } from "@/lib/site/legacy-urls";

/*
 * The old site's `/<category>/` folders redirect (308) to the category page.
 * Anything else at the top level is a 404. (A `.live.tsx` page: only server
 * builds have it; static hosts get the README's rewrite rules instead.)
 */
export default async function LegacyCategoryFolder({ params }: { params: Promise<{ legacy: string }> }) {
  const target = legacyCategoryPath(getIndex(), (await params).legacy);
  if (!target) notFound();
  permanentRedirect(target);
}

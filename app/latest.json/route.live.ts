import { latestResponse } from "./latest";

/*
 * Under npm start, answered from the live index on every request (the page
 * cache in front keeps it to one computation a second). As a cached page,
 * revalidation would hand the first reader after a change the old answer
 * (Next.js revalidates a route handler on its next visit).
 */
export const dynamic = "force-dynamic";

export const GET = latestResponse;

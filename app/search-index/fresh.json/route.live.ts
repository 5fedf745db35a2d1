import { freshResponse } from "./fresh";

/* Under npm start, from the live index on every request (see app/latest.json/route.live.ts for why not a cached page). */
export const dynamic = "force-dynamic";

export const GET = freshResponse;

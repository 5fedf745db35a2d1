import { latestResponse } from "./latest";

// A static export's file: as new as the export.
export const dynamic = "force-static";

export const GET = latestResponse;

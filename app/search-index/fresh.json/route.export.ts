import { freshResponse } from "./fresh";

// A static export's file: its index is as new as its pages, so this is empty there.
export const dynamic = "force-static";

export const GET = freshResponse;

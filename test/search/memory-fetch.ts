/**
 * The built index served from memory, as a static host would serve the
 * files: a fetch that resolves paths under a base URL and counts requests,
 * and the round trips they took.
 */
import type { SearchClientOptions } from "@/lib/search/client";

export interface MemoryHost {
  fetch: NonNullable<SearchClientOptions["fetch"]>;
  /** Paths requested, in order, repeats included. */
  requests: string[];
  /**
   * Round trip of each request (same order): 1 + the latest round trip answered
   * before it was sent. Requests sent together share one; a request sent only
   * once another's answer arrived comes a round trip later.
   */
  roundTrips: number[];
}

export function memoryHost(files: Map<string, string | Uint8Array>, base = "https://finews.test/search"): MemoryHost {
  const requests: string[] = [];
  const roundTrips: number[] = [];
  let answered = 0;
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    if (!url.startsWith(`${base}/`)) return new Response("not found", { status: 404 });
    const path = url.slice(base.length + 1);
    const trip = answered + 1;
    requests.push(path);
    roundTrips.push(trip);
    // A real network answer arrives later than now: lets concurrent requests overlap.
    await new Promise((resolve) => setTimeout(resolve, 1));
    answered = Math.max(answered, trip);
    const content = files.get(path);
    if (content === undefined) return new Response("not found", { status: 404 });
    return new Response(typeof content === "string" ? content : new Uint8Array(content));
  }) as typeof globalThis.fetch;
  return { fetch, requests, roundTrips };
}

/**
 * The built index served from memory, as a static host would serve the
 * files: a fetch that resolves paths under a base URL and counts requests.
 */
import type { SearchClientOptions } from "@/lib/search/client";

export interface MemoryHost {
  fetch: NonNullable<SearchClientOptions["fetch"]>;
  /** Paths requested, in order, repeats included. */
  requests: string[];
}

export function memoryHost(files: Map<string, string | Uint8Array>, base = "https://finews.test/search"): MemoryHost {
  const requests: string[] = [];
  const fetch = (async (input: string | URL | Request) => {
    const url = String(input);
    if (!url.startsWith(`${base}/`)) return new Response("not found", { status: 404 });
    const path = url.slice(base.length + 1);
    requests.push(path);
    // A real network answer arrives later than now: lets concurrent requests overlap.
    await new Promise((resolve) => setTimeout(resolve, 1));
    const content = files.get(path);
    if (content === undefined) return new Response("not found", { status: 404 });
    return new Response(typeof content === "string" ? content : new Uint8Array(content));
  }) as typeof globalThis.fetch;
  return { fetch, requests };
}

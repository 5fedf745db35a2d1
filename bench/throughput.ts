/**
 * Server throughput for one URL with autocannon, in process: requests/s
 * and latency percentiles over a fixed duration and connection count.
 */
import autocannon from "autocannon";

export interface Throughput {
  url: string;
  requestsPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  requests: number;
  non2xx: number;
  errors: number;
}

export async function measureThroughput(url: string, { connections, durationSec }: { connections: number; durationSec: number }): Promise<Throughput> {
  // Loopback only; gzip asked for as a browser would, so compression cost is part of the figure.
  if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) throw new Error(`refusing to load a non-loopback URL: ${url}`);
  const options = { url, connections, headers: { "accept-encoding": "gzip" }, timeout: 30 };
  // A short discarded run first, so the figure is steady state, not the JIT and caches warming up.
  await autocannon({ ...options, duration: 2 });
  const r = await autocannon({ ...options, duration: durationSec });
  return {
    url,
    requestsPerSec: r.requests.average,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

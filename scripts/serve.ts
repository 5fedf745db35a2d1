/**
 * The production server behind `npm start`: Next.js's request handler
 * (what `next start` runs) behind a one-second page cache in memory
 * (lib/serve/microcache.ts). Next.js alone renders or reads each page from
 * its disk cache on every request, about 600 requests/s on 2 cores; the
 * cache answers repeat reads of a hot page from memory, so a hundred
 * readers at once do not queue behind the renderer.
 *
 * MICROCACHE_TTL_MS sets the reuse window (default 1000; 0 turns it off).
 */
import http from "node:http";
import { Microcache } from "../lib/serve/microcache";

export interface ServeOptions {
  port: number;
  hostname?: string;
}

export async function serve({ port, hostname }: ServeOptions): Promise<http.Server> {
  Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const asked = Number(process.env.MICROCACHE_TTL_MS ?? 1000);
  const ttlMs = Number.isFinite(asked) && asked >= 0 ? asked : 1000;
  const cache = new Microcache({ ttlMs });
  const server = http.createServer(cache.wrap((req, res) => handle(req, res)));
  // Longer than a typical load balancer's idle timeout, so it never reuses a socket we closed.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  console.log(`▲ finews portal on http://${hostname ?? "localhost"}:${port} (page cache ${ttlMs > 0 ? `${ttlMs} ms` : "off"})`);
  const shutdown = () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return server;
}

/**
 * The production server behind `npm start`: Next.js's request handler (what
 * `next start` runs) and the search index's files from disk
 * (lib/serve/search-index-files.ts), behind one response pipeline
 * (lib/serve/pipeline.ts): requests a stranger controls are refused early,
 * pages leave without the React runtime, with caching headers a CDN can
 * follow, compressed, and kept for a second in a bounded page cache. Next.js
 * alone renders or reads each page from its disk cache on every request,
 * about 600 requests/s on 2 cores; the cache answers repeat reads of a hot
 * page from memory, so a hundred readers at once do not queue behind the
 * renderer.
 *
 * MICROCACHE_TTL_MS, MICROCACHE_MAX_BYTES and MICROCACHE_MAX_ENTRIES size the
 * page cache (lib/site/settings.cjs).
 */
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { contentLoadedAt } from "../lib/content/store";
import { createPipeline } from "../lib/serve/pipeline";
import { servingSearchIndex } from "../lib/serve/search-index-files";
import { withoutReactRuntime } from "../lib/serve/static-document";
import { distDir, searchIndexDir, settings } from "../lib/site/config";

export interface ServeOptions {
  port: number;
  hostname?: string;
}

/** The prerendered not-found page, without the React runtime: the answer to every 404. */
function notFoundDocument(): string | undefined {
  const file = path.join(distDir(), "server", "app", "_not-found.html");
  return existsSync(file) ? withoutReactRuntime(readFileSync(file, "utf8")) : undefined;
}

export async function serve({ port, hostname }: ServeOptions): Promise<http.Server> {
  Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const pipeline = createPipeline({
    handler: servingSearchIndex(searchIndexDir(), (req, res) => handle(req, res)),
    notFoundDocument: notFoundDocument(),
    // Pages, feeds and sitemaps are rendered from the content index: it last changed when it was last (re)read.
    lastModified: () => contentLoadedAt(),
    cache: { ttlMs: settings.microcacheTtlMs(), maxBytes: settings.microcacheMaxBytes(), maxEntries: settings.microcacheMaxEntries() },
  });
  const server = http.createServer((req, res) => void pipeline.handle(req, res));
  // Longer than a typical load balancer's idle timeout, so it never reuses a socket we closed.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  const ttlMs = settings.microcacheTtlMs();
  console.log(`▲ finews portal on http://${hostname ?? "localhost"}:${port} (page cache ${ttlMs > 0 ? `${ttlMs} ms` : "off"})`);
  const shutdown = () => {
    pipeline.close();
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return server;
}

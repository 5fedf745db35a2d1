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
 *
 * The server that owns the port also owns what keeps its pages fresh
 * (lib/serve/freshness.ts): the content watcher, the scheduled-post timer
 * and the content worker start once it listens and stop when it closes. They
 * revalidate through the same `/api/revalidate` route operators call,
 * handed to Next.js in-process (Next.js drops cached pages only from inside
 * one of its requests), never over the network.
 *
 * With REDIS_URL, several instances of one build share rendered pages
 * (next-cache-handler.ts, lib/serve/shared-cache.ts; answers say
 * `x-finews-cache: shared` or `render`) and content changes (one instance
 * parses each change, lib/serve/change-claim.ts). Without it, nothing of
 * that is loaded.
 */
import inject from "light-my-request";
import { existsSync, readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { startContentWorker } from "../lib/content/content-worker";
import { contentFingerprint, contentLoadedAt, getContent, setBodyRenderer } from "../lib/content/content-store";
import { articleBodies } from "../lib/serve/article-bodies";
import { changeClaim, changeIdOf, onHookRevalidated } from "../lib/serve/change-claim";
import type { RedisLink } from "../lib/serve/redis-link";
import { contentEdition, installSharedCache, newInstanceId, type SharedCacheRuntime, trackOutcome } from "../lib/serve/shared-cache";
import { listPostFiles } from "../lib/content/post-files";
import { startFreshness } from "../lib/serve/freshness";
import { describeListenAddress } from "../lib/serve/listen-address";
import { missingPages, movedPages, topLevelNames } from "../lib/serve/missing-pages";
import { createPipeline } from "../lib/serve/pipeline";
import { servingSearchIndex } from "../lib/serve/search-index-files";
import { withoutReactRuntime } from "../lib/serve/static-document";
import { contentDir, distDir, searchIndexDir, settings } from "../lib/site/config";
import { watcherToken } from "../lib/site/revalidate-token";
import { REVALIDATE_ROUTE } from "../lib/site/urls";
import { builtContentFingerprint } from "./build-stamp";

export interface ServeOptions {
  port: number;
  /** The address to listen on; every interface when undefined. */
  hostname?: string;
}

/** The prerendered not-found page, without the React runtime: the answer to every 404. */
function notFoundDocument(): string | undefined {
  const file = path.join(distDir(), "server", "app", "_not-found.html");
  return existsSync(file) ? withoutReactRuntime(readFileSync(file, "utf8")) : undefined;
}

export async function serve({ port, hostname }: ServeOptions): Promise<http.Server> {
  Object.assign(process.env, { NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" });
  // Read the index now, not in the first reader's request (seconds at 100,000 posts without a warm cache).
  const started = performance.now();
  const content = getContent();
  console.log(`content: ${content.published} posts from ${contentDir()} (${content.parsed} parsed) in ${Math.round(performance.now() - started)} ms`);
  // Parsing and body rendering happen in worker threads: readers never wait behind a long post.
  const worker = startContentWorker();
  const warming = worker.warmUp();
  setBodyRenderer(articleBodies({ worker }));
  const shared = await startSharedCache();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: process.cwd(), hostname: hostname ?? "localhost", port });
  await Promise.all([app.prepare(), warming]);
  const handle = app.getRequestHandler();
  const topLevel = topLevelNames(distDir(), path.join(process.cwd(), "public"));
  const pipeline = createPipeline({
    handler: servingSearchIndex(searchIndexDir(), (req, res) => handle(req, res)),
    notFoundDocument: notFoundDocument(),
    missingPage: missingPages(() => getContent().index, topLevel),
    movedPage: movedPages(() => getContent().index, topLevel),
    // Pages, feeds and sitemaps are rendered from the content index: it last changed when it was last (re)read.
    lastModified: () => contentLoadedAt(),
    cache: { ttlMs: settings.microcacheTtlMs(), maxBytes: settings.microcacheMaxBytes(), maxEntries: settings.microcacheMaxEntries() },
    ...(shared ? { trackCache: trackOutcome } : {}),
  });
  const server = http.createServer((req, res) => void pipeline.handle(req, res));
  // Longer than a typical load balancer's idle timeout, so it never reuses a socket we closed.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, hostname, () => resolve());
  });
  const ttlMs = settings.microcacheTtlMs();
  console.log(`▲ finews portal listening on ${describeListenAddress(server.address() as AddressInfo)} (page cache ${ttlMs > 0 ? `${ttlMs} ms` : "off"})`);

  /** The revalidate hook, handed to Next.js in-process; the Host is this server's, for the hook's own warm-up request. */
  const revalidate = async (files: string[]): Promise<string> => {
    const answer = await inject(handle as never, {
      method: "POST",
      url: REVALIDATE_ROUTE,
      headers: { host: `127.0.0.1:${port}`, authorization: `Bearer ${watcherToken()}`, "content-type": "application/json" },
      payload: JSON.stringify({ files }),
    });
    const result = answer.json() as { summary?: string; error?: string };
    if (answer.statusCode !== 200) throw new Error(`revalidate answered ${answer.statusCode}: ${result.error ?? answer.payload.slice(0, 200)}`);
    return result.summary ?? "";
  };
  const claim = shared && changeClaim({ link: shared.link, instance: shared.instance, buildId: shared.buildId });
  const freshness = startFreshness({ contentDir: contentDir(), watch: settings.watchesContent(), revalidate, worker, ...(claim ? { claim } : {}) });
  if (claim) {
    // Another instance parsed a change (or an operator called its hook): refresh here from its results.
    void claim.onAnnouncement(({ from, files }) => void freshness.refresh(files, `content changed (told by instance ${from})`, { announced: true }));
    // An operator's call of this instance's hook: the others refresh too. (The watcher's own calls announce through freshness.)
    onHookRevalidated((files) => void claim.announce(changeIdOf(listPostFiles(contentDir())), files));
  }
  // Pages prerendered by the build show the posts it read; if the folder changed since, they are out of date.
  if (builtContentFingerprint() !== contentFingerprint(content)) void freshness.refresh([], "content changed since the build");

  const shutdown = () => {
    if (shared) console.log(`redis: this instance rendered ${shared.counts.renders} pages and served ${shared.counts.shared} from other instances' renders`);
    pipeline.close();
    server.close();
    void Promise.allSettled([freshness.close().then(() => worker.close()), app.close(), shared?.link.close()]).finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  return server;
}

/**
 * REDIS_URL set: the link to Redis and what Next.js's cache handler (next-cache-handler.ts) needs to share
 * pages with the other instances of this build. The link connects in the background: the instance serves
 * whether Redis is up or not.
 */
async function startSharedCache(): Promise<(SharedCacheRuntime & { link: RedisLink }) | undefined> {
  const url = settings.redisUrl();
  if (!url) return undefined;
  // Loaded only here: an instance without REDIS_URL never loads the Redis client.
  const { connectRedis, describeUrl } = await import("../lib/serve/redis-link");
  const buildId = readFileSync(path.join(distDir(), "BUILD_ID"), "utf8").trim();
  const link = connectRedis({ url });
  const runtime: SharedCacheRuntime = {
    link,
    instance: newInstanceId(),
    buildId,
    edition: () => contentEdition(getContent()),
    counts: { renders: 0, shared: 0 },
  };
  installSharedCache(runtime);
  console.log(`redis: sharing pages and content changes through ${describeUrl(url)} (build ${buildId}, instance ${runtime.instance})`);
  return runtime;
}

// @ts-check
const path = require("node:path");
const { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_SERVER } = require("next/constants");
const { securityHeaders } = require("./lib/site/security-headers.cjs");
const settings = require("./lib/site/settings.cjs");
const { basePath } = require("./lib/site/base-path.cjs");

/** @param {string} phase @returns {import('next').NextConfig} */
module.exports = (phase) => ({
  reactStrictMode: true,
  poweredByHeader: false,
  // BASE_PATH=/finews: the site lives in a folder of its host (a GitHub Pages project site); lib/site/urls.ts prefixes every link.
  ...(basePath() ? { basePath: basePath() } : {}),
  // Every page is a folder (`/articles/<id>/`): the same URLs work as plain files on any static host (lib/site/urls.ts).
  trailingSlash: true,
  // `npm start` compresses after it has taken the React runtime out of each page (scripts/serve.ts).
  compress: false,
  // A second build (e.g. the e2e tests' other content folder) can live beside the main one.
  distDir: settings.distDirName(),
  // Type errors fail `npm test` (tsc --noEmit); not checking them again in every build saves ~8 s a build.
  typescript: { ignoreBuildErrors: true },
  // `*.live.ts(x)` route files: the revalidate hook, old-URL redirects and live JSON, which only a server has
  // (a static export is written by scripts/export/, and has the same JSON as files);
  // `*.dev.tsx` pages (the drafts list) only in `npm run dev`.
  pageExtensions: ["tsx", "ts", "live.ts", "live.tsx", ...(phase === PHASE_DEVELOPMENT_SERVER ? ["dev.tsx"] : [])],
  // Pages rendered on request (the long tail of articles, every URL a crawler invents) are kept in memory,
  // least recently used out first, up to NEXT_CACHE_MAX_BYTES; nothing is written into the build folder,
  // whose size stays what the build made it. (Prerendered pages are still read from it.)
  cacheMaxMemorySize: settings.nextCacheMaxBytes(),
  // REDIS_URL: `npm start` instances share rendered pages through Redis (next-cache-handler.ts, read at run time
  // under tsx, so it is named only for the server phase; builds and `npm run dev` keep Next.js's own cache).
  ...(phase === PHASE_PRODUCTION_SERVER && settings.redisUrl() ? { cacheHandler: path.join(__dirname, "next-cache-handler.ts") } : {}),
  // Share cards are drawn by resvg's native binary (lib/share/card.ts): loaded from node_modules, not bundled.
  serverExternalPackages: ["@resvg/resvg-js"],
  experimental: {
    isrFlushToDisk: false,
    // Next.js leaves one core to its main process, which only waits while pages
    // are generated: on this 2-core machine that halved static generation.
    cpus: settings.buildCpus(),
  },
  // A static export has no server to send headers: the exporter writes them to out/_headers as well.
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders({ dev: phase === PHASE_DEVELOPMENT_SERVER }) }];
  },
});

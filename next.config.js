// @ts-check
const { PHASE_DEVELOPMENT_SERVER } = require("next/constants");
const { securityHeaders } = require("./lib/site/security-headers.cjs");
const settings = require("./lib/site/settings.cjs");

const staticExport = settings.isStaticExport();

/** @param {string} phase @returns {import('next').NextConfig} */
module.exports = (phase) => ({
  reactStrictMode: true,
  poweredByHeader: false,
  // `npm start` compresses after it has taken the React runtime out of each page (scripts/serve.ts).
  compress: false,
  // A second build (e.g. the e2e tests' other content folder) can live beside the main one.
  // A static export writes the whole site into its distDir: out/ unless told otherwise.
  distDir: settings.distDirName(),
  // Type errors fail `npm test` (tsc --noEmit); not checking them again in every build saves ~8 s a build.
  typescript: { ignoreBuildErrors: true },
  // `*.live.ts(x)` route files (the revalidate hook, old-URL redirects, live JSON) exist only where a server runs, not in a static export;
  // `*.export.ts` route files (the same JSON as files) only in a static export;
  // `*.dev.tsx` pages (the drafts list) only in `npm run dev`.
  pageExtensions: [
    "tsx",
    "ts",
    ...(staticExport ? ["export.ts"] : ["live.ts", "live.tsx"]),
    ...(phase === PHASE_DEVELOPMENT_SERVER ? ["dev.tsx"] : []),
  ],
  // Pages rendered on request (the long tail of articles, every URL a crawler invents) are kept in memory,
  // least recently used out first, up to NEXT_CACHE_MAX_BYTES; nothing is written into the build folder,
  // whose size stays what the build made it. (Prerendered pages are still read from it.)
  cacheMaxMemorySize: settings.nextCacheMaxBytes(),
  experimental: {
    isrFlushToDisk: false,
    // Next.js leaves one core to its main process, which only waits while pages
    // are generated: on this 2-core machine that halved static generation.
    cpus: settings.buildCpus(),
  },
  // STATIC_EXPORT=1: every page as a file in out/, for a CDN or object storage.
  output: staticExport ? "export" : undefined,
  // A static export has no server to send headers: the build writes them to out/_headers instead.
  ...(staticExport
    ? {}
    : {
        async headers() {
          return [{ source: "/:path*", headers: securityHeaders({ dev: phase === PHASE_DEVELOPMENT_SERVER }) }];
        },
      }),
});

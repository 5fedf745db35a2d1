// @ts-check
const os = require("node:os");

const staticExport = process.env.STATIC_EXPORT === "1" || process.env.STATIC_EXPORT === "true";

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A second build (e.g. the e2e tests' other content folder) can live beside the main one.
  // A static export writes the whole site into its distDir: out/ unless told otherwise.
  distDir: process.env.NEXT_DIST_DIR || (staticExport ? "out" : ".next"),
  // Type errors fail `npm test` (tsc --noEmit); not checking them again in every build saves ~8 s a build.
  typescript: { ignoreBuildErrors: true },
  // `*.live.ts` route files (the revalidate hook) exist only where a server runs, not in a static export.
  pageExtensions: staticExport ? ["tsx", "ts"] : ["tsx", "ts", "live.ts"],
  experimental: {
    // Next.js leaves one core to its main process, which only waits while pages
    // are generated: on this 2-core machine that halved static generation.
    cpus: Number(process.env.NEXT_BUILD_CPUS) || Math.max(1, os.availableParallelism()),
  },
  // STATIC_EXPORT=1: every page as a file in out/, for a CDN or object storage.
  output: staticExport ? "export" : undefined,
};

module.exports = nextConfig;

// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // A second build (e.g. the e2e tests' other content folder) can live beside the main one.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // The content engine reads CONTENT_DIR at build and at run time; keep Node built-ins out of bundles.
  serverExternalPackages: [],
};

module.exports = nextConfig;

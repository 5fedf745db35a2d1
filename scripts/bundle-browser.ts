/**
 * Bundles the browser scripts (browser/*.ts) into public/js/, where pages
 * load them from (/js/reader.js). Run by `npm run build` before Next.js
 * builds, and by `npm run dev` once as it starts (restart dev after
 * changing browser/).
 *
 * Why esbuild and not Next.js's bundler: Next.js bundles only what React
 * components import, and production pages carry no React runtime
 * (lib/serve/static-document.ts); these few kilobytes are all the
 * JavaScript a reader's page runs.
 */
import { build } from "esbuild";
import path from "node:path";
import { basePath } from "../lib/site/base-path.cjs";

/** reader.js on every page; search.js on the search page only. */
export const BROWSER_ENTRIES = ["reader", "search"] as const;

export async function bundleBrowserScripts(root = process.cwd()): Promise<void> {
  await build({
    entryPoints: BROWSER_ENTRIES.map((name) => path.join(root, "browser", `${name}.ts`)),
    outdir: path.join(root, "public", "js"),
    bundle: true,
    minify: true,
    format: "iife",
    // Browsers of the last few years; `??`, `?.` and classes pass through as written.
    target: ["es2020"],
    legalComments: "none",
    // The site's folder on its host (lib/site/base-path.cjs), fixed at build time like every page's links.
    define: { "process.env.BASE_PATH": JSON.stringify(basePath()) },
    logLevel: "warning",
  });
}

if (require.main === module) {
  bundleBrowserScripts().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

/**
 * `/search-index/…` under `npm start`: the build's search index files
 * (`<dist dir>/search-index/`), answered straight from disk by serve-static
 * before Next.js sees the request. Next.js serves only what was in
 * public/ at build time, and the index belongs to the build, not to the
 * source tree (two builds of different content can live side by side).
 *
 * Files inside a build folder (`/search-index/<12 hex digits>/…`) never
 * change, since the folder is named by their content: cached for a year.
 * The manifest, which names the current build, is revalidated every time.
 * `fresh.json` is a route of the app (lib/search/fresh.ts) and passes through.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import serveStatic from "serve-static";
import { SEARCH_INDEX_PATH } from "../site/search-urls";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

const IMMUTABLE = /[\\/][0-9a-f]{12}[\\/]/;

export function servingSearchIndex(dir: string, next: Handler): Handler {
  const files = serveStatic(dir, {
    index: false,
    dotfiles: "ignore",
    fallthrough: true,
    setHeaders(res, file) {
      res.setHeader("cache-control", IMMUTABLE.test(file) ? "public, max-age=31536000, immutable" : "no-cache");
      res.setHeader("x-content-type-options", "nosniff");
    },
  });
  const prefix = `${SEARCH_INDEX_PATH}/`;
  return (req, res) => {
    const url = req.url ?? "/";
    if (!url.startsWith(prefix) || (req.method !== "GET" && req.method !== "HEAD")) return next(req, res);
    return new Promise<void>((resolve, reject) => {
      req.url = url.slice(SEARCH_INDEX_PATH.length); // serve-static resolves against `dir`, never above it
      files(req, res, (error?: unknown) => {
        req.url = url; // not a file of the index: the app answers (fresh.json, or its 404)
        if (error) return reject(error);
        Promise.resolve(next(req, res)).then(() => resolve(), reject);
      });
      res.once("finish", () => resolve());
      res.once("close", () => resolve());
    });
  };
}

/**
 * `/search-index/…` under `npm start`: the build's search index files
 * (`<dist dir>/search-index/`), answered straight from disk by serve-static
 * before Next.js sees the request. Next.js serves only what was in
 * public/ at build time, and the index belongs to the build, not to the
 * source tree (two builds of different content can live side by side).
 *
 * What caches are told (files in a build folder, named by their content,
 * for a year; the manifest briefly) is lib/serve/caching-headers.ts's call,
 * as for every answer. A directory or a path that names no file falls
 * through to the app (`fresh.json` is a route, lib/search/fresh.ts; else
 * its 404), never to a redirect.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import serveStatic from "serve-static";
import { SEARCH_INDEX_PATH } from "../site/search-urls";

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export function servingSearchIndex(dir: string, next: Handler): Handler {
  const files = serveStatic(dir, {
    index: false,
    dotfiles: "ignore",
    fallthrough: true,
    redirect: false,
    // Validators are the pipeline's (a hash of the bytes); Cache-Control too.
    etag: false,
    cacheControl: false,
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

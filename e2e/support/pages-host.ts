/**
 * A static file server that answers the way GitHub Pages does, for the
 * e2e test that walks an export through it (and for trying one by hand):
 *
 *   npx tsx e2e/support/pages-host.ts <folder> -p 3104 [--base-path /finews]
 *
 *  - `/x` is `x` when that is a file, else `x.html` when that exists;
 *  - `/x/` is `x/index.html`;
 *  - `/x` where `x/` is a folder (and there is no `x.html`) is a 301 to `/x/`;
 *  - anything else is the site's `404.html` with status 404;
 *  - with a base path (a project site, `user.github.io/finews/`), only
 *    what lies under it is the site; anything outside is a bare 404;
 *  - the path is percent-decoded (spaces, CJK), and never leaves the
 *    folder: `..`, `%2e%2e`, an encoded `/` or `\`, NUL and links are 404s;
 *  - no `_headers` (Pages reads none), `Cache-Control: max-age=600`.
 */
import { createReadStream, lstatSync, realpathSync, type Stats } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";

export interface PagesHostOptions {
  /** The folder served: the site's root. */
  root: string;
  /** `/finews`: the site lives under it, as a GitHub Pages project site does. Default: the host's root. */
  basePath?: string;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".htm": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "application/javascript; charset=utf-8",
  ".mjs": "application/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".txt": "text/plain; charset=utf-8",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};

/** The content type GitHub Pages sends for a file name. */
export function contentTypeOf(file: string): string {
  return TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/** A base path as `/finews` (no trailing slash), or "" for none; throws on anything else. */
function normalizedBase(basePath: string | undefined): string {
  const base = (basePath ?? "").replace(/\/+$/, "");
  const plain = /^(?:\/[A-Za-z0-9._~-]+)+$/.test(base) && !base.split("/").some((s) => s === "." || s === "..");
  if (base !== "" && !plain) throw new Error(`base path must look like /finews, not ${JSON.stringify(basePath)}`);
  return base;
}

type Answer =
  | { kind: "file"; file: string; status: 200 | 404 }
  | { kind: "redirect"; location: string }
  | { kind: "not found" };

/**
 * What GitHub Pages answers for a request target (`/x%20y/?q=1`), given
 * the served folder: a file (its status), a redirect, or a 404.
 */
export function resolveRequest(options: PagesHostOptions, target: string): Answer {
  const root = realpathSync(options.root);
  const base = normalizedBase(options.basePath);
  const notFound = (): Answer => {
    const page = regularFile(root, path.join(root, "404.html"));
    return page ? { kind: "file", file: page, status: 404 } : { kind: "not found" };
  };
  if (!target.startsWith("/")) return { kind: "not found" };
  const queryAt = target.search(/[?#]/);
  const rawPath = queryAt < 0 ? target : target.slice(0, queryAt);
  const query = queryAt < 0 ? "" : target.slice(queryAt).replace(/#.*$/s, "");
  if (base) {
    if (rawPath === base) return { kind: "redirect", location: `${base}/${query}` };
    if (!rawPath.startsWith(`${base}/`)) return { kind: "not found" };
  }
  const inside = rawPath.slice(base.length + 1);
  const segments: string[] = [];
  for (const raw of inside.split("/")) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return notFound();
    }
    if (segment === "." || segment === ".." || /[/\\\0]/.test(segment)) return notFound();
    segments.push(segment);
  }
  const folderUrl = inside === "" || inside.endsWith("/");
  const relative = segments.filter((s, i) => s !== "" || i < segments.length - 1);
  if (relative.some((s) => s === "")) return notFound(); // `//` inside the path
  const full = path.join(root, ...relative);
  if (folderUrl) {
    const index = regularFile(root, path.join(full, "index.html"));
    return index ? { kind: "file", file: index, status: 200 } : notFound();
  }
  const exact = regularFile(root, full);
  if (exact) return { kind: "file", file: exact, status: 200 };
  const html = regularFile(root, `${full}.html`);
  if (html) return { kind: "file", file: html, status: 200 };
  if (isFolder(root, full)) return { kind: "redirect", location: `${rawPath}/${query}` };
  return notFound();
}

/** The file when it is a regular file inside `root` (no link anywhere on the way), else undefined. */
function regularFile(root: string, file: string): string | undefined {
  const stat = safeStat(root, file);
  return stat?.isFile() ? file : undefined;
}

function isFolder(root: string, dir: string): boolean {
  return safeStat(root, dir)?.isDirectory() ?? false;
}

function safeStat(root: string, file: string): Stats | undefined {
  const relative = path.relative(root, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return undefined;
  let at = root;
  let stat: Stats | undefined;
  for (const part of relative.split(path.sep).filter(Boolean)) {
    at = path.join(at, part);
    try {
      stat = lstatSync(at);
    } catch {
      return undefined;
    }
    if (stat.isSymbolicLink()) return undefined;
  }
  return stat ?? lstatSync(root);
}

/** An http.Server answering as GitHub Pages would for `options.root`. */
export function createPagesHost(options: PagesHostOptions): http.Server {
  normalizedBase(options.basePath);
  return http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" }).end("Method not allowed\n");
      return;
    }
    const answer = resolveRequest(options, req.url ?? "/");
    if (answer.kind === "redirect") {
      res.writeHead(301, { location: answer.location, "content-type": "text/html; charset=utf-8", "cache-control": "max-age=600" }).end(req.method === "HEAD" ? undefined : "Moved Permanently\n");
      return;
    }
    if (answer.kind === "not found") {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end(req.method === "HEAD" ? undefined : "404 Not Found\n");
      return;
    }
    const size = lstatSync(answer.file).size;
    res.writeHead(answer.status, { "content-type": contentTypeOf(answer.file), "content-length": size, "cache-control": "max-age=600" });
    if (req.method === "HEAD") res.end();
    else createReadStream(answer.file).pipe(res);
  });
}

if (require.main === module) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: "string", short: "p" }, "base-path": { type: "string" } } });
  const root = path.resolve(positionals[0] ?? "out");
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  const basePath = values["base-path"];
  createPagesHost({ root, basePath }).listen(port, () => console.log(`pages host: ${root} on http://localhost:${port}${normalizedBase(basePath)}/`));
}

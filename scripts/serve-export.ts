/**
 * `npx tsx scripts/serve-export.ts [out dir] [-p port]`: serves a static
 * export the way a plain static host does (nginx's
 * `try_files $uri $uri.html $uri/ =404` with `error_page 404 /404.html`),
 * with the headers of its `_headers` file: to try a static copy on this
 * machine, and for the e2e test that searches one. No server code of the
 * portal runs: only files.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import serveStatic from "serve-static";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { port: { type: "string", short: "p" } } });
const root = path.resolve(positionals[0] ?? "out");
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!existsSync(path.join(root, "index.html"))) {
  console.error(`${root}: not a static export (no index.html); build one with STATIC_EXPORT=1 npm run build`);
  process.exit(2);
}

/** `_headers` (Netlify/Cloudflare Pages form): the `/*` block's headers, sent with every file. */
function headersFile(): [string, string][] {
  const file = path.join(root, "_headers");
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => /^\s+\S+:\s/.test(line))
    .map((line) => {
      const [name, ...value] = line.trim().split(":");
      return [name, value.join(":").trim()];
    });
}

const headers = headersFile();
// A folder asked for without its slash is redirected to it (301), as static hosts do.
const files = serveStatic(root, { index: ["index.html"], dotfiles: "ignore", redirect: true });

/** try_files' order: the path as a file, then `<path>.html`, then a folder's index.html. */
function tryFiles(url: string): string {
  const [pathname, query = ""] = url.split(/\?(.*)/s, 2);
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return url;
  }
  const file = path.join(root, path.normalize(decoded));
  if (!file.startsWith(root) || pathname.endsWith("/")) return url;
  if (existsSync(file) && statSync(file).isFile()) return url;
  if (existsSync(`${file}.html`)) return `${pathname}.html${query ? `?${query}` : ""}`;
  return url;
}
const notFound = existsSync(path.join(root, "404.html")) ? readFileSync(path.join(root, "404.html")) : Buffer.from("Not found");

http
  .createServer((req, res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    req.url = tryFiles(req.url ?? "/");
    files(req, res, () => {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end(notFound);
    });
  })
  .listen(port, () => console.log(`static copy ${path.relative(process.cwd(), root) || "."} on http://localhost:${port}`));

/**
 * What a reader downloads for one page, gzipped: the HTML, and the
 * stylesheets and scripts it links, each fetched once. Inline scripts and
 * styles are part of the HTML figure. Images are not counted (the portal's
 * own pages have none; article images are the publishers').
 */
import { gzipSync } from "node:zlib";
import { bodyText, get, type Response } from "./http";

export interface PageWeight {
  path: string;
  status: number;
  htmlGzip: number;
  cssGzip: number;
  jsGzip: number;
  cssFiles: number;
  jsFiles: number;
  /** True when every file came gzipped from the server; false when some sizes are our own gzip of it. */
  serverGzip: boolean;
}

/** Gzip size as a reader gets it: the wire size when the server gzipped, else what zlib makes of it. */
function gzipSize(res: Response): { bytes: number; server: boolean } {
  if (res.headers["content-encoding"] === "gzip") return { bytes: res.raw.length, server: true };
  return { bytes: gzipSync(res.raw).length, server: false };
}

function attr(tag: string, name: string): string | undefined {
  const m = tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i"));
  return m ? (m[1] ?? m[2] ?? m[3]).replace(/&amp;/g, "&") : undefined;
}

/** `<link rel=stylesheet href>` and `<script src>` URLs of an HTML page, deduplicated, in order. */
export function linkedAssets(html: string): { css: string[]; js: string[] } {
  const css = new Set<string>();
  const js = new Set<string>();
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const rel = (attr(tag, "rel") ?? "").toLowerCase().split(/\s+/);
    const href = attr(tag, "href");
    if (href && rel.includes("stylesheet")) css.add(href);
  }
  for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = attr(tag, "src");
    if (src) js.add(src);
  }
  return { css: [...css], js: [...js] };
}

async function sumAssets(base: string, pageUrl: string, urls: string[]): Promise<{ bytes: number; server: boolean }> {
  let bytes = 0;
  let server = true;
  for (const u of urls) {
    const res = await get(new URL(u, base + pageUrl).href, { headers: { "accept-encoding": "gzip" } });
    if (res.status !== 200) throw new Error(`${u} answered ${res.status}`);
    const size = gzipSize(res);
    bytes += size.bytes;
    server &&= size.server;
  }
  return { bytes, server };
}

export async function pageWeight(base: string, path: string): Promise<PageWeight> {
  const page = await get(base + path, { headers: { "accept-encoding": "gzip" } });
  const html = gzipSize(page);
  const assets = linkedAssets(bodyText(page));
  const css = await sumAssets(base, path, assets.css);
  const js = await sumAssets(base, path, assets.js);
  return {
    path,
    status: page.status,
    htmlGzip: html.bytes,
    cssGzip: css.bytes,
    jsGzip: js.bytes,
    cssFiles: assets.css.length,
    jsFiles: assets.js.length,
    serverGzip: html.server && css.server && js.server,
  };
}

/**
 * Compression: brotli or gzip as the reader accepts, for the types that
 * shrink (text, JSON, XML, JavaScript, SVG, and the search index's binary
 * shards, 3–5× smaller), when the body is worth it. Next.js's own
 * compression is off (next.config.js): the page must be plain text while
 * the React runtime is taken out.
 *
 * The reader's Accept-Encoding is reduced to one of three encodings; the
 * page cache keys on that, never on the raw header, which a stranger can
 * vary at will.
 */
import { promisify } from "node:util";
import zlib from "node:zlib";
import { type Answer, headerOf, withHeaders } from "./answer";

export type Encoding = "br" | "gzip" | "identity";

/** Below this, compression saves less than a packet. */
export const MIN_COMPRESS_BYTES = 1024;

const COMPRESSIBLE = /^\s*(?:text\/|application\/(?:json|javascript|ecmascript|x-javascript|xml|octet-stream|wasm|[a-z0-9.-]+\+(?:xml|json))|image\/(?:svg\+xml|x-icon|vnd\.microsoft\.icon))/i;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The encoding to send: the best of br and gzip the reader accepts (q > 0), else identity. */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): Encoding {
  const weights = new Map<string, number>();
  const list = Array.isArray(acceptEncoding) ? acceptEncoding.join(",") : (acceptEncoding ?? "");
  for (const item of list.toLowerCase().split(",", 64)) {
    const [name, ...params] = item.split(";").map((part) => part.trim());
    if (!name) continue;
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name === "x-gzip" ? "gzip" : name, Number.isFinite(weight) ? weight : 0);
  }
  const weight = (name: string) => weights.get(name) ?? weights.get("*") ?? 0;
  if (weight("br") > 0 && weight("br") >= weight("gzip")) return "br";
  return weight("gzip") > 0 ? "gzip" : "identity";
}

export function isCompressible(contentType: string | undefined): boolean {
  return COMPRESSIBLE.test(contentType ?? "");
}

/**
 * The answer in `encoding`, with `Vary: Accept-Encoding` on every type that
 * may be compressed (whether this one was or not, so a cache keeps the
 * encodings apart). Left as it is: partial content, bodies under
 * MIN_COMPRESS_BYTES, bodies already encoded, and any body compression
 * would not make smaller.
 */
export async function encodeAnswer(answer: Answer, encoding: Encoding): Promise<Answer> {
  if (!isCompressible(headerOf(answer, "content-type"))) return answer;
  const varied = withHeaders(answer, { vary: withVary(headerOf(answer, "vary"), "Accept-Encoding") });
  if (encoding === "identity" || answer.status === 206 || answer.body.length < MIN_COMPRESS_BYTES || headerOf(answer, "content-encoding")) return varied;
  const body =
    encoding === "br"
      ? await brotli(answer.body, {
          params: {
            // 5: close to gzip's speed, 15–20% smaller; 11 (the default) takes ~20× longer per page.
            [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: answer.body.length,
          },
        })
      : await gzip(answer.body, { level: 6 });
  if (body.length >= answer.body.length) return varied;
  // Byte ranges would be of the compressed body, which nothing here serves.
  return { ...withHeaders(varied, { "content-encoding": encoding, "accept-ranges": undefined }), body };
}

/** A Vary list with `name` in it once. */
function withVary(vary: string | undefined, name: string): string {
  const names = (vary ?? "").split(",").map((n) => n.trim()).filter(Boolean);
  if (names.some((n) => n === "*" || n.toLowerCase() === name.toLowerCase())) return names.join(", ");
  return [...names, name].join(", ");
}

/**
 * Reader pages without the React runtime.
 *
 * Every page of the portal is complete HTML from the server: links are
 * links, the theme script is inline, and what little a page does in the
 * browser (theme switch, "N 条新消息", search) comes from the small scripts
 * in `browser/` (bundled to /js/). Next.js would still add its App Router
 * runtime (~120 KB gzip of React DOM and router) and a copy of the page as a
 * React payload, only to hydrate markup that never changes. Under
 * Lighthouse's mobile profile that start-up alone cost 450–900 ms of
 * blocking time and kept performance at 75–90; the payload doubled every
 * page's bytes. Next.js has no switch for this in the App Router
 * (vercel/next.js#45009), so production responses and static-export files
 * go through `withoutReactRuntime`; `npm run dev` keeps the runtime (fast
 * refresh for editors).
 *
 * What is removed, and only that: `<script>` elements loading Next.js's
 * chunks from /_next/static/, its inline bootstrap (`self.__next_f`, the
 * TURBOPACK chunk list) and its script preloads. Other scripts (the theme
 * script, JSON-LD, /js/ bundles) and everything else stay byte for byte.
 *
 * How: one pass over the document's tags with a small tokenizer that knows
 * quoted attribute values and the raw text of script/style/title/textarea,
 * so text that merely looks like a script tag (in an attribute of a
 * publisher's markup, say) is never taken for one. A full HTML parse and
 * re-serialisation would cost milliseconds per response and change bytes
 * everywhere else.
 */
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * A comment, a raw-text element with its text, or any other start tag.
 * Attribute values are skipped whole, quotes included.
 */
const TAG = /<!--[\s\S]*?-->|<(script|style|title|textarea)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1\s*>|<(link)\b((?:[^>"']|"[^"]*"|'[^']*')*)>|<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** Next.js's chunks: `src="/_next/static/…js"` on a script, `href` on a preload. */
const NEXT_CHUNK_ATTR = /\s(?:src|href)\s*=\s*["']?\/_next\/static\/[^"'\s>]*\.js\b/i;
const PRELOAD_REL = /\srel\s*=\s*["']?(?:preload|modulepreload)\b/i;
/** The inline bootstrap: the RSC payload (`self.__next_f`) and Turbopack's chunk list. */
const NEXT_BOOTSTRAP = /^\s*\(?\s*(?:self\.__next_f\b|\(?\s*globalThis\s*\[\s*"TURBOPACK"\s*\])/;

function isReactRuntime(rawTextTag?: string, attrs = "", text = "", linkTag?: string, linkAttrs = ""): boolean {
  if (rawTextTag?.toLowerCase() === "script") return NEXT_CHUNK_ATTR.test(attrs) || NEXT_BOOTSTRAP.test(text);
  if (linkTag) return PRELOAD_REL.test(linkAttrs) && NEXT_CHUNK_ATTR.test(linkAttrs);
  return false;
}

export function withoutReactRuntime(html: string): string {
  return html.replace(TAG, (match, rawTextTag?: string, attrs?: string, text?: string, linkTag?: string, linkAttrs?: string) =>
    isReactRuntime(rawTextTag, attrs, text, linkTag, linkAttrs) ? "" : match,
  );
}

/** True when a response with this Content-Type is an HTML document the transform applies to. */
export function isHtmlDocument(contentType: string | number | string[] | undefined): boolean {
  return typeof contentType === "string" && /^text\/html\b/i.test(contentType);
}

type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

/**
 * Wraps a request handler so that its HTML documents leave without the
 * React runtime. An HTML response is held back until it ends (a page is
 * tens of kilobytes), transformed once, and sent with its new length;
 * everything else passes through untouched.
 *
 * A 404 from `notFound()` in a page rendered on request comes from Next.js
 * as an empty `<html id="__next_error__">` shell whose not-found page exists
 * only in the React payload, for the client runtime to draw
 * (vercel/next.js#62228); with `notFoundDocument` (the prerendered
 * `_not-found.html`) such a shell is answered with the real page instead.
 *
 * Next.js's own compression must
 * be off (next.config.js): the transform needs the plain text, and the
 * server compresses afterwards.
 */
export function servingWithoutReactRuntime(next: Handler, { notFoundDocument }: { notFoundDocument?: string } = {}): Handler {
  return (req, res) => {
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
    const flushHeaders = res.flushHeaders.bind(res);
    let held: Buffer[] | undefined;
    let decided = false;
    let head: unknown[] | undefined;

    // Decided at the first byte (or the end): by then the status and Content-Type are set.
    const decide = () => {
      if (decided) return;
      decided = true;
      if (isHtmlDocument(headerOf(res, head, "content-type"))) return void (held = []);
      res.writeHead = writeHead as typeof res.writeHead; // Node's own end() calls it for the implicit head
      if (head) writeHead(...head);
    };
    res.writeHead = ((...args: unknown[]) => {
      head = args; // applied when the body is known
      return res;
    }) as typeof res.writeHead;
    res.flushHeaders = () => {
      decide();
      if (!held) flushHeaders();
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      decide();
      if (!held) return write(chunk, ...rest);
      held.push(toBuffer(chunk, rest[0]));
      const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      decide();
      if (!held) return end(chunk, ...rest);
      if (chunk !== undefined && chunk !== null && typeof chunk !== "function") held.push(toBuffer(chunk, rest[0]));
      let html = withoutReactRuntime(Buffer.concat(held).toString("utf8"));
      if (notFoundDocument && isErrorShell(html)) html = notFoundDocument;
      const body = Buffer.from(html, "utf8");
      res.writeHead = writeHead as typeof res.writeHead;
      if (head) applyHead(res, head);
      if (req.method === "HEAD") res.removeHeader("content-length");
      else res.setHeader("content-length", body.length);
      const callback = [chunk, ...rest].find((r) => typeof r === "function") as (() => void) | undefined;
      return end(req.method === "HEAD" ? undefined : body, callback);
    }) as typeof res.end;
    return next(req, res);
  };
}

/** Next.js's empty error document, whose content only the client runtime would render. */
export function isErrorShell(html: string): boolean {
  return /^\s*<!DOCTYPE html><html id="__next_error__"/i.test(html) && !/<main\b/i.test(html);
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  return Buffer.from(chunk as Uint8Array);
}

/** A header as it will be sent: from a held-back writeHead call, else from setHeader. */
function headerOf(res: ServerResponse, head: unknown[] | undefined, name: string): string | number | string[] | undefined {
  const headers = head?.find((a) => typeof a === "object" && a !== null);
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) if (String(headers[i]).toLowerCase() === name) return String(headers[i + 1]);
  } else if (headers) {
    for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === name) return value as string;
  }
  return res.getHeader(name);
}

/** Turns a held-back `writeHead(status, [message], [headers])` into setHeader calls, so the length can still change. */
function applyHead(res: ServerResponse, [status, ...rest]: unknown[]): void {
  res.statusCode = Number(status);
  if (typeof rest[0] === "string") res.statusMessage = rest.shift() as string;
  const headers = rest[0];
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) res.setHeader(String(headers[i]), headers[i + 1] as string);
  } else if (headers && typeof headers === "object") {
    for (const [key, value] of Object.entries(headers)) if (value !== undefined) res.setHeader(key, value as string);
  }
}

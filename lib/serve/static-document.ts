/**
 * Reader pages without the React runtime.
 *
 * Every page is complete HTML from the server; what little it does in the
 * browser comes from the small scripts in `browser/`. Next.js would still add
 * its App Router runtime (~120 KB gzip) and a React payload copy of the page,
 * only to hydrate markup that never changes: under Lighthouse's mobile
 * profile that cost 450–900 ms of blocking time and doubled every page's
 * bytes, and the App Router has no switch for it (vercel/next.js#45009). So
 * production responses (lib/serve/pipeline.ts) and static-export files go
 * through `withoutReactRuntime`; `npm run dev` keeps the runtime for editors.
 *
 * Removed, and only that: Next.js's chunk scripts, its inline bootstrap and
 * script preloads, and the hydration markers nothing reads without the
 * runtime (`<!--$-->…<!--/$-->`, `<!-- -->`, the empty `<div hidden>`). The
 * result equals what the exporter renders with react-dom/server.
 *
 * One pass with a small tokenizer that knows quoted attributes and raw-text
 * elements, so text that merely looks like a script tag is never taken for
 * one; a full parse and re-serialisation would cost milliseconds and change
 * bytes elsewhere.
 */
import { basePath } from "../site/base-path.cjs";
import { type Answer, headerOf } from "./answer";

/**
 * A comment, a raw-text element with its text, or any other start tag.
 * Attribute values are skipped whole, quotes included.
 */
const TAG = /<!--[\s\S]*?-->|<(script|style|title|textarea)\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/\1\s*>|<(link)\b((?:[^>"']|"[^"]*"|'[^']*')*)>|<[a-zA-Z](?:[^>"']|"[^"]*"|'[^']*')*>/gi;

/** Next.js's chunks: `src="/_next/static/…js"` on a script, `href` on a preload (under BASE_PATH when there is one). */
const NEXT_CHUNK_ATTR = new RegExp(`\\s(?:src|href)\\s*=\\s*["']?${basePath().replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replaceAll("/", "\\/")}\\/_next\\/static\\/[^"'\\s>]*\\.js\\b`, "i");
const PRELOAD_REL = /\srel\s*=\s*["']?(?:preload|modulepreload)\b/i;
/** The inline bootstrap: the RSC payload (`self.__next_f`) and Turbopack's chunk list. */
const NEXT_BOOTSTRAP = /^\s*\(?\s*(?:self\.__next_f\b|\(?\s*globalThis\s*\[\s*"TURBOPACK"\s*\])/;

function isReactRuntime(rawTextTag?: string, attrs = "", text = "", linkTag?: string, linkAttrs = ""): boolean {
  if (rawTextTag?.toLowerCase() === "script") return NEXT_CHUNK_ATTR.test(attrs) || NEXT_BOOTSTRAP.test(text);
  if (linkTag) return PRELOAD_REL.test(linkAttrs) && NEXT_CHUNK_ATTR.test(linkAttrs);
  return false;
}

/** React's hydration markers: Suspense boundaries and text separators. */
const HYDRATION_MARKERS = new Set(["<!--$-->", "<!--/$-->", "<!-- -->"]);
/** Where Next.js streams metadata: an empty hidden div right after `<body>` once its markers are gone. */
const METADATA_OUTLET = /(<body\b(?:[^>"']|"[^"]*"|'[^']*')*>)<div hidden=""><\/div>/;

export function withoutReactRuntime(html: string): string {
  return html
    .replace(TAG, (match, rawTextTag?: string, attrs?: string, text?: string, linkTag?: string, linkAttrs?: string) =>
      isReactRuntime(rawTextTag, attrs, text, linkTag, linkAttrs) || HYDRATION_MARKERS.has(match) ? "" : match,
    )
    .replace(METADATA_OUTLET, "$1");
}

/** True when a response with this Content-Type is an HTML document the transform applies to. */
export function isHtmlDocument(contentType: string | number | string[] | undefined): boolean {
  return typeof contentType === "string" && /^text\/html\b/i.test(contentType);
}

/** An HTML answer without the React runtime (its length follows when sent); any other answer as it is. */
export function stripReactRuntime(answer: Answer): Answer {
  if (!isHtmlDocument(headerOf(answer, "content-type")) || headerOf(answer, "content-encoding")) return answer;
  return { ...answer, body: Buffer.from(withoutReactRuntime(answer.body.toString("utf8")), "utf8") };
}

/**
 * A 404 from `notFound()` in a page rendered on request comes from Next.js
 * as an empty `<html id="__next_error__">` shell whose not-found page exists
 * only in the React payload, for the client runtime to draw
 * (vercel/next.js#62228): such a shell is answered with the real page
 * instead (the prerendered `_not-found.html`, without the runtime).
 */
export function withNotFoundDocument(answer: Answer, notFoundDocument: string | undefined): Answer {
  if (!notFoundDocument || answer.status !== 404 || !isHtmlDocument(headerOf(answer, "content-type"))) return answer;
  return isErrorShell(answer.body.toString("utf8")) ? { ...answer, body: Buffer.from(notFoundDocument, "utf8") } : answer;
}

/** Next.js's empty error document, whose content only the client runtime would render. */
export function isErrorShell(html: string): boolean {
  return /^\s*<!DOCTYPE html><html id="__next_error__"/i.test(html) && !/<main\b/i.test(html);
}

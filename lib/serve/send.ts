/**
 * The one place an answer is written to a socket, and so the one place that
 * knows HEAD (the GET's headers, no body), conditional requests (304 for a
 * 200 whose validators match), Content-Length (of the body actually sent),
 * and the security headers (lib/site/security-headers.cjs), which every
 * answer carries: pages, files, refusals and 304s alike.
 */
import { type ServerResponse, STATUS_CODES } from "node:http";
import { securityHeaders } from "../site/security-headers.cjs";
import { type Answer, type HeaderValue, headerOf } from "./answer";
import { releaseCapture } from "./capture";
import { type Conditions, isNotModified } from "./validators";

/** What the sender needs to know of the request. */
export interface Requested {
  /** As the client sent it (the pipeline asks Next.js for HEAD as GET). */
  method: string;
  conditions: Conditions;
}

const SECURITY_HEADERS: Record<string, string> = Object.fromEntries(
  securityHeaders().map(({ key, value }) => [key.toLowerCase(), value]),
);

/** What a 304 leaves out: it describes the stored body, it has none of its own (RFC 9110 §15.4.5). */
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "content-range", "accept-ranges"];

/** Sends a whole answer. */
export function sendAnswer(res: ServerResponse, answer: Answer, request: Requested): void {
  const notModified = isNotModified(request.conditions, answer);
  const hasBody = !notModified && answer.status !== 204 && answer.status !== 304 && answer.status >= 200;
  const length = hasBody ? answer.body.length : undefined;
  if (!writeHead(res, notModified ? 304 : answer.status, answer.headers, notModified, length)) return;
  res.end(hasBody && request.method !== "HEAD" ? answer.body : undefined);
}

/**
 * Sends only the head of an answer whose body streams after it (too large to
 * hold): its Content-Length stays as declared. A 304 or a HEAD gets no body:
 * Node.js drops whatever is written after such a head.
 */
export function sendHead(res: ServerResponse, head: Answer, request: Requested): void {
  const notModified = isNotModified(request.conditions, head);
  const declared = headerOf(head, "content-length");
  writeHead(res, notModified ? 304 : head.status, head.headers, notModified, notModified || declared === undefined ? undefined : Number(declared));
}

/** Replaces whatever the response held (Next.js's headers) with the answer's; false when the client is gone. */
function writeHead(res: ServerResponse, status: number, answerHeaders: Answer["headers"], notModified: boolean, length: number | undefined): boolean {
  releaseCapture(res);
  if (res.destroyed || res.headersSent) return false;
  const headers: Record<string, HeaderValue> = { ...answerHeaders, ...SECURITY_HEADERS };
  delete headers["content-length"];
  if (notModified) for (const name of BODY_HEADERS) delete headers[name];
  if (length !== undefined) headers["content-length"] = String(length);
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  res.writeHead(status, STATUS_CODES[status] ?? "Unknown", headers);
  return true;
}

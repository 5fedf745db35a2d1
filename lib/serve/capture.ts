/**
 * Next.js's answer as a value. Next.js writes to the real ServerResponse
 * (`writeHead`, `write`, `end`, `flushHeaders`, streams piped into it); while
 * it does, those four methods only collect into a buffer, so Next.js believes
 * it wrote normally and nothing reaches the socket. The capture resolves when
 * Next.js calls `end`, not when the socket has taken the bytes (`finish`):
 * a reader who is slow to read delays only their own copy, and everyone
 * waiting for the same page gets the finished buffer at once.
 *
 * Until the pipeline sends (lib/serve/send.ts calls `releaseCapture` first),
 * the response looks ended to Next.js (`finished`, so Next's `res.sent`
 * checks hold) and later writes are ignored.
 *
 * A body larger than `maxBodyBytes` is not held: the head is sent (through
 * `streamHead`, which applies the pipeline's header steps) and the rest
 * streams from Next.js to the socket as it comes, with its backpressure.
 * That is for large static files; no page comes near the limit.
 */
import type { IncomingMessage, OutgoingHttpHeader, OutgoingHttpHeaders, ServerResponse } from "node:http";
import type { Answer, HeaderValue } from "./answer";

export type Handler = (req: IncomingMessage, res: ServerResponse) => unknown;

export type Captured =
  | { kind: "answer"; answer: Answer }
  /** Larger than maxBodyBytes: sent to the client as it came. */
  | { kind: "streamed" }
  /** The client left before Next.js finished. */
  | { kind: "aborted" };

export interface CaptureOptions {
  maxBodyBytes: number;
  /** Sends the head of an answer too large to hold (its body is empty); the body follows unchanged. */
  streamHead: (head: Answer) => void;
}

type Method = (...args: unknown[]) => unknown;
interface Intercepted {
  writeHead: Method;
  write: Method;
  end: Method;
  flushHeaders: Method;
}

/** Responses captured and not yet sent: how to give each back to the sender. */
const releases = new WeakMap<ServerResponse, () => void>();

/** Gives a captured response back before it is sent (a no-op for any other). */
export function releaseCapture(res: ServerResponse): void {
  releases.get(res)?.();
}

/** Headers that belong to one connection or one transfer, never to an answer. */
const TRANSFER_HEADERS = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "date"]);

export function captureAnswer(handler: Handler, req: IncomingMessage, res: ServerResponse, options: CaptureOptions): Promise<Captured> {
  return new Promise<Captured>((resolve, reject) => {
    const original: Intercepted = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders } as never;
    const chunks: Buffer[] = [];
    let bytes = 0;
    let state: "capturing" | "ended" | "streaming" | "released" = "capturing";
    const restore = () => Object.assign(res, original);
    const looksEnded = (ended: boolean) => ((res as { finished: boolean }).finished = ended);

    const release = () => {
      if (state !== "ended") return;
      state = "released";
      releases.delete(res);
      restore();
      looksEnded(false);
    };

    const collect = (chunk: unknown, encoding: unknown): void => {
      if (chunk === undefined || chunk === null || typeof chunk === "function") return;
      const buffer = toBuffer(chunk, encoding);
      chunks.push(buffer);
      bytes += buffer.length;
    };

    /** Too large to hold: the head now, then the body as it comes. */
    const stream = (): void => {
      state = "streaming";
      restore();
      const head = answerOf(res);
      const length = res.getHeader("content-length");
      options.streamHead({ ...head, headers: length === undefined ? head.headers : { ...head.headers, "content-length": String(length) }, body: Buffer.alloc(0) });
      for (const chunk of chunks.splice(0)) res.write(chunk);
      resolve({ kind: "streamed" });
    };
    const declaredTooLarge = () => Number(res.getHeader("content-length")) > options.maxBodyBytes;

    const intercepted: Intercepted = {
      writeHead(status, ...rest) {
        if (state !== "capturing") return res;
        res.statusCode = Number(status);
        if (typeof rest[0] === "string") res.statusMessage = rest.shift() as string;
        setHeaders(res, rest[0]);
        return res;
      },
      flushHeaders() {
        if (state === "capturing" && declaredTooLarge()) stream();
      },
      write(chunk, ...rest) {
        if (state === "capturing" && declaredTooLarge()) stream();
        if (state === "streaming") return (res.write as Method)(chunk, ...rest);
        const callback = rest.find((r) => typeof r === "function") as (() => void) | undefined;
        if (state === "capturing") {
          collect(chunk, rest[0]);
          if (bytes > options.maxBodyBytes) stream();
        }
        if (callback) process.nextTick(callback);
        return true;
      },
      end(chunk, ...rest) {
        if (state === "capturing" && declaredTooLarge()) stream();
        if (state === "streaming") return (res.end as Method)(chunk, ...rest);
        if (state !== "capturing") return res;
        collect(chunk, rest[0]);
        const callback = [chunk, ...rest].find((r) => typeof r === "function") as (() => void) | undefined;
        if (callback) res.once("finish", callback);
        state = "ended";
        looksEnded(true);
        releases.set(res, release);
        resolve({ kind: "answer", answer: { ...answerOf(res), body: Buffer.concat(chunks) } });
        return res;
      },
    };
    Object.assign(res, intercepted);

    res.once("close", () => {
      if (state !== "capturing") return;
      state = "released";
      restore();
      resolve({ kind: "aborted" });
    });
    const fail = (error: unknown) => {
      if (state !== "capturing") return; // after the end: the answer stands
      state = "released";
      restore();
      reject(error);
    };
    try {
      Promise.resolve(handler(req, res)).catch(fail);
    } catch (error) {
      fail(error);
    }
  });
}

/** Status and headers as Next.js left them on the response (lower-case names, transfer headers left out). */
function answerOf(res: ServerResponse): Omit<Answer, "body"> {
  const headers: Record<string, HeaderValue> = {};
  for (const [name, value] of Object.entries(res.getHeaders())) {
    if (value === undefined || TRANSFER_HEADERS.has(name)) continue;
    headers[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return { status: res.statusCode, headers };
}

/** `writeHead`'s headers (an object, or a flat [name, value, …] list) applied with setHeader, as Node would merge them. */
function setHeaders(res: ServerResponse, headers: unknown): void {
  if (Array.isArray(headers)) {
    const byName = new Map<string, string[]>();
    for (let i = 0; i + 1 < headers.length; i += 2) {
      const name = String(headers[i]).toLowerCase();
      byName.set(name, [...(byName.get(name) ?? []), String(headers[i + 1])]);
    }
    for (const [name, values] of byName) res.setHeader(name, values.length === 1 ? values[0] : values);
  } else if (headers && typeof headers === "object") {
    for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) {
      if (value !== undefined) res.setHeader(name, value as OutgoingHttpHeader);
    }
  }
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  throw new TypeError(`cannot write a ${typeof chunk} to a response`);
}

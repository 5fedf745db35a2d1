/**
 * A response as a value: what Next.js (or the pipeline itself) answered,
 * before it is sent. Every step of `npm start`'s pipeline (lib/serve/pipeline.ts)
 * takes an Answer and returns one; only lib/serve/send.ts writes one to a
 * socket. Values, not a patched ServerResponse, so that each step can be
 * tested alone and the order of steps is written in one place.
 */

export type HeaderValue = string | string[];

export interface Answer {
  readonly status: number;
  /** Lower-case names. A list only where a header repeats (set-cookie). */
  readonly headers: Readonly<Record<string, HeaderValue>>;
  readonly body: Buffer;
}

export const NO_BODY = Buffer.alloc(0);

/** A header's value, repeated values joined as HTTP joins them; undefined when absent. */
export function headerOf(answer: Pick<Answer, "headers">, name: string): string | undefined {
  const value = answer.headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

/** The same answer with some headers set (names in lower case); `undefined` removes one. */
export function withHeaders(answer: Answer, changes: Record<string, HeaderValue | undefined>): Answer {
  const headers: Record<string, HeaderValue> = { ...answer.headers };
  for (const [name, value] of Object.entries(changes)) {
    if (value === undefined) delete headers[name];
    else headers[name] = value;
  }
  return { ...answer, headers };
}

/** A short plain-text answer made by the pipeline itself (a refusal, an error). */
export function plainText(status: number, text: string, headers: Record<string, string> = {}): Answer {
  return { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers }, body: Buffer.from(`${text}\n`, "utf8") };
}

/** Bytes an answer holds in memory, near enough for a cache's budget: header names and values, and the body. */
export function answerBytes(answer: Answer): number {
  let bytes = answer.body.length;
  for (const [name, value] of Object.entries(answer.headers)) {
    for (const one of Array.isArray(value) ? value : [value]) bytes += name.length + one.length + 4;
  }
  return bytes;
}

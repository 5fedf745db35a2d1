/**
 * A real http.Server on 127.0.0.1 running the pipeline in front of a fake
 * "Next.js" handler, and a client that returns raw bytes (no decompression).
 */
import http, { type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import type { Handler } from "@/lib/serve/capture";
import { createPipeline, type Pipeline, type PipelineOptions } from "@/lib/serve/pipeline";

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Site {
  base: string;
  pipeline: Pipeline;
  /** Lines the pipeline logged. */
  logged: string[];
  /** How many times the fake Next.js was asked. */
  calls(): number;
  request(path: string, init?: { method?: string; headers?: Record<string, string>; agent?: http.Agent }): Promise<Reply>;
  close(): Promise<void>;
}

export const CACHE_OFF = { ttlMs: 0, maxBytes: 1 << 20, maxEntries: 100 };
export const CACHE_ON = { ttlMs: 60_000, maxBytes: 8 << 20, maxEntries: 1000 };

export async function servePipeline(handler: Handler, options: Partial<PipelineOptions> = {}): Promise<Site> {
  let calls = 0;
  const logged: string[] = [];
  const pipeline = createPipeline({
    cache: CACHE_OFF,
    log: (line) => logged.push(line),
    ...options,
    handler: (req, res) => {
      calls++;
      return handler(req, res);
    },
  });
  const server = http.createServer((req, res) => void pipeline.handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const request = (path: string, init: { method?: string; headers?: Record<string, string>; agent?: http.Agent } = {}) =>
    new Promise<Reply>((resolve, reject) => {
      http
        .request(`${base}${path}`, { method: init.method ?? "GET", headers: init.headers ?? {}, agent: init.agent ?? false }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject)
        .end();
    });
  return {
    base,
    pipeline,
    logged,
    calls: () => calls,
    request,
    close: () =>
      new Promise<void>((resolve) => {
        pipeline.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

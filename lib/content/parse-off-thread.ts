/**
 * Post files → their `ParseResult`s, parsed in a worker thread, so that a
 * running server keeps answering readers while new and changed posts are
 * decoded, split and stripped. (Parsing is linear and posts are capped in
 * size, but a sync of a few thousand posts is still seconds of CPU that must
 * not sit on the event loop every request waits for.)
 *
 * One worker, started on first use and kept: a refresh costs a message, not
 * a thread start. Should the worker fail, the files are parsed inline, so a
 * refresh never fails for want of a thread.
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { parsePost } from "./parse";
import { readPostFile, type PostFileEntry } from "./load";
import type { ParseResult } from "./types";

/** Marks this module's own worker (other workers, such as a test runner's, may import the module too). */
const WORKER_MARK = "finews-portal.parse-worker";

interface Job {
  id: number;
  entries: PostFileEntry[];
}

function parseEntries(entries: PostFileEntry[]): ParseResult[] {
  return entries.map((entry) => parsePost(readPostFile(entry)));
}

export interface OffThreadParser {
  parse(entries: PostFileEntry[]): Promise<ParseResult[]>;
  /** Files parsed so far in the worker, and on the main thread (only after the worker failed). */
  stats(): { offThread: number; inline: number };
  close(): Promise<void>;
}

/** A parser whose work happens in one worker thread. */
export function offThreadParser({ log = console.warn }: { log?: (line: string) => void } = {}): OffThreadParser {
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 0;
  const counts = { offThread: 0, inline: 0 };
  const parseInline = (entries: PostFileEntry[]) => {
    counts.inline += entries.length;
    return parseEntries(entries);
  };
  const waiting = new Map<number, { resolve: (r: ParseResult[]) => void; entries: PostFileEntry[] }>();

  const failAll = (why: string) => {
    if (!broken) log(`content: parse worker stopped (${why}); parsing on the main thread from now on`);
    broken = true;
    worker = undefined;
    for (const [id, job] of waiting) {
      waiting.delete(id);
      job.resolve(parseInline(job.entries));
    }
  };

  const start = (): Worker | undefined => {
    if (broken) return undefined;
    if (worker) return worker;
    try {
      // Under tsx (npm start) this file is TypeScript: the worker loads tsx's require hook first.
      const source = __filename.endsWith(".ts")
        ? `require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(__filename)});`
        : `require(${JSON.stringify(__filename)});`;
      worker = new Worker(source, { eval: true, workerData: WORKER_MARK });
      worker.unref();
      worker.on("message", ({ id, results }: { id: number; results: ParseResult[] }) => {
        const job = waiting.get(id);
        waiting.delete(id);
        counts.offThread += results.length;
        job?.resolve(results);
      });
      worker.on("error", (error) => failAll(error.message));
      worker.on("exit", (code) => waiting.size && failAll(`exit code ${code}`));
      return worker;
    } catch (error) {
      failAll(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };

  return {
    parse(entries) {
      if (entries.length === 0) return Promise.resolve([]);
      const thread = start();
      if (!thread) return Promise.resolve(parseInline(entries));
      return new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, { resolve, entries });
        thread.postMessage({ id, entries } satisfies Job);
      });
    },
    stats: () => ({ ...counts }),
    async close() {
      const thread = worker;
      worker = undefined;
      broken = true;
      await thread?.terminate();
    },
  };
}

// Inside the worker: parse what the main thread sends, answer with the results.
if (!isMainThread && parentPort && workerData === WORKER_MARK) {
  const port = parentPort;
  port.on("message", ({ id, entries }: Job) => port.postMessage({ id, results: parseEntries(entries) }));
}

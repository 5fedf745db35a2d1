/**
 * The content engine's slow work in a worker thread, so that a running
 * server keeps answering readers meanwhile:
 *  - parsing new and changed post files (a sync of a few thousand posts is
 *    seconds of CPU);
 *  - rendering an article's body (remark → rehype → sanitize: about 1 s for
 *    a 256 KB body, 7 s for a 2 MB one, which on the main thread would
 *    stall every reader that long).
 *
 * Two workers (a long render must not hold up the next article's), each
 * started on first use and kept: a job costs a message, not a thread start,
 * and goes to the worker with the fewest jobs waiting. Should a worker fail,
 * jobs run inline from then on, so nothing fails for want of a thread.
 */
import { Worker, isMainThread, parentPort, workerData } from "node:worker_threads";
import { contentLimits } from "./limits";
import { readAndParsePost } from "./load-content";
import { renderArticleFile } from "./content-store";
import type { PostFileEntry } from "./post-files";
import type { ParseResult } from "./types";

/** What a listed file parsed to; `read` is false when it was refused unread (too large, not a regular file). */
export type ParsedFile = { result: ParseResult; read: boolean };

/** Marks this module's own worker (other workers, such as a test runner's, may import the module too). */
const WORKER_MARK = "finews-portal.content-worker";

type Job = { kind: "parse"; entries: PostFileEntry[] } | { kind: "render"; dir: string; file: string } | { kind: "ping" };
type JobResult<J extends Job> = J extends { kind: "parse" } ? ParsedFile[] : string | undefined;

function run(job: Job): ParsedFile[] | string | undefined {
  if (job.kind === "ping") return undefined;
  // The limits as the environment sets them: the worker's environment is the server's.
  if (job.kind === "parse") return job.entries.map((entry) => readAndParsePost(entry, contentLimits()));
  return renderArticleFile(job.dir, job.file);
}

export interface ContentWorker {
  /** What these files parse to, in their order. */
  parse(entries: PostFileEntry[]): Promise<ParsedFile[]>;
  /** The body HTML of the post at `file` (relative to the content folder `dir`). */
  renderBody(dir: string, file: string): Promise<string | undefined>;
  /**
   * Starts every thread now and resolves once each has loaded the content
   * engine (about a second of CPU under tsx), so that the first change or
   * page render after start does not pay for it while readers wait.
   */
  warmUp(): Promise<void>;
  /** Jobs done so far in the worker, and on the main thread (only after the worker failed). */
  stats(): { offThread: number; inline: number };
  close(): Promise<void>;
}

export function startContentWorker({ log = console.warn, threads = 2 }: { log?: (line: string) => void; threads?: number } = {}): ContentWorker {
  const slots: { worker?: Worker; waiting: Map<number, { job: Job; resolve: (result: unknown) => void }> }[] = Array.from({ length: Math.max(1, threads) }, () => ({ waiting: new Map() }));
  let broken = false;
  let nextId = 0;
  const counts = { offThread: 0, inline: 0 };
  const inline = (job: Job) => {
    counts.inline++;
    return run(job);
  };

  const failAll = (why: string) => {
    if (!broken) log(`content worker stopped (${why}); parsing and rendering on the main thread from now on`);
    broken = true;
    for (const slot of slots) {
      void slot.worker?.terminate();
      slot.worker = undefined;
      for (const [id, { job, resolve }] of slot.waiting) {
        slot.waiting.delete(id);
        resolve(inline(job));
      }
    }
  };

  const start = (slot: (typeof slots)[number]): Worker | undefined => {
    if (broken) return undefined;
    if (slot.worker) return slot.worker;
    try {
      // Under tsx (npm start) this file is TypeScript: the worker loads tsx's require hook first.
      const source = __filename.endsWith(".ts")
        ? `require(${JSON.stringify(require.resolve("tsx/cjs"))}); require(${JSON.stringify(__filename)});`
        : `require(${JSON.stringify(__filename)});`;
      const worker = new Worker(source, { eval: true, workerData: WORKER_MARK });
      worker.unref();
      worker.on("message", ({ id, result }: { id: number; result: unknown }) => {
        const entry = slot.waiting.get(id);
        slot.waiting.delete(id);
        counts.offThread++;
        entry?.resolve(result);
      });
      worker.on("error", (error) => failAll(error.message));
      worker.on("exit", (code) => slot.waiting.size && failAll(`exit code ${code}`));
      return (slot.worker = worker);
    } catch (error) {
      failAll(error instanceof Error ? error.message : String(error));
      return undefined;
    }
  };

  const submit = <J extends Job>(job: J, slot = slots.reduce((best, s) => (s.waiting.size < best.waiting.size ? s : best))): Promise<JobResult<J>> => {
    const thread = start(slot);
    if (!thread) return Promise.resolve(inline(job) as JobResult<J>);
    return new Promise((resolve) => {
      const id = nextId++;
      slot.waiting.set(id, { job, resolve: resolve as (result: unknown) => void });
      thread.postMessage({ id, job });
    });
  };

  return {
    parse: (entries) => (entries.length ? submit({ kind: "parse", entries }) : Promise.resolve([])),
    renderBody: (dir, file) => submit({ kind: "render", dir, file }),
    warmUp: async () => {
      await Promise.all(slots.map((slot) => submit({ kind: "ping" }, slot)));
    },
    stats: () => ({ ...counts }),
    async close() {
      broken = true;
      await Promise.all(slots.map((slot) => slot.worker?.terminate()));
    },
  };
}

// Inside the worker: do what the main thread sends, answer with the result.
if (!isMainThread && parentPort && workerData === WORKER_MARK) {
  const port = parentPort;
  port.on("message", ({ id, job }: { id: number; job: Job }) => port.postMessage({ id, result: run(job) }));
}

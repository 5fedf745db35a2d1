/**
 * One content change, parsed once however many instances see it (REDIS_URL).
 *
 * On one shared content folder every instance's watcher fires for the same
 * new post. Each names the change by the listing it now sees (`changeId`:
 * path, size and modification time of every post file, so equal on every
 * instance reading the same files) and tries to claim it in Redis
 * (SET NX with an expiry). The one that gets it parses the new and changed
 * files in its worker, stores the parse results in Redis for a few minutes
 * and announces the change on a pub/sub channel; the others wait for those
 * results (polling, bounded) and rebuild their index from them, parsing
 * nothing. An instance that does not watch (or did not notice yet) hears
 * the announcement and refreshes the same way.
 *
 * Parse results only stand in for files that match exactly (same size and
 * modification time); anything else is parsed locally, so a wrong or late
 * result can cost a parse, never a stale page. Redis unreachable, the
 * claimer gone (its claim expired without results) or results too large to
 * store: each instance parses for itself, as without Redis.
 */
import { createHash } from "node:crypto";
import { deserialize, serialize } from "node:v8";
import type { PostFileEntry } from "../content/post-files";
import type { ParseResult } from "../content/types";
import type { RedisLink } from "./redis-link";

/** A parse result with the file state it was made from. */
export interface ParsedPost {
  entry: Pick<PostFileEntry, "relativePath" | "size" | "mtimeMs">;
  result: ParseResult;
}

/** What another instance announced. */
export interface ChangeAnnouncement {
  from: string;
  changeId: string;
  files: string[];
}

export interface ChangeClaimOptions {
  link: RedisLink;
  /** This instance (announcements from it are ignored). */
  instance: string;
  /** Keys and channel are per build: another build may parse another way. */
  buildId: string;
  /** How long a claim holds without results before another instance parses instead (ms). */
  claimTtlMs?: number;
  /** How often a waiting instance looks for the results (ms). */
  pollMs?: number;
  /** Largest serialized result stored (bytes); larger changes are parsed by each instance. */
  maxResultBytes?: number;
}

export type ParsedBy = "here" | "by another instance" | "here (alone)";

export interface ChangeClaim {
  /**
   * The parse results of change `changeId`: made here by `parseHere` when
   * this instance claims the change (or cannot reach Redis, or the claimer
   * gave up), else taken from the instance that claimed it.
   */
  parse(changeId: string, parseHere: () => Promise<ParsedPost[]>): Promise<{ parsed: ParsedPost[]; by: ParsedBy }>;
  /** Tells the other instances that content changed (after this one has refreshed). */
  announce(changeId: string, files: string[]): Promise<void>;
  /** Calls `listener` for each other instance's announcement. */
  onAnnouncement(listener: (announcement: ChangeAnnouncement) => void): Promise<void>;
}

/** The name of the content as this listing shows it: equal on instances that see the same files. */
export function changeIdOf(listing: readonly Pick<PostFileEntry, "relativePath" | "size" | "mtimeMs">[]): string {
  const hash = createHash("sha256");
  for (const entry of [...listing].sort((a, b) => (a.relativePath < b.relativePath ? -1 : a.relativePath > b.relativePath ? 1 : 0))) {
    hash.update(`${entry.relativePath}\0${entry.size}\0${entry.mtimeMs}\n`);
  }
  return hash.digest("hex").slice(0, 24);
}

const MiB = 1024 * 1024;

export function changeClaim({ link, instance, buildId, claimTtlMs = 120_000, pollMs = 100, maxResultBytes = 64 * MiB }: ChangeClaimOptions): ChangeClaim {
  const claimKey = (id: string) => `finews:${buildId}:claim:${id}`;
  const resultKey = (id: string) => `finews:${buildId}:parsed:${id}`;
  const channel = `finews:${buildId}:content`;
  // Results outlive the claim: an instance that comes late still finds them.
  const resultTtlMs = Math.max(claimTtlMs, 10 * 60_000);

  /** The stored results: a list, `null` for "too large, parse yourself", undefined while absent. */
  const readResults = async (id: string): Promise<ParsedPost[] | null | undefined> => {
    const bytes = await link.get(resultKey(id));
    if (!bytes) return undefined;
    try {
      const stored = deserialize(bytes) as { parsed?: ParsedPost[] };
      return Array.isArray(stored.parsed) ? stored.parsed : null;
    } catch {
      return null;
    }
  };

  const waitForResults = async (id: string): Promise<ParsedPost[] | undefined> => {
    const deadline = Date.now() + claimTtlMs;
    for (let round = 0; Date.now() < deadline && round < Math.ceil(claimTtlMs / pollMs) + 1; round++) {
      const results = await readResults(id);
      if (results !== undefined) return results ?? undefined;
      // Every tenth round: is the claimer still at it? Its claim expires if it died.
      if (round % 10 === 9 && (await link.exists(claimKey(id))) !== true) return (await readResults(id)) ?? undefined;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    return undefined;
  };

  return {
    async parse(changeId, parseHere) {
      const claimed = await link.set(claimKey(changeId), instance, { ttlMs: claimTtlMs, onlyIfAbsent: true });
      if (claimed === undefined) return { parsed: await parseHere(), by: "here (alone)" };
      if (claimed) {
        const parsed = await parseHere();
        const bytes = serialize({ parsed });
        await link.set(resultKey(changeId), bytes.length <= maxResultBytes ? bytes : serialize({ tooLarge: true }), { ttlMs: resultTtlMs });
        return { parsed, by: "here" };
      }
      const results = await waitForResults(changeId);
      return results ? { parsed: results, by: "by another instance" } : { parsed: await parseHere(), by: "here (alone)" };
    },
    async announce(changeId, files) {
      await link.publish(channel, JSON.stringify({ from: instance, changeId, files: files.slice(0, 1000) } satisfies ChangeAnnouncement));
    },
    async onAnnouncement(listener) {
      await link.subscribe(channel, (message) => {
        try {
          const announcement = JSON.parse(message) as ChangeAnnouncement;
          if (announcement.from === instance || typeof announcement.changeId !== "string") return;
          listener({ from: String(announcement.from), changeId: announcement.changeId, files: Array.isArray(announcement.files) ? announcement.files.filter((f) => typeof f === "string") : [] });
        } catch {
          // not ours
        }
      });
    },
  };
}

const HOOK_LISTENER = Symbol.for("finews-portal.hook-revalidated");
type HookHolder = { [HOOK_LISTENER]?: (files: string[]) => void };

/** Who hears that the revalidate hook ran (`npm start` with REDIS_URL: it tells the other instances); undefined stops it. */
export function onHookRevalidated(listener: ((files: string[]) => void) | undefined): void {
  (globalThis as HookHolder)[HOOK_LISTENER] = listener;
}

/** Called by the revalidate hook after an operator's call has refreshed this instance (a no-op without a listener). */
export function hookRevalidated(files: string[]): void {
  (globalThis as HookHolder)[HOOK_LISTENER]?.(files);
}

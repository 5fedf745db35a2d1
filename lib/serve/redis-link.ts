/**
 * The one connection an `npm start` instance keeps to Redis (REDIS_URL), made
 * so that Redis can never be the reason a reader waits or gets an error:
 *
 * - every command is bounded (150 ms by default) and resolves to `undefined`
 *   when Redis is down, slow or answers an error; callers then do the work
 *   locally, as a server without Redis would;
 * - while the connection is down, commands are not queued (they fail at
 *   once) and the client reconnects on its own, backing off to 2 s;
 * - the log says "unreachable" once when the link goes down and "back" once
 *   when it returns, never once per request.
 *
 * The official client (@redis/client, the core of node-redis) is used as is:
 * no pooling or clustering of our own. Pub/sub needs a connection of its
 * own (a subscribed connection runs no other command), so `subscribe` opens
 * a second one with the same rules.
 */
import { createClient, RESP_TYPES } from "@redis/client";

export interface RedisLinkOptions {
  url: string;
  /** Longest a command may take before it counts as failed (ms). */
  commandTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface RedisLink {
  /** True while the connection is up (a command may still fail). */
  readonly up: boolean;
  get(key: string): Promise<Buffer | undefined>;
  /**
   * SET with an expiry; `onlyIfAbsent` is SET NX. Resolves true when Redis stored it, false when NX found
   * the key taken, undefined when Redis could not be asked.
   */
  set(key: string, value: Buffer | string, options: { ttlMs: number; onlyIfAbsent?: boolean }): Promise<boolean | undefined>;
  /** Whether the key exists; undefined when Redis could not be asked. */
  exists(key: string): Promise<boolean | undefined>;
  publish(channel: string, message: string): Promise<boolean>;
  /** Calls `onMessage` for each message on `channel` (from the next connection on, again after every reconnect). */
  subscribe(channel: string, onMessage: (message: string) => void): Promise<void>;
  /** Calls `onBack` each time the link returns after being down. */
  onReconnect(onBack: () => void): void;
  close(): Promise<void>;
}

export function connectRedis({ url, commandTimeoutMs = 150, log = (line) => console.error(line) }: RedisLinkOptions): RedisLink {
  const where = describeUrl(url);
  let down = false;
  let closed = false;
  const backListeners: (() => void)[] = [];

  const markDown = (why: string) => {
    if (down || closed) return;
    down = true;
    log(`redis: ${where} unreachable (${why}); pages are cached and content changes handled by this instance alone until it returns`);
  };
  const markUp = () => {
    if (!down) return;
    down = false;
    log(`redis: ${where} is back; sharing the page cache again`);
    for (const listener of backListeners) listener();
  };

  const options = {
    url,
    // Fail at once while disconnected instead of queueing: the caller falls back to local work.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 1000,
      reconnectStrategy: (retries: number) => Math.min(100 * 2 ** Math.min(retries, 5), 2000),
    },
  };
  const client = createClient(options).withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  client.on("error", (error: unknown) => markDown(firstLine(error)));
  client.on("ready", markUp);
  client.on("end", () => markDown("connection closed"));
  // The first connection is tried in the background: an instance starts (and serves) whether Redis is there or not.
  void client.connect().catch((error: unknown) => markDown(firstLine(error)));

  let subscriber: ReturnType<typeof createClient> | undefined;

  /** `run`'s result, or undefined when Redis is down, errs, or takes longer than the bound. */
  const bounded = async <T>(run: () => Promise<T>): Promise<T | undefined> => {
    if (closed || !client.isReady) return undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        run(),
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), commandTimeoutMs);
        }),
      ]);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  };

  return {
    get up() {
      return !closed && client.isReady;
    },
    async get(key) {
      const value = await bounded(() => client.get(key));
      return Buffer.isBuffer(value) ? value : undefined;
    },
    async set(key, value, { ttlMs, onlyIfAbsent }) {
      const reply: unknown = await bounded(() =>
        client.set(key, value, { expiration: { type: "PX", value: Math.max(1, Math.round(ttlMs)) }, ...(onlyIfAbsent ? { condition: "NX" as const } : {}) }),
      );
      if (reply === undefined) return undefined;
      return reply !== null && String(reply) === "OK";
    },
    async exists(key) {
      const count = await bounded(() => client.exists(key));
      return count === undefined ? undefined : Number(count) > 0;
    },
    async publish(channel, message) {
      const receivers = await bounded(() => client.publish(channel, message));
      return receivers !== undefined;
    },
    async subscribe(channel, onMessage) {
      subscriber ??= createClient(options);
      subscriber.on("error", () => {}); // the main connection reports; this one reconnects with it
      if (!subscriber.isOpen) void subscriber.connect().catch(() => {});
      // node-redis re-subscribes by itself after a reconnect.
      await subscriber.subscribe(channel, (message: unknown) => onMessage(String(message))).catch(() => {});
    },
    onReconnect(onBack) {
      backListeners.push(onBack);
    },
    async close() {
      closed = true;
      await Promise.allSettled([client.close(), subscriber?.close()]);
    },
  };
}

/** The URL without a password, for the log. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = parsed.password ? "***" : "";
    return parsed.toString().replace(/\/$/, "");
  } catch {
    return "REDIS_URL";
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message || error.name : String(error);
  return text.split("\n", 1)[0] || "error";
}

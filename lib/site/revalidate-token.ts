/**
 * Who may call POST /api/revalidate: the server's own content watcher (a
 * random token made at start, never leaving the process) and, when set,
 * operators holding REVALIDATE_TOKEN.
 */
import { randomBytes } from "node:crypto";
import { settings } from "./config";

const KEY = Symbol.for("finews-portal.watcher-token");
type Holder = { [KEY]?: string };

export function watcherToken(): string {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= randomBytes(24).toString("hex"));
}

export function revalidateTokens(): string[] {
  const operator = settings.revalidateToken();
  return operator ? [watcherToken(), operator] : [watcherToken()];
}

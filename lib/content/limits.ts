/**
 * The content limits in force: MAX_POST_BYTES and MAX_POST_DEPTH from the
 * environment (lib/site/settings.cjs), unless a caller (a test) gives its own.
 */
import { maxPostBytes, maxPostDepth } from "../site/config";
import type { ContentLimits } from "./types";

export function contentLimits(overrides: Partial<ContentLimits> = {}): ContentLimits {
  return { maxPostBytes: overrides.maxPostBytes ?? maxPostBytes(), maxPostDepth: overrides.maxPostDepth ?? maxPostDepth() };
}

/**
 * Category slugs come from outside and contain spaces, parentheses,
 * capitals, slashes, `..` or control characters. Each slug keeps its exact
 * spelling for display and equality; its URL segment (`key`) is derived from
 * it alone, so the same slug always maps to the same URL:
 *  - a slug that is already a clean URL segment (`emnews`) is its own key;
 *  - any other gets a readable ASCII part plus 8 hex digits of its SHA-256
 *    (`anxinguojizhengquan-xianggang-1f3a…`). Clean keys never end in
 *    `-<8 hex>`, so the two kinds cannot collide.
 */
import { createHash } from "node:crypto";

export const UNCATEGORIZED = "uncategorized";

const CLEAN_KEY = /^[a-z0-9][a-z0-9_-]{0,79}$/;
const HASH_SUFFIX = /-[0-9a-f]{8}$/;

export function shortHash(value: string): string {
  return createHash("sha256").update(value).digest("hex").slice(0, 8);
}

/**
 * The URL segment for a category slug or a tag (`/category/<key>/`,
 * `/tags/<key>/`). Injective, URL-safe, no `/` or `.`.
 */
export function urlKey(slug: string): string {
  if (CLEAN_KEY.test(slug) && !HASH_SUFFIX.test(slug)) return slug;
  const readable = slug
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${readable || "c"}-${shortHash(slug)}`;
}

/**
 * The category a post belongs to: `categories` as a string (the whole
 * trimmed string: real slugs contain spaces) or a list (first wins), else
 * Jekyll's singular `category`. Control characters are removed.
 */
export function categorySlugFrom(data: Record<string, unknown>): string | undefined {
  for (const value of [data.categories, data.category]) {
    const first = Array.isArray(value) ? value.find((v) => scalarText(v) !== "") : value;
    const slug = scalarText(first).replace(/[\u0000-\u001f\u007f]/g, "").trim();
    if (slug) return slug;
  }
  return undefined;
}

/**
 * Jekyll reads a string `tags` value as space-separated tags; a list as is.
 */
export function tagsFrom(value: unknown): string[] {
  const raw = Array.isArray(value) ? value.map(scalarText) : scalarText(value).split(/\s+/);
  const tags = raw.map((t) => t.replace(/[\u0000-\u001f\u007f]/g, "").trim()).filter(Boolean);
  return [...new Set(tags)];
}

/** The media name a tag stands for: finews tags are the source's name plus 新闻. */
export function mediaNameFromTag(tag: string): string {
  const name = tag.replace(/新闻$/, "").trim();
  return name || tag;
}

/** A YAML scalar as text; objects and lists are not text. */
export function scalarText(value: unknown): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return "";
}

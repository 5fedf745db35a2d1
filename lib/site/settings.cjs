// @ts-check
/**
 * Every setting the portal takes from the environment, read in one place.
 * CommonJS so that next.config.js can require it as it is; lib/site/config.ts
 * re-exports it to TypeScript, and scripts/ use it from there.
 *
 * A value that is set but unusable (a word where a number belongs, a
 * revalidate token too short to be a secret) is never quietly replaced:
 * `settingProblems()` names it, and `npm start` refuses to start with that line.
 */
const path = require("node:path");

const KiB = 1024;
const MiB = 1024 * KiB;

/** `1`/`true` (any case) turn a switch on. */
function flag(name) {
  const value = (process.env[name] ?? "").trim().toLowerCase();
  return value === "1" || value === "true";
}

/**
 * A whole number, or `undefined` when unset. `512k` and `2M` (powers of
 * 1024) are accepted where `unit` allows them. Throws a message naming the
 * variable when the value is set but not a whole number in range.
 */
function wholeNumber(name, { min = 0, max = Number.MAX_SAFE_INTEGER, sizes = false } = {}) {
  const raw = (process.env[name] ?? "").trim();
  if (raw === "") return undefined;
  const match = /^(\d+)\s*([kKmMgG]?)(?:i?[bB])?$/.exec(raw);
  const unit = match?.[2].toLowerCase();
  if (!match || (!sizes && unit)) throw new Error(`${name}=${JSON.stringify(raw)} is not a whole number${sizes ? " of bytes (512k, 2M)" : ""}`);
  const value = Number(match[1]) * (unit === "k" ? KiB : unit === "m" ? MiB : unit === "g" ? 1024 * MiB : 1);
  if (value < min || value > max) throw new Error(`${name}=${raw} is out of range (${min}–${max})`);
  return value;
}

/** The value, or the fallback when unset; a bad value falls back too (settingProblems reports it). */
function numberOr(name, fallback, options) {
  try {
    return wholeNumber(name, options) ?? fallback;
  } catch {
    return fallback;
  }
}

const settings = {
  /** `CONTENT_DIR`: the Jekyll-layout folder to publish (default `./content`). */
  contentDir() {
    // Chosen at run time on purpose: the bundler must not trace (and ship) whatever folder this names.
    return path.resolve(/*turbopackIgnore: true*/ process.env.CONTENT_DIR || path.join(process.cwd(), "content"));
  },
  /** `CONTENT_CACHE_DIR`: the parse cache between processes (default `.cache/content`; `off` disables it). */
  contentCacheDir() {
    const value = process.env.CONTENT_CACHE_DIR;
    if (value === "off") return undefined;
    return path.resolve(/*turbopackIgnore: true*/ value || path.join(process.cwd(), ".cache", "content"));
  },
  /** `SITE_URL`: the absolute base for links that leave the page, without a trailing slash. */
  siteUrl() {
    return (process.env.SITE_URL || "http://localhost:3000").replace(/\/+$/, "");
  },
  /** `STATIC_EXPORT=1`: `npm run build` also writes every page as a file into `EXPORT_DIR` (a CDN, object store, GitHub Pages). */
  isStaticExport() {
    return flag("STATIC_EXPORT");
  },
  /** `EXPORT_DIR`: where a static export goes (default out/), absolute. */
  exportDir() {
    return path.resolve(/*turbopackIgnore: true*/ process.env.EXPORT_DIR || "out");
  },
  /** The Next.js build folder: `NEXT_DIST_DIR`, else .next. Relative, as next.config.js wants it. */
  distDirName() {
    return process.env.NEXT_DIST_DIR || ".next";
  },
  /** The build folder, absolute. */
  distDir() {
    return path.resolve(/*turbopackIgnore: true*/ settings.distDirName());
  },
  /** `NEXT_BUILD_CPUS`: workers for static generation (default: every core). */
  buildCpus() {
    return numberOr("NEXT_BUILD_CPUS", 0, { min: 1, max: 256 }) || Math.max(1, require("node:os").availableParallelism());
  },
  /** `PRERENDER_ARTICLES`: newest articles a server build prerenders (default 200). */
  prerenderArticleCount() {
    return numberOr("PRERENDER_ARTICLES", 200);
  },
  /** `PRERENDER_CATEGORIES`: busiest categories whose first page a server build prerenders (default 50). */
  prerenderCategoryCount() {
    return numberOr("PRERENDER_CATEGORIES", 50);
  },
  /** `PORT` (default 3000). */
  port() {
    return numberOr("PORT", 3000, { min: 1, max: 65535 });
  },
  /**
   * `HOST`: the address to listen on. `npm start` (a public server) listens on
   * every interface unless told; `npm run dev` (drafts!) on loopback only.
   */
  host({ dev = false } = {}) {
    const value = (process.env.HOST ?? "").trim();
    return value || (dev ? "127.0.0.1" : undefined);
  },
  /** `CONTENT_WATCH=0` turns off the content watcher of `npm start`. */
  watchesContent() {
    return (process.env.CONTENT_WATCH ?? "").trim() !== "0";
  },
  /** `REVALIDATE_TOKEN`: lets operators call POST /api/revalidate (16 characters or more), else undefined. */
  revalidateToken() {
    const value = process.env.REVALIDATE_TOKEN;
    return value && value.length >= 16 ? value : undefined;
  },
  /** `MICROCACHE_TTL_MS`: how long `npm start` reuses a page it sent, in ms (default 1000; 0 turns it off). */
  microcacheTtlMs() {
    return numberOr("MICROCACHE_TTL_MS", 1000, { max: 3_600_000 });
  },
  /** `MICROCACHE_MAX_BYTES`: memory for those pages, keys and headers counted (default 64M). */
  microcacheMaxBytes() {
    return numberOr("MICROCACHE_MAX_BYTES", 64 * MiB, { min: 64 * KiB, sizes: true });
  },
  /** `MICROCACHE_MAX_ENTRIES`: how many responses it keeps at most (default 10,000). */
  microcacheMaxEntries() {
    return numberOr("MICROCACHE_MAX_ENTRIES", 10_000, { min: 1 });
  },
  /** `NEXT_CACHE_MAX_BYTES`: memory for Next.js's rendered-page cache under `npm start` (default 64M; nothing is written to disk). */
  nextCacheMaxBytes() {
    return numberOr("NEXT_CACHE_MAX_BYTES", 64 * MiB, { min: 1 * MiB, sizes: true });
  },
  /**
   * `REDIS_URL` (`redis://host:6379`, `rediss://…`): several `npm start` instances share one page cache and one
   * freshness signal through this Redis (lib/serve/shared-cache.ts); unset, each instance works alone.
   */
  redisUrl() {
    const value = (process.env.REDIS_URL ?? "").trim();
    return /^rediss?:\/\/[^\s]+$/.test(value) ? value : undefined;
  },
  /** `MAX_POST_BYTES`: a post file larger than this is skipped, unread (default 2M). */
  maxPostBytes() {
    return numberOr("MAX_POST_BYTES", 2 * MiB, { min: 1 * KiB, sizes: true });
  },
  /** `MAX_POST_DEPTH`: deeper nesting (quotes, lists, HTML elements) is flattened to text (default 100). */
  maxPostDepth() {
    return numberOr("MAX_POST_DEPTH", 100, { min: 8, max: 1000 });
  },
};

/** Every setting that is set but unusable, one message each (empty when all are fine). */
function settingProblems() {
  const problems = [];
  const numbers = {
    NEXT_BUILD_CPUS: { min: 1, max: 256 },
    PRERENDER_ARTICLES: {},
    PRERENDER_CATEGORIES: {},
    PORT: { min: 1, max: 65535 },
    MICROCACHE_TTL_MS: { max: 3_600_000 },
    MICROCACHE_MAX_BYTES: { min: 64 * KiB, sizes: true },
    MICROCACHE_MAX_ENTRIES: { min: 1 },
    NEXT_CACHE_MAX_BYTES: { min: 1 * MiB, sizes: true },
    MAX_POST_BYTES: { min: 1 * KiB, sizes: true },
    MAX_POST_DEPTH: { min: 8, max: 1000 },
  };
  for (const [name, options] of Object.entries(numbers)) {
    try {
      wholeNumber(name, options);
    } catch (error) {
      problems.push(/** @type {Error} */ (error).message);
    }
  }
  const redis = (process.env.REDIS_URL ?? "").trim();
  if (redis !== "" && !settings.redisUrl()) problems.push(`REDIS_URL=${JSON.stringify(redis.slice(0, 80))} is not a redis:// or rediss:// URL`);
  const token = process.env.REVALIDATE_TOKEN;
  if (token !== undefined && token !== "" && token.length < 16) {
    problems.push(`REVALIDATE_TOKEN is ${token.length} characters long; it must have 16 or more (openssl rand -hex 24 makes one)`);
  }
  return problems;
}

module.exports = { ...settings, settingProblems };

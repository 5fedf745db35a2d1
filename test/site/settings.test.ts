import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { settings } from "@/lib/site/config";

afterEach(() => vi.unstubAllEnvs());

describe("lib/site/settings.cjs", () => {
  it("reads sizes in bytes, k or M, and falls back to the default when unset", () => {
    vi.stubEnv("MAX_POST_BYTES", "");
    expect(settings.maxPostBytes()).toBe(2 * 1024 * 1024);
    vi.stubEnv("MAX_POST_BYTES", "512k");
    expect(settings.maxPostBytes()).toBe(512 * 1024);
    vi.stubEnv("MAX_POST_BYTES", "4M");
    expect(settings.maxPostBytes()).toBe(4 * 1024 * 1024);
    vi.stubEnv("MAX_POST_BYTES", "100000");
    expect(settings.maxPostBytes()).toBe(100_000);
  });

  it("names every value that is set but unusable, and only those", () => {
    vi.stubEnv("MAX_POST_BYTES", "lots");
    vi.stubEnv("MICROCACHE_TTL_MS", "1s");
    vi.stubEnv("PORT", "70000");
    vi.stubEnv("REVALIDATE_TOKEN", "short");
    vi.stubEnv("MAX_POST_DEPTH", "50");
    expect(settings.settingProblems()).toEqual([
      'PORT=70000 is out of range (1–65535)',
      'MICROCACHE_TTL_MS="1s" is not a whole number',
      'MAX_POST_BYTES="lots" is not a whole number of bytes (512k, 2M)',
      "REVALIDATE_TOKEN is 5 characters long; it must have 16 or more (openssl rand -hex 24 makes one)",
    ]);
    // An unusable value is never used: the default stands (and npm start refuses to start).
    expect(settings.maxPostBytes()).toBe(2 * 1024 * 1024);
    expect(settings.revalidateToken()).toBeUndefined();
  });

  it("takes REDIS_URL only as a redis:// or rediss:// URL, and names anything else", () => {
    vi.stubEnv("REDIS_URL", "");
    expect(settings.redisUrl()).toBeUndefined();
    expect(settings.settingProblems()).toEqual([]);
    vi.stubEnv("REDIS_URL", " redis://127.0.0.1:6379 ");
    expect(settings.redisUrl()).toBe("redis://127.0.0.1:6379");
    vi.stubEnv("REDIS_URL", "rediss://user:pw@cache.example:6380/1");
    expect(settings.redisUrl()).toBe("rediss://user:pw@cache.example:6380/1");
    vi.stubEnv("REDIS_URL", "127.0.0.1:6379");
    expect(settings.redisUrl()).toBeUndefined();
    expect(settings.settingProblems()).toEqual(['REDIS_URL="127.0.0.1:6379" is not a redis:// or rediss:// URL']);
  });

  it("binds the dev server to loopback and npm start to every interface unless HOST says otherwise", () => {
    vi.stubEnv("HOST", "");
    expect(settings.host({ dev: true })).toBe("127.0.0.1");
    expect(settings.host()).toBeUndefined();
    vi.stubEnv("HOST", "::1");
    expect(settings.host({ dev: true })).toBe("::1");
    expect(settings.host()).toBe("::1");
  });

  it("builds Next.js into .next (or NEXT_DIST_DIR) and a static export into out/ (or EXPORT_DIR)", () => {
    vi.stubEnv("NEXT_DIST_DIR", "");
    vi.stubEnv("EXPORT_DIR", "");
    vi.stubEnv("STATIC_EXPORT", "1");
    expect(settings.distDirName()).toBe(".next");
    expect(settings.exportDir()).toBe(path.resolve("out"));
    vi.stubEnv("NEXT_DIST_DIR", ".next-x");
    vi.stubEnv("EXPORT_DIR", "site");
    expect(settings.distDirName()).toBe(".next-x");
    expect(settings.exportDir()).toBe(path.resolve("site"));
  });
});

import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { contentDir, siteUrl } from "@/lib/site/config";

describe("lib/site/config", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("contentDir defaults to ./content, absolute", () => {
    vi.stubEnv("CONTENT_DIR", "");
    expect(contentDir()).toBe(path.join(process.cwd(), "content"));
  });

  it("contentDir resolves CONTENT_DIR against the working directory", () => {
    vi.stubEnv("CONTENT_DIR", "some/posts");
    expect(contentDir()).toBe(path.resolve("some/posts"));
    vi.stubEnv("CONTENT_DIR", "/srv/finews");
    expect(contentDir()).toBe("/srv/finews");
  });

  it("siteUrl drops trailing slashes", () => {
    vi.stubEnv("SITE_URL", "https://news.example.com//");
    expect(siteUrl()).toBe("https://news.example.com");
  });
});

import { describe, expect, it, vi } from "vitest";
import { getContent } from "@/lib/content/content-store";
import { post, tempContentDir } from "../helpers/fixtures";

describe("lib/content/content-store", () => {
  it("loads a content folder once per process and serves the same index after", () => {
    const dir = tempContentDir({ "_posts/2021-12-08-a.md": post({ title: "A", date: "2021-12-08" }) });
    const first = getContent(dir);
    expect(first.published).toBe(1);
    expect(getContent(dir)).toBe(first);
  });

  it("reads CONTENT_DIR when no folder is given", () => {
    const dir = tempContentDir({ "_posts/2021-12-08-b.md": post({ title: "B", date: "2021-12-08" }) });
    vi.stubEnv("CONTENT_DIR", dir);
    try {
      expect(getContent().index.articles.map((a) => a.title)).toEqual(["B"]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

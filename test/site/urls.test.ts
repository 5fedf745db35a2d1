import { afterEach, describe, expect, it, vi } from "vitest";
import { urlKey } from "@/lib/content/categories";
import { absoluteUrl, articlePath, categoryPath, homePath } from "@/lib/site/urls";

describe("lib/site/urls", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it("homePath is /", () => {
    expect(homePath()).toBe("/");
  });

  it("articlePath puts the id under /articles/", () => {
    expect(articlePath({ id: "2021-12-08-202112082206735975" })).toBe("/articles/2021-12-08-202112082206735975/");
    expect(articlePath({ id: "-202205262391921712" })).toBe("/articles/-202205262391921712/");
  });

  it("categoryPath gives page 1 the category's own URL", () => {
    expect(categoryPath({ key: "emnews" })).toBe("/category/emnews/");
    expect(categoryPath({ key: "emnews" }, 1)).toBe("/category/emnews/");
    expect(categoryPath({ key: "emnews" }, 0)).toBe("/category/emnews/");
  });

  it("categoryPath puts later pages under /page/<n>", () => {
    expect(categoryPath({ key: "emnews" }, 2)).toBe("/category/emnews/page/2/");
    expect(categoryPath({ key: "emnews" }, 17)).toBe("/category/emnews/page/17/");
  });

  it("categoryPath of a messy slug's key is a single clean segment", () => {
    const path = categoryPath({ key: urlKey("../../anxinguojizhengquan(xianggang)") }, 3);
    expect(path).toMatch(/^\/category\/[a-z0-9_-]+\/page\/3\/$/);
  });

  it("absoluteUrl joins SITE_URL and a path with exactly one slash", () => {
    vi.stubEnv("SITE_URL", "https://news.example.com");
    expect(absoluteUrl("/articles/x/")).toBe("https://news.example.com/articles/x/");
    vi.stubEnv("SITE_URL", "https://news.example.com/");
    expect(absoluteUrl("/articles/x/")).toBe("https://news.example.com/articles/x/");
    vi.stubEnv("SITE_URL", "https://news.example.com/portal///");
    expect(absoluteUrl(categoryPath({ key: "emnews" }, 2))).toBe("https://news.example.com/portal/category/emnews/page/2/");
  });

  it("absoluteUrl reads SITE_URL at call time and defaults to localhost:3000", () => {
    vi.stubEnv("SITE_URL", "");
    expect(absoluteUrl("/")).toBe("http://localhost:3000/");
    vi.stubEnv("SITE_URL", "https://other.example");
    expect(absoluteUrl("/")).toBe("https://other.example/");
  });
});



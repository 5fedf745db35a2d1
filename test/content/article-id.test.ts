import { describe, expect, it } from "vitest";
import { articleIdFor, fileBaseName, typedSuffix } from "@/lib/content/article-id";

describe("lib/content/article-id", () => {
  it("fileBaseName drops folders and the extension", () => {
    expect(fileBaseName("_posts/2021/2021-12-08-x.md")).toBe("2021-12-08-x");
    expect(fileBaseName("-202205262391921712.md")).toBe("-202205262391921712");
    expect(fileBaseName("_posts/a.b.markdown")).toBe("a.b");
  });

  it("uses a clean file name as the id", () => {
    expect(articleIdFor("_posts/2021-12-08-202112082206735975.md")).toBe("2021-12-08-202112082206735975");
    expect(articleIdFor("_posts/-202205262391921712.md")).toBe("-202205262391921712");
    expect(articleIdFor("_posts/2021-12-01-init.md")).toBe("2021-12-01-init");
  });

  it("gives posts with the same slug on different days distinct ids", () => {
    expect(articleIdFor("_posts/2021-12-08-same.md")).not.toBe(articleIdFor("_posts/2021-12-09-same.md"));
  });

  it("makes a URL-safe id from a name with spaces, CJK or punctuation, distinct per name", () => {
    const names = ["2021-12-08-hello world.md", "2021-12-08-hello-world!.md", "2021-12-08-央行.md", "2021-12-08-央行降准.md", "消息.md", "a%2Fb.md"];
    const ids = names.map((n) => articleIdFor(`_posts/${n}`));
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(id).not.toContain("/");
    }
    expect(new Set(ids).size).toBe(names.length);
    expect(ids[0]).toMatch(/^2021-12-08-hello-world-[0-9a-f]{8}$/);
    expect(ids[4]).toMatch(/^post-[0-9a-f]{8}$/);
  });

  it("never gives `.` or `..` style ids", () => {
    for (const name of ["..md", "...md", ".hidden.md"]) {
      expect(articleIdFor(`_posts/${name}`)).not.toMatch(/^\./);
    }
  });

  it("rewrites an id ending in a file type a static host serves by its suffix, and leaves every other id as it was", () => {
    expect(articleIdFor("_posts/2021-12-08-x.html.md")).toBe("2021-12-08-x-html");
    expect(articleIdFor("_posts/2021-12-08-x.TXT.md")).toBe("2021-12-08-x-TXT");
    expect(articleIdFor("_posts/report.json.markdown")).toBe("report-json");
    expect(articleIdFor("_posts/archive.tar.gz.md")).toBe("archive-tar-gz");
    // Not a file type: the dot still goes (page URLs end in `/`, and a dotted last segment reads as a file).
    expect(articleIdFor("_posts/2021-12-08-v1.2.md")).toBe("2021-12-08-v1-2");
    expect(articleIdFor("_posts/a.b.markdown")).toBe("a-b");
    expect(articleIdFor("_posts/2021-12-08-202112082206735975.md")).toBe("2021-12-08-202112082206735975");
    for (const name of ["x.html.md", "x.htm.md", "x.xml.md", "x.json.md", "x.rss.md", "x.txt.md", "x.php.md", "x.png.md", "x.pdf.md"]) {
      expect(typedSuffix(articleIdFor(`_posts/${name}`)), name).toBeUndefined();
    }
    expect(typedSuffix("x.html")).toBe(".html");
  });
});

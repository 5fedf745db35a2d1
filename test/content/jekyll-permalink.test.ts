import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it, onTestFinished } from "vitest";
import { decodePostBytes } from "@/lib/content/decode";
import { splitFrontMatter } from "@/lib/content/front-matter";
import { parsePost } from "@/lib/content/parse";
import { jekyllCategories, jekyllOutputExt, jekyllOutputFile, jekyllPageUrl, jekyllPostUrl } from "@/lib/content/jekyll-permalink";
import { jekyllAvailable, jekyllBuild } from "@/e2e/support/jekyll";

const REPO_ROOT = path.resolve(import.meta.dirname, "..", "..");

/** The model's answer for a post file as the portal reads it. */
function urlOf(name: string, text: string): string | undefined {
  const decoded = decodePostBytes(new TextEncoder().encode(text));
  if (!decoded.ok) throw new Error(decoded.reason);
  const split = splitFrontMatter(decoded.text);
  return jekyllPostUrl({ relativePath: `_posts/${name}`, data: split.ok ? split.data : {}, text: decoded.text });
}

const post = (fields: string) => `---\ntitle: t\n${fields}\n---\n正文。\n`;

describe("jekyllPostUrl: what the old site's URLs were (cases seen in a real jekyll build)", () => {
  it("nests the categories a string names, downcased, with spaces and parentheses as Jekyll escaped them", () => {
    expect(urlOf("2021-12-08-202112082206735975.md", post("date: 2021-12-08 10:46:18 +0800\ncategories: emnews"))).toBe(
      "/emnews/2021/12/08/202112082206735975.html",
    );
    expect(urlOf("2023-01-06-x.md", post("date: 2023-01-06 08:00:00 +0800\ncategories: 21shijijingjibaodao 21caijingAPP"))).toBe(
      "/21shijijingjibaodao/21caijingapp/2023/01/06/x.html",
    );
    expect(urlOf("2023-01-06-x.md", post("date: 2023-01-06 08:00:00 +0800\ncategories: 21shijijingjibaodao  nancailicaitong"))).toBe(
      "/21shijijingjibaodao/nancailicaitong/2023/01/06/x.html",
    );
    expect(urlOf("2023-01-05-x.md", post("date: 2023-01-05 08:00:00 +0800\ncategories: anxinguojizhengquan(xianggang)"))).toBe(
      "/anxinguojizhengquan(xianggang)/2023/01/05/x.html",
    );
    expect(urlOf("2023-01-05-x.md", post("date: 2023-01-05 08:00:00 +0800\ncategories: Wind"))).toBe("/wind/2023/01/05/x.html");
    expect(urlOf("2023-01-05-x.md", post("date: 2023-01-05 08:00:00 +0800\ncategories: 中国 发展"))).toBe(
      "/%E4%B8%AD%E5%9B%BD/%E5%8F%91%E5%B1%95/2023/01/05/x.html",
    );
  });

  it("takes a list item by item (spaces stay inside one segment) and adds `category` unsplit", () => {
    expect(urlOf("2023-01-06-x.md", post("date: 2023-01-06T08:00:00+08:00\ncategories:\n  - 21shijijingjibaodao 21caijingAPP\n  - ignored-second"))).toBe(
      "/21shijijingjibaodao%2021caijingapp/ignored-second/2023/01/06/x.html",
    );
    expect(urlOf("2023-02-03-x.md", post('date: 2023-02-03 10:00:00 +0800\ncategory: "Sing Le"'))).toBe("/sing%20le/2023/02/03/x.html");
    expect(urlOf("2023-04-15-x.md", post("date: 2023-04-15 10:00:00 +0800\ncategories: [Foo Bar, foo bar, BAZ]"))).toBe("/foo%20bar/baz/2023/04/15/x.html");
    expect(urlOf("2023-04-12-x.md", post("date: 2023-04-12 10:00:00 +0800"))).toBe("/2023/04/12/x.html");
  });

  it("dates an unquoted timestamp without an offset as UTC, as YAML does: late evening posts are on the next day", () => {
    expect(urlOf("2023-01-05-x.md", post("date: 2023-01-05 20:00:00\ncategories: c"))).toBe("/c/2023/01/06/x.html");
    expect(urlOf("2023-01-05-x.md", post("date: 2023-01-05 15:59:59\ncategories: c"))).toBe("/c/2023/01/05/x.html");
    expect(urlOf("2023-01-05-x.md", post("date: 2023-01-05T20:00:00\ncategories: c"))).toBe("/c/2023/01/06/x.html");
    expect(urlOf("2023-01-05-x.md", post("date: 2023-01-05 22:00:00 # a comment\ncategories: c"))).toBe("/c/2023/01/06/x.html");
    // Quoted, or without seconds, or with an offset: the site's zone (or the offset), as the portal reads it.
    expect(urlOf("2023-01-05-x.md", post('date: "2023-01-05 20:00:00"\ncategories: c'))).toBe("/c/2023/01/05/x.html");
    expect(urlOf("2023-01-05-x.md", post("date: 2023-01-05 23:30\ncategories: c"))).toBe("/c/2023/01/05/x.html");
    expect(urlOf("2023-01-05-x.md", post("date: 2023-01-05 22:00:00 +8\ncategories: c"))).toBe("/c/2023/01/05/x.html");
    expect(urlOf("2023-01-05-x.md", post("date: 2023-01-05 20:00:00 +0000\ncategories: c"))).toBe("/c/2023/01/06/x.html");
    // No date: the file name's, padded.
    expect(urlOf("2023-4-6-short.md", post("categories: x"))).toBe("/x/2023/04/06/short.html");
  });

  it("slugs the file name as Jekyll's pretty mode does, keeping case, and maps the extension", () => {
    expect(urlOf("2023-04-01-A B(c)&d+e%20f'g.md", post("categories: x"))).toBe("/x/2023/04/01/A-B(c)&d+e-20f'g.html");
    expect(urlOf("2023-04-02-trail...md", post("categories: x"))).toBe("/x/2023/04/02/trail.html");
    expect(urlOf("2023-02-02-中文 名(1).md", post("date: 2023-02-02 23:30:00 +0000\ncategories: [x y, Z]"))).toBe(
      "/x%20y/z/2023/02/03/%E4%B8%AD%E6%96%87-%E5%90%8D(1).html",
    );
    expect(urlOf("2023-04-08-x.md", post("date: 2023-04-08 10:00:00 +0800\nslug: other name\ncategories: x"))).toBe("/x/2023/04/08/other-name.html");
    expect(urlOf("2023-04-09-x.html", post("date: 2023-04-09 10:00:00 +0800\ncategories: x"))).toBe("/x/2023/04/09/x.html");
    expect(urlOf("2023-04-10-x.MD", post("date: 2023-04-10 10:00:00 +0800\ncategories: x"))).toBe("/x/2023/04/10/x.html");
    expect(urlOf("2023-04-11-x.mdown", post("date: 2023-04-11 10:00:00 +0800\ncategories: x"))).toBe("/x/2023/04/11/x.mdown");
    expect(urlOf("sub/2023-04-05-nested.md", post("date: 2023-04-05 10:00:00 +0800\ncategories: x"))).toBe("/x/2023/04/05/nested.html");
  });

  it("escapes what is not a path character, and sanitizes `..` and `./` as Jekyll did", () => {
    expect(urlOf("2023-03-01-x.md", post('date: 2023-03-01 10:00:00 +0800\ncategories: "a#b#c"'))).toBe("/a%23b%23c/2023/03/01/x.html");
    expect(urlOf("2023-03-01-x.md", post('date: 2023-03-01 10:00:00 +0800\ncategories: "a%20b"'))).toBe("/a%2520b/2023/03/01/x.html");
    expect(urlOf("2023-03-01-x.md", post('date: 2023-03-01 10:00:00 +0800\ncategories: "a<b>|[c]"'))).toBe("/a%3Cb%3E%7C%5Bc%5D/2023/03/01/x.html");
    expect(urlOf("2023-03-01-x.md", post('date: 2023-03-01 10:00:00 +0800\ncategories: "ΑΣ"'))).toBe("/%CE%B1%CF%83/2023/03/01/x.html");
    expect(urlOf("2023-03-01-x.md", post('date: 2023-03-01 10:00:00 +0800\ncategories: "../../x/\\u0007etc"'))).toBe("/x/%07etc/2023/03/01/x.html");
    expect(urlOf("2023-03-01-x.md", post('date: 2023-03-01 10:00:00 +0800\ncategories: "co."'))).toBe("/co2023/03/01/x.html");
    expect(urlOf("2023-03-01-x.md", post('date: 2023-03-01 10:00:00 +0800\ncategories: "http:x"'))).toBe("/http:x/2023/03/01/x.html");
  });

  it("gives no URL where Jekyll gave none one can request", () => {
    expect(urlOf("-202205262391921712.md", post("date: 2022-05-26 10:00:00 +0800\ncategories: emnews"))).toBeUndefined();
    expect(urlOf("_2023-01-05-x.md", post("categories: x"))).toBeUndefined();
    expect(urlOf("2023-01-05-x.md~", post("categories: x"))).toBeUndefined();
    expect(urlOf("2023-01-05-x.md", post("categories: x\npermalink: /elsewhere/"))).toBeUndefined();
    expect(urlOf("2023-01-05-x.md", post("categories: x\ndate:"))).toBeUndefined(); // Jekyll stopped: "Invalid date ''"
    expect(urlOf("2023-01-05-x.md", post('categories: "a?b"'))).toBeUndefined(); // the rest of the URL became a query
    expect(urlOf("2023-01-05-x.md", post('categories: "中:x"'))).toBeUndefined(); // Jekyll stopped: "Invalid scheme format"
    expect(urlOf("2023-01-05-x.md", post('categories: ["/", "a}]"]'))).toBeUndefined(); // `//a}]` is a host to Jekyll: "Invalid character in host"
    expect(urlOf("2023-01-05-x.md", post("categories: {a: b}"))).toBeUndefined();
    expect(urlOf("2023-01-05-x.md", "\n" + post("categories: x"))).toBe("/2023/01/05/x.html"); // no front matter to Jekyll
  });

  it("builds the old category pages' URLs", () => {
    expect(jekyllPageUrl("category", "Wind.html")).toBe("/category/Wind.html");
    expect(jekyllPageUrl("category", "21shijijingjibaodao 21caijingAPP.html")).toBe("/category/21shijijingjibaodao%2021caijingAPP.html");
    expect(jekyllPageUrl("category", "anxinguojizhengquan(xianggang).html")).toBe("/category/anxinguojizhengquan(xianggang).html");
    expect(jekyllPageUrl("category", "中:x.html")).toBeUndefined();
    expect(jekyllPageUrl("category", "].html")).toBe("/category/%5D.html");
    expect(jekyllPageUrl("category", "_x.html")).toBeUndefined();
  });

  it("names the file Jekyll wrote for a URL", () => {
    expect(jekyllOutputFile("/21shijijingjibaodao%2021caijingapp/ignored-second/2023/01/06/x.html", ".html")).toBe("21shijijingjibaodao 21caijingapp/ignored-second/2023/01/06/x.html");
    expect(jekyllOutputFile("/a/2023/01/05/b/html", ".html")).toBe("a/2023/01/05/b/html.html");
    expect(jekyllOutputFile("/category/", ".html")).toBe("category/index.html");
  });
});

/**
 * The model against the real thing: generated categories, file names and
 * dates, one `jekyll build`, every post's URL compared. Needs Debian's
 * `jekyll` (`.ci/run` installs it).
 */
describe.runIf(jekyllAvailable())("jekyllPostUrl agrees with a real jekyll build", () => {
  const SEGMENT_CHARS = [..."aAzZ09", "中", "发", "Ｂ", "Ü", "U\u0308", "Σ", "é", " ", "  ", "(", ")", "&", "+", "'", ".", "..", "-", "_", "~", "#", "%", "%20", "[", "]", "{", "}", "|", "^", "`", '"', "<", ">", "!", "$", "*", ",", ";", "=", "@", "/", "?", "\t"];
  // Quoted here (JSON), so `~` is text to Jekyll, while the portal's failsafe reading takes it as the nil one writes unquoted.
  const text = (max: number) =>
    fc
      .array(fc.constantFrom(...SEGMENT_CHARS), { minLength: 1, maxLength: max })
      .map((parts) => parts.join(""))
      .filter((t) => t !== "~");
  const fileSlug = fc.array(fc.constantFrom(..."aZ09中Ｂé (&+'.-_~#%![]"), { minLength: 1, maxLength: 8 }).map((p) => p.join(""));
  const date = fc.oneof(
    fc.constant(undefined),
    fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom("", " +0800", " +08:00", "Z", " -0500", " +8")).map(([h, zone]) => `2023-01-05 ${String(h).padStart(2, "0")}:30:00${zone}`),
    fc.integer({ min: 0, max: 23 }).map((h) => `"2023-01-05 ${String(h).padStart(2, "0")}:30:00"`),
    fc.integer({ min: 0, max: 23 }).map((h) => `2023-01-05T${String(h).padStart(2, "0")}:30:00`),
    fc.constant("2023-01-05"),
  );
  const categories = fc.oneof(
    text(12).map((c) => `categories: ${JSON.stringify(c)}`),
    fc.array(text(8), { minLength: 1, maxLength: 3 }).map((list) => `categories: ${JSON.stringify(list)}`),
    fc.tuple(text(6), text(6)).map(([c, one]) => `categories: ${JSON.stringify(c)}\ncategory: ${JSON.stringify(one)}`),
  );
  const cases = fc.sample(fc.record({ slug: fileSlug, date, categories }), { seed: 20260101, numRuns: 500 });

  it("for every generated post, the URL Jekyll wrote and the file it wrote it to", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "finews-jekyll-urls-"));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const src = path.join(root, "src");
    mkdirSync(path.join(src, "_posts"), { recursive: true });
    writeFileSync(path.join(src, "_config.yml"), "timezone: Asia/Shanghai\n");
    writeFileSync(path.join(src, "urls.txt"), "---\n---\n{% for p in site.posts %}{{ p.path }}\t{{ p.url }}\n{% endfor %}");
    const expected = new Map<string, string | undefined>();
    const shown = new Map<string, string>();
    cases.forEach((c, i) => {
      const name = `2023-01-${String((i % 28) + 1).padStart(2, "0")}-${i}${c.slug}.md`;
      const body = `---\ntitle: t${i}\n${c.date === undefined ? "" : `date: ${c.date}\n`}${c.categories}\n---\nx\n`;
      // Categories that begin like a URL scheme (`x:`) or host (`//`) can stop the whole build; hand-written cases above.
      const split = splitFrontMatter(body);
      const joined = (split.ok && jekyllCategories(split.data)?.join("/")) || "";
      if (/^[^/?#]*:/.test(joined) || joined.startsWith("//")) return;
      writeFileSync(path.join(src, "_posts", name), body);
      expected.set(`_posts/${name}`, urlOf(name, body));
      shown.set(`_posts/${name}`, body);
    });
    jekyllBuild(src, path.join(root, "site"));
    const actual = new Map(
      readFileSync(path.join(root, "site", "urls.txt"), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split("\t") as [string, string]),
    );
    let compared = 0;
    for (const [file, url] of expected) {
      const real = actual.get(file);
      if (url === undefined) {
        // No URL one can request: Jekyll's has a `?`, and the rest of it became a query.
        if (real !== undefined) expect(real.includes("?"), `${file}\n${shown.get(file)}\n→ ${real}`).toBe(true);
        continue;
      }
      expect(real, `${file}\n${shown.get(file)}`).toBe(url);
      const written = jekyllOutputFile(url, jekyllOutputExt(path.extname(file)));
      expect(written !== undefined && existsSync(path.join(root, "site", written)), `${url} written as ${written}`).toBe(true);
      compared++;
    }
    expect(compared).toBeGreaterThan(250);
  });

  it("for the category pages", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "finews-jekyll-pages-"));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const src = path.join(root, "src");
    mkdirSync(path.join(src, "category"), { recursive: true });
    writeFileSync(path.join(src, "urls.txt"), "---\n---\n{% for p in site.pages %}{{ p.path }}\t{{ p.url }}\n{% endfor %}");
    const slugs = fc.sample(text(10), { seed: 7, numRuns: 150 }).filter((s) => !s.includes("/") && !s.includes(":") && !/^[._#~]/.test(s));
    for (const slug of new Set(slugs)) writeFileSync(path.join(src, "category", `${slug}.html`), `---\ntitle: t\n---\n`);
    jekyllBuild(src, path.join(root, "site"));
    const actual = new Map(
      readFileSync(path.join(root, "site", "urls.txt"), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split("\t") as [string, string]),
    );
    let compared = 0;
    for (const slug of new Set(slugs)) {
      const real = actual.get(`category/${slug}.html`);
      if (real === undefined) continue; // a name Jekyll's reader skips (ending in `~` or `.`)
      const url = jekyllPageUrl("category", `${slug}.html`);
      if (url === undefined) expect(real.includes("?"), `${slug} → ${real}`).toBe(true);
      else {
        expect(real, slug).toBe(url);
        const written = jekyllOutputFile(url, ".html");
        expect(written !== undefined && existsSync(path.join(root, "site", written)), `${url} written as ${written}`).toBe(true);
      }
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });
});

/**
 * The repo's own posts (the bundled content and the e2e fixture site),
 * through real Jekyll: every post the portal publishes has the URL Jekyll
 * gave it, or none when Jekyll gave it none.
 */
describe.runIf(jekyllAvailable())("jekyllPostUrl on the repo's posts", () => {
  it("matches jekyll build for content/_posts and e2e/fixtures/jekyll-site/_posts", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "finews-jekyll-repo-"));
    onTestFinished(() => rmSync(root, { recursive: true, force: true }));
    const src = path.join(root, "src");
    mkdirSync(path.join(src, "_posts"), { recursive: true });
    writeFileSync(path.join(src, "_config.yml"), "timezone: Asia/Shanghai\nfuture: true\n");
    writeFileSync(path.join(src, "urls.txt"), "---\n---\n{% for p in site.posts %}{{ p.path }}\t{{ p.url }}\n{% endfor %}");
    const expected = new Map<string, string | undefined>();
    for (const dir of [path.join(REPO_ROOT, "content", "_posts"), path.join(REPO_ROOT, "e2e", "fixtures", "jekyll-site", "_posts")]) {
      for (const name of readdirSync(dir)) {
        const bytes = readFileSync(path.join(dir, name));
        writeFileSync(path.join(src, "_posts", name), bytes);
        const result = parsePost({ path: path.join(dir, name), relativePath: `_posts/${name}`, bytes: new Uint8Array(bytes), mtimeMs: 0 });
        // Jekyll builds no page for `published: false`; the portal publishes none either.
        if (result.ok && !result.post.unpublished) expected.set(`_posts/${name}`, result.post.jekyllUrl);
      }
    }
    jekyllBuild(src, path.join(root, "site"));
    const actual = new Map(
      readFileSync(path.join(root, "site", "urls.txt"), "utf8")
        .split("\n")
        .filter(Boolean)
        .map((line) => line.split("\t") as [string, string]),
    );
    for (const [file, url] of expected) expect(url, file).toBe(actual.get(file));
    // What the fixture site holds: a list of categories nests them all; the traversal attempt is sanitized as Jekyll did.
    expect(expected.get("_posts/2023-01-06-202301060001.md")).toBe("/21shijijingjibaodao%2021caijingapp/ignored-second/2023/01/06/202301060001.html");
    expect(expected.get("_posts/2023-01-07-traversal.md")).toBe("/x/%07etc/2023/01/07/traversal.html");
    expect(expected.get("_posts/-202205262391921712.md")).toBeUndefined();
    expect(expected.size).toBeGreaterThan(55);
  });
});

import path from "node:path";
import fc from "fast-check";
import { parse } from "parse5";
import { describe, expect, it } from "vitest";
import { buildIndex } from "@/lib/content/content-index";
import { loadContent } from "@/lib/content/load-content";
import { parsePost } from "@/lib/content/parse";
import type { ParsedPost } from "@/lib/content/types";
import { type LegacyRedirect, legacyRedirects, redirectPageHtml, redirectsFile } from "@/lib/export/legacy-redirects";
import { legacyCategoryPath, legacyPath, legacyPostPath } from "@/lib/site/legacy-urls";
import { articlePath, categoryPath } from "@/lib/site/urls";
import { textSource } from "../helpers/fixtures";

const FIXTURE_SITE = path.resolve(import.meta.dirname, "..", "..", "e2e", "fixtures", "jekyll-site");
const NOW = Date.UTC(2030, 0, 1);

/** Posts as the parser reads them (their old URL included), indexed as the site would be. */
function indexOf(posts: Record<string, string>) {
  const parsed: ParsedPost[] = [];
  for (const [name, text] of Object.entries(posts)) {
    const result = parsePost(textSource(`_posts/${name}`, text));
    if (!result.ok) throw new Error(`${name}: ${result.problems.map((p) => p.reason).join("; ")}`);
    parsed.push(result.post);
  }
  return buildIndex(parsed, new Map(), { now: NOW });
}

const post = (categories: string, date = "2021-12-08 10:00:00 +0800") => `---\ntitle: t\ndate: ${date}\ncategories: ${categories}\ntags: 测试新闻\n---\n正文。\n\n<https://example.com/a>\n`;

/** What must hold of every redirect's file, whatever the content: a plain relative path inside the export. */
function expectPlainFile(file: string) {
  const out = path.resolve("/srv/out");
  expect(path.resolve(out, file).startsWith(`${out}${path.sep}`), file).toBe(true);
  expect(file.startsWith("/"), file).toBe(false);
  expect(file, file).not.toMatch(/[\u0000-\u001f\u007f-\u009f\\]/);
  expect(file.split("/").some((s) => s === "" || s === "." || s === ".."), file).toBe(false);
  expect(file, file).toMatch(/\.html?$/i);
}

describe("legacyRedirects on the e2e fixture site", () => {
  const { index } = loadContent(FIXTURE_SITE, new Map(), { now: NOW });
  const { redirects, skipped } = legacyRedirects(index);
  const byFrom = new Map(redirects.map((r) => [r.from, r]));
  const byId = (id: string) => articlePath(index.byId.get(id)!);
  const category = (slug: string) => categoryPath(index.categories.find((c) => c.category.slug === slug)!.category);

  it("writes a page at every old post URL, nested categories and parentheses as Jekyll wrote them", () => {
    expect(byFrom.get("/21shijijingjibaodao%2021caijingapp/ignored-second/2023/01/06/202301060001.html")).toEqual({
      from: "/21shijijingjibaodao%2021caijingapp/ignored-second/2023/01/06/202301060001.html",
      file: "21shijijingjibaodao 21caijingapp/ignored-second/2023/01/06/202301060001.html",
      to: byId("2023-01-06-202301060001"),
      kind: "post",
    });
    expect(byFrom.get("/anxinguojizhengquan(xianggang)/2023/01/05/202301050001.html")?.to).toBe(byId("2023-01-05-202301050001"));
    expect(byFrom.get("/wind/2023/01/05/wind-bonds.html")?.to).toBe(byId("2023-01-05-wind-bonds"));
    expect(byFrom.get("/wind/2023/01/09/202301090001.html")?.to).toBe(byId("2023-01-09-202301090001"));
    // Not public: no redirect (Jekyll built no page either).
    expect(redirects.some((r) => r.from.includes("unpublished") || r.from.includes("scheduled"))).toBe(false);
  });

  it("writes the old category pages, spaces and parentheses included, and the category folders", () => {
    expect(byFrom.get("/category/21shijijingjibaodao%2021caijingAPP.html")).toEqual({
      from: "/category/21shijijingjibaodao%2021caijingAPP.html",
      file: "category/21shijijingjibaodao 21caijingAPP.html",
      to: category("21shijijingjibaodao 21caijingAPP"),
      kind: "category page",
    });
    expect(byFrom.get("/category/anxinguojizhengquan(xianggang).html")?.to).toBe(category("anxinguojizhengquan(xianggang)"));
    expect(byFrom.get("/category/Wind.html")?.to).toBe(category("Wind"));
    expect(byFrom.get("/wind/")).toEqual({ from: "/wind/", file: "wind/index.html", to: category("Wind"), kind: "category folder" });
    expect(byFrom.get("/21shijijingjibaodao%2021caijingapp/ignored-second/")?.to).toBe(category("21shijijingjibaodao 21caijingAPP"));
  });

  it("skips the traversal attempt, naming why, and every file it writes is a plain path in the export", () => {
    const traversal = skipped.filter((s) => s.to === byId("2023-01-07-traversal") || s.to === category("../../x/etc"));
    // Jekyll's URL is /x/%07etc/2023/01/07/traversal.html: the `..` are gone, the BEL is not. (No old page has a `/` in its name.)
    expect(traversal.map((s) => [s.kind, s.from, s.reason])).toEqual([
      ["post", "/x/%07etc/2023/01/07/traversal.html", "its path holds a control character"],
      ["category folder", "/x/%07etc/", "its path holds a control character"],
    ]);
    for (const r of redirects) expectPlainFile(r.file);
    const folded = redirects.map((r) => r.file.normalize("NFC").toLowerCase());
    expect(new Set(folded).size).toBe(folded.length);
  });

  it("agrees with what npm start answers at the same old URLs (lib/site/legacy-urls.ts)", () => {
    expect(redirects.length).toBeGreaterThan(10);
    for (const r of redirects) {
      expect(legacyPath(index, r.from), r.from).toBe(r.to);
      // As some servers hand the path over: decoded.
      expect(legacyPath(index, `/${r.file.replace(/(^|\/)index\.html$/, "$1")}`), r.file).toBe(r.to);
    }
    // The routes npm start has today: five segments for a post, one for a folder, category/<x>.html.
    expect(legacyPostPath(index, { year: "2023", month: "01", day: "05", file: "wind-bonds.html" })).toBe(byId("2023-01-05-wind-bonds"));
    expect(legacyCategoryPath(index, "wind")).toBe(category("Wind"));
    expect(legacyCategoryPath(index, "21shijijingjibaodao%2021caijingAPP.html")).toBe(category("21shijijingjibaodao 21caijingAPP"));
  });

  it("is deterministic", () => {
    expect(legacyRedirects(loadContent(FIXTURE_SITE, new Map(), { now: NOW }).index)).toEqual({ redirects, skipped });
  });
});

describe("legacyRedirects never writes over the new site or another redirect", () => {
  it("skips old URLs under a name of the new site, and says so", () => {
    const index = indexOf({
      "2021-12-08-a.md": post("articles"),
      "2021-12-08-b.md": post("search"),
      "2021-12-08-c.md": post("_next"),
      "2021-12-08-d.md": post("js"),
      "2021-12-08-e.md": post("search-index"),
      "2021-12-08-f.md": post("tags"),
      "2021-12-08-g.md": post("sources"),
      "2021-12-08-h.md": post("category"),
      "2021-12-08-i.md": post("404.html"),
      "2021-12-08-j.md": post("Feed.xml"),
      "2021-12-08-k.md": post("sitemaps"),
      "2021-12-08-l.md": post("emnews"),
    });
    const { redirects, skipped } = legacyRedirects(index);
    const postsSkipped = skipped.filter((s) => s.kind === "post").map((s) => s.from.split("/")[1]);
    expect(postsSkipped.sort()).toEqual(["404.html", "_next", "articles", "category", "feed.xml", "js", "search", "search-index", "sitemaps", "sources", "tags"]);
    for (const s of skipped.filter((s) => s.kind !== "category page")) expect(s.reason).toMatch(/^'[^']+' is a folder or file of the new site$/);
    expect(redirects.filter((r) => r.kind === "post").map((r) => r.file)).toEqual(["emnews/2021/12/08/l.html"]);
    expect(redirects.some((r) => r.file.split("/")[0].toLowerCase() === "articles")).toBe(false);
  });

  it("leaves an old category page alone where the new page of that category is the same file", () => {
    const index = indexOf({ "2021-12-08-a.md": post("emnews") });
    const { redirects, skipped } = legacyRedirects(index);
    const newPage = categoryPath(index.categories[0].category);
    if (newPage.endsWith("/")) {
      // Directory URLs (`/category/emnews/`): the old `category/emnews.html` is free for a redirect page.
      expect(redirects.find((r) => r.kind === "category page")?.file).toBe("category/emnews.html");
    } else {
      // `/category/emnews` is written as category/emnews.html: the old URL already serves the category's page.
      expect(redirects.some((r) => r.kind === "category page")).toBe(false);
      expect(skipped).toEqual([]);
    }
  });

  it("keeps the first of two redirects that would share a file, also where only case tells them apart", () => {
    const index = indexOf({
      "2021-12-08-a.md": post("Wind"),
      "2021-12-09-b.md": post("Wind", "2021-12-09 10:00:00 +0800"),
      "2021-12-10-c.md": post("WIND", "2021-12-10 10:00:00 +0800"),
    });
    const { redirects, skipped } = legacyRedirects(index);
    const Wind = categoryPath(index.categories.find((c) => c.category.slug === "Wind")!.category);
    const WIND = categoryPath(index.categories.find((c) => c.category.slug === "WIND")!.category);
    expect(redirects.filter((r) => r.kind === "category page").map((r) => [r.file, r.to])).toEqual([["category/Wind.html", Wind]]);
    expect(skipped.map((s) => [s.from, s.to, s.reason])).toEqual([["/category/WIND.html", WIND, `its file is the redirect's from /category/Wind.html (to ${Wind})`]]);
    // Jekyll downcased both into one folder: the busier category has it.
    expect(redirects.filter((r) => r.kind === "category folder").map((r) => [r.file, r.to])).toEqual([["wind/index.html", Wind]]);
  });

  it("writes one of two old category pages that differ only in case, and names the other", () => {
    const index = indexOf({ "2021-12-08-a.md": post("Wind"), "2021-12-09-b.md": post("wind", "2021-12-09 10:00:00 +0800") });
    const { redirects, skipped } = legacyRedirects(index);
    // The new pages are folders (category/<key>/index.html): only the two old files can meet, on a case-insensitive disk.
    const pages = redirects.filter((r) => r.kind === "category page").map((r) => r.file);
    expect(pages).toHaveLength(1);
    expect(["category/Wind.html", "category/wind.html"]).toContain(pages[0]);
    const other = skipped.filter((s) => s.kind === "category page");
    expect(other).toHaveLength(1);
    expect(other[0].reason).toContain(pages[0] === "category/wind.html" ? "/category/wind.html" : "/category/Wind.html");
  });

  it("keeps one of two posts Jekyll wrote to one URL, and never puts a file where another redirect needs a folder", () => {
    const index = indexOf({
      "a/2021-12-08-x.md": post("q"),
      "b/2021-12-08-x.md": post("q"),
      "2021-12-08-z.md": post("q"),
      "2021-12-09-w.md": post('"q/2021/12/08/z.html"', "2021-12-09 10:00:00 +0800"),
    });
    const { redirects, skipped } = legacyRedirects(index);
    // Newest first: w (12-09) keeps its URL, whose folders include z's file.
    expect(redirects.filter((r) => r.kind === "post").map((r) => r.file)).toEqual(["q/2021/12/08/x.html", "q/2021/12/08/z.html/2021/12/09/w.html"]);
    expect(skipped.map((s) => [s.from, s.reason])).toEqual([
      ["/q/2021/12/08/x.html", expect.stringMatching(/^its file is the redirect's from \/q\/2021\/12\/08\/x\.html \(to \/articles\//)],
      ["/q/2021/12/08/z.html", "its file is a folder of the redirect from /q/2021/12/08/z.html/2021/12/09/w.html"],
      ["/category/q/2021/12/08/z.html.html", "its path is inside the new site's category folders"],
    ]);
  });

  it("finds the old folder of a category that holds a line separator (U+2028): Jekyll keeps it, and the server must too", () => {
    const index = indexOf({ "2021-12-08-a.md": post(JSON.stringify("\u2028..")) });
    const { redirects } = legacyRedirects(index);
    const folder = redirects.find((r) => r.kind === "category folder");
    expect(folder?.from).toBe("/%E2%80%A8/");
    expect(legacyPath(index, folder!.from)).toBe(folder!.to);
  });

  it("writes only plain paths inside the export, whatever the categories and file names (hostile content)", () => {
    const nasty = ["..", "../", "/", "\\", "..\\", "%2e%2e", "%2f", "%00", "\u0000", "\u0007", "\u202e", ":", "?", "#", " ", "  ", "\t", ".", "~", "_", "ｆ", "İ", "中文", "(", ")", "articles", "category", "CON", "a".repeat(300)];
    const piece = fc.oneof(fc.constantFrom(...nasty), fc.string({ unit: "grapheme", maxLength: 6 }));
    const text = fc.array(piece, { minLength: 1, maxLength: 6 }).map((p) => p.join(""));
    fc.assert(
      fc.property(fc.array(fc.record({ categories: text, slug: text, list: fc.boolean() }), { minLength: 1, maxLength: 8 }), (posts) => {
        const parsed: ParsedPost[] = [];
        posts.forEach(({ categories, slug, list }, i) => {
          const name = `${i}-${slug}`.replace(/[/\u0000]/g, "_");
          const value = list ? JSON.stringify([categories, slug]) : JSON.stringify(categories);
          const result = parsePost(textSource(`_posts/2021-12-08-${name}.md`, post(value)));
          if (result.ok) parsed.push(result.post);
        });
        const index = buildIndex(parsed, new Map(), { now: NOW });
        const { redirects, skipped } = legacyRedirects(index);
        for (const r of redirects) {
          expectPlainFile(r.file);
          expect(r.from.startsWith("/")).toBe(true);
          expect(r.to.startsWith("/")).toBe(true);
          expect(r.file.split("/")[0].toLowerCase()).not.toBe("articles");
          expect(legacyPath(index, r.from)).toBe(r.to);
        }
        const folded = redirects.map((r) => r.file.normalize("NFC").toLowerCase());
        expect(new Set(folded).size).toBe(folded.length);
        for (const s of skipped) expect(s.reason).toMatch(/^\S.*\S$/);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 300) },
    );
  });
});

/** The elements of a document, as parse5 (a browser's parser) builds them. */
function elements(html: string): { tag: string; attrs: Record<string, string> }[] {
  const out: { tag: string; attrs: Record<string, string> }[] = [];
  const walk = (node: { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: unknown[] }) => {
    if (node.attrs) out.push({ tag: node.nodeName, attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])) });
    for (const child of (node.childNodes ?? []) as (typeof node)[]) walk(child);
  };
  walk(parse(html) as never);
  return out;
}

describe("redirectPageHtml", () => {
  it("sends the reader on with a refresh, names the new page as canonical, asks not to be indexed, and links it", () => {
    const html = redirectPageHtml("/articles/2023-01-06-x", "https://news.example.com/articles/2023-01-06-x");
    const els = elements(html);
    expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
    expect(els.find((e) => e.tag === "html")?.attrs.lang).toBe("zh-CN");
    expect(html.indexOf('<meta charset="utf-8">')).toBeLessThan(1024);
    expect(els.find((e) => e.tag === "meta" && e.attrs["http-equiv"] === "refresh")?.attrs.content).toBe("0; url=/articles/2023-01-06-x");
    expect(els.find((e) => e.tag === "link" && e.attrs.rel === "canonical")?.attrs.href).toBe("https://news.example.com/articles/2023-01-06-x");
    expect(els.find((e) => e.tag === "meta" && e.attrs.name === "robots")?.attrs.content).toBe("noindex");
    expect(els.filter((e) => e.tag === "a").map((e) => e.attrs.href)).toEqual(["/articles/2023-01-06-x", "/articles/2023-01-06-x"]);
    expect(html).toContain("此页面已迁移");
    expect(els.some((e) => e.tag === "script")).toBe(false);
    expect(html).not.toMatch(/<script|\sstyle=|\son\w+=/i);
  });

  it("follows the base path and trailing slashes urls.ts gives", () => {
    const html = redirectPageHtml("/finews/category/emnews/page/2/", "https://user.github.io/finews/category/emnews/page/2/");
    expect(elements(html).find((e) => e.attrs["http-equiv"] === "refresh")?.attrs.content).toBe("0; url=/finews/category/emnews/page/2/");
  });

  it("escapes every value: quotes, angle brackets and spaces never leave the attribute", () => {
    const html = redirectPageHtml("/articles/a\"><script>alert(1)</script> 'x'", "https://news.example.com/a\"><img src=x onerror=alert(1)>");
    const els = elements(html);
    expect(els.some((e) => e.tag === "script" || e.tag === "img")).toBe(false);
    expect(els.filter((e) => e.tag === "a")).toHaveLength(2);
    const refresh = els.find((e) => e.attrs["http-equiv"] === "refresh")!.attrs.content;
    expect(refresh).toBe("0; url=/articles/a%22%3E%3Cscript%3Ealert(1)%3C/script%3E%20%27x%27");
  });

  it("refuses a target that is not a path of the site, or a canonical that is not absolute http(s)", () => {
    for (const to of ["//evil.example/x", "/\\evil.example", "javascript:alert(1)", "https://evil.example/", "articles/x", ""]) {
      expect(() => redirectPageHtml(to, "https://news.example.com/"), to).toThrow(/must be a path of the site/);
    }
    for (const abs of ["/articles/x", "javascript:alert(1)", "ftp://x/", "https:///x"]) {
      expect(() => redirectPageHtml("/articles/x", abs), abs).toThrow(/must be absolute http/);
    }
  });
});

describe("redirectsFile", () => {
  const redirects: Pick<LegacyRedirect, "from" | "to">[] = [
    { from: "/21shijijingjibaodao%2021caijingapp/ignored-second/2023/01/06/x.html", to: "/articles/2023-01-06-x" },
    { from: "/category/21shijijingjibaodao%2021caijingAPP.html", to: "/category/21shijijingjibaodao-21caijingapp-1a2b3c4d" },
    { from: "/%E4%B8%AD%E5%9B%BD/2023/01/05/x.html", to: "/articles/2023-01-05-x" },
    { from: "/http:x/2023/01/05/*.html", to: "/articles/y" },
  ];

  it("writes one `/from /to 301` a line, percent-encoded, in the order given", () => {
    expect(redirectsFile(redirects)).toBe(
      [
        "/21shijijingjibaodao%2021caijingapp/ignored-second/2023/01/06/x.html /articles/2023-01-06-x 301",
        "/category/21shijijingjibaodao%2021caijingAPP.html /category/21shijijingjibaodao-21caijingapp-1a2b3c4d 301",
        "/%E4%B8%AD%E5%9B%BD/2023/01/05/x.html /articles/2023-01-05-x 301",
        "/http%3Ax/2023/01/05/%2A.html /articles/y 301",
        "",
      ].join("\n"),
    );
    // A decoded from (a space, CJK) is encoded too: a space would end the field.
    expect(redirectsFile([{ from: "/a b/中.html", to: "/x" }])).toBe("/a%20b/%E4%B8%AD.html /x 301\n");
  });

  it("puts the base path before each old URL (the new path from urls.ts already has it)", () => {
    expect(redirectsFile(redirects.slice(0, 1), "/finews")).toBe("/finews/21shijijingjibaodao%2021caijingapp/ignored-second/2023/01/06/x.html /articles/2023-01-06-x 301\n");
    expect(redirectsFile(redirects.slice(0, 1), "/finews/")).toBe(redirectsFile(redirects.slice(0, 1), "/finews"));
    for (const bad of ["finews", "/fi news", "/../x", "//x"]) expect(() => redirectsFile(redirects, bad), bad).toThrow(/base path/);
  });

  it("lists the fixture site's redirects deterministically", () => {
    const { index } = loadContent(FIXTURE_SITE, new Map(), { now: NOW });
    const file = redirectsFile(legacyRedirects(index).redirects);
    expect(file).toBe(redirectsFile(legacyRedirects(loadContent(FIXTURE_SITE, new Map(), { now: NOW }).index).redirects));
    for (const line of file.trimEnd().split("\n")) expect(line).toMatch(/^\/\S+ \/\S+ 301$/);
  });
});

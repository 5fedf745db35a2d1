import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPagesHost } from "@/e2e/support/pages-host";

const FILES: Record<string, string> = {
  "index.html": "<!DOCTYPE html>home",
  "404.html": "<!DOCTYPE html>not found page",
  "search.html": "<!DOCTYPE html>search page",
  "search/data.json": '{"a":1}',
  "articles/x/index.html": "<!DOCTYPE html>article x",
  "articles/no-index/other.txt": "x",
  "category/emnews.html": "<!DOCTYPE html>old category page",
  "category/emnews/index.html": "<!DOCTYPE html>new category page",
  "21shijijingjibaodao 21caijingapp/ignored-second/2023/01/06/202301060001.html": "<!DOCTYPE html>space redirect",
  "中国/发展/index.html": "<!DOCTYPE html>cjk folder",
  "anxinguojizhengquan(xianggang)/2023/01/05/x.html": "<!DOCTYPE html>parentheses",
  "_next/static/css/a.css": "body{}",
  "js/reader.js": "void 0",
  "feed.xml": "<?xml version=\"1.0\"?><feed/>",
  "latest.json": "{}",
  "icon.svg": "<svg/>",
  "robots.txt": "User-agent: *",
  "blob.bin": "\u0000",
  "feed": "no extension",
};

type Reply = { status: number; type?: string; location?: string; body: string };

/** A raw request: the target goes out exactly as given (no URL normalization, unlike fetch). */
function get(port: number, target: string, method = "GET"): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: target, method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, type: res.headers["content-type"], location: res.headers.location, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

function serve(root: string, basePath?: string) {
  const server = createPagesHost({ root, basePath });
  let port = 0;
  beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => ((port = (server.address() as AddressInfo).port), resolve()))));
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return (target: string, method?: string) => get(port, target, method);
}

const root = mkdtempSync(path.join(os.tmpdir(), "finews-pages-host-"));
const site = path.join(root, "site");
for (const [file, content] of Object.entries(FILES)) {
  mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
  writeFileSync(path.join(site, file), content);
}
writeFileSync(path.join(root, "secret.txt"), "outside the site");
symlinkSync(path.join(root, "secret.txt"), path.join(site, "link.txt"));
symlinkSync(root, path.join(site, "linked-dir"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("e2e/support/pages-host at the host's root", () => {
  const request = serve(site);

  it("serves /x from x.html, /x/ from x/index.html, files as they are", async () => {
    expect(await request("/")).toMatchObject({ status: 200, body: "<!DOCTYPE html>home" });
    expect(await request("/search")).toMatchObject({ status: 200, body: "<!DOCTYPE html>search page" });
    expect(await request("/search?q=%E5%A4%AE%E8%A1%8C")).toMatchObject({ status: 200, body: "<!DOCTYPE html>search page" });
    expect(await request("/articles/x/")).toMatchObject({ status: 200, body: "<!DOCTYPE html>article x" });
    expect(await request("/category/emnews")).toMatchObject({ status: 200, body: "<!DOCTYPE html>old category page" });
    expect(await request("/category/emnews/")).toMatchObject({ status: 200, body: "<!DOCTYPE html>new category page" });
    expect(await request("/feed")).toMatchObject({ status: 200, body: "no extension" });
    expect(await request("/articles/x/index")).toMatchObject({ status: 200, body: "<!DOCTYPE html>article x" });
  });

  it("redirects a folder without its slash, keeping the query", async () => {
    expect(await request("/articles/x")).toMatchObject({ status: 301, location: "/articles/x/" });
    expect(await request("/articles/x?a=1")).toMatchObject({ status: 301, location: "/articles/x/?a=1" });
    expect(await request("/%E4%B8%AD%E5%9B%BD/%E5%8F%91%E5%B1%95")).toMatchObject({ status: 301, location: "/%E4%B8%AD%E5%9B%BD/%E5%8F%91%E5%B1%95/" });
  });

  it("decodes spaces, CJK and parentheses", async () => {
    expect(await request("/21shijijingjibaodao%2021caijingapp/ignored-second/2023/01/06/202301060001.html")).toMatchObject({ status: 200, body: "<!DOCTYPE html>space redirect" });
    expect(await request("/%E4%B8%AD%E5%9B%BD/%E5%8F%91%E5%B1%95/")).toMatchObject({ status: 200, body: "<!DOCTYPE html>cjk folder" });
    expect(await request("/anxinguojizhengquan(xianggang)/2023/01/05/x.html")).toMatchObject({ status: 200, body: "<!DOCTYPE html>parentheses" });
    expect(await request("/anxinguojizhengquan%28xianggang%29/2023/01/05/x.html")).toMatchObject({ status: 200, body: "<!DOCTYPE html>parentheses" });
  });

  it("answers anything else with 404.html and status 404", async () => {
    for (const target of ["/nope", "/nope/", "/articles/no-index/", "/search/", "/articles//x/", "/%ff"]) {
      expect(await request(target), target).toMatchObject({ status: 404, type: "text/html; charset=utf-8", body: "<!DOCTYPE html>not found page" });
    }
  });

  it("never serves outside its folder: .., encoded dots and slashes, NUL, links", async () => {
    for (const target of ["/../secret.txt", "/articles/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%2fsecret.txt", "/..%5csecret.txt", "/index.html%00", "/%00", "/link.txt", "/linked-dir/secret.txt", "/linked-dir/"]) {
      const reply = await request(target);
      expect(reply.status, target).toBe(404);
      expect(reply.body, target).not.toContain("outside the site");
    }
  });

  it("sends the content types GitHub Pages sends", async () => {
    const types: [string, string][] = [
      ["/", "text/html; charset=utf-8"],
      ["/_next/static/css/a.css", "text/css; charset=utf-8"],
      ["/js/reader.js", "application/javascript; charset=utf-8"],
      ["/feed.xml", "application/xml"],
      ["/latest.json", "application/json; charset=utf-8"],
      ["/icon.svg", "image/svg+xml"],
      ["/robots.txt", "text/plain; charset=utf-8"],
      ["/blob.bin", "application/octet-stream"],
    ];
    for (const [target, type] of types) expect((await request(target)).type, target).toBe(type);
  });

  it("answers HEAD without a body and refuses other methods", async () => {
    expect(await request("/", "HEAD")).toMatchObject({ status: 200, body: "" });
    expect(await request("/", "POST")).toMatchObject({ status: 405 });
  });
});

describe("e2e/support/pages-host under a base path (a project site)", () => {
  const request = serve(site, "/finews");

  it("serves the site under the base path only", async () => {
    expect(await request("/finews/")).toMatchObject({ status: 200, body: "<!DOCTYPE html>home" });
    expect(await request("/finews")).toMatchObject({ status: 301, location: "/finews/" });
    expect(await request("/finews/search?q=1")).toMatchObject({ status: 200, body: "<!DOCTYPE html>search page" });
    expect(await request("/finews/articles/x")).toMatchObject({ status: 301, location: "/finews/articles/x/" });
    expect(await request("/finews/21shijijingjibaodao%2021caijingapp/ignored-second/2023/01/06/202301060001.html")).toMatchObject({ status: 200 });
    expect(await request("/finews/nope")).toMatchObject({ status: 404, body: "<!DOCTYPE html>not found page" });
  });

  it("answers anything outside it with a bare 404", async () => {
    for (const target of ["/", "/search", "/articles/x/", "/finewsx/", "/finews/../secret.txt", "/other/finews/"]) {
      const reply = await request(target);
      expect(reply.status, target).toBe(404);
      expect(reply.body, target).not.toMatch(/home|search page|article x|outside the site/);
    }
  });

  it("refuses a base path that is not one", () => {
    for (const bad of ["finews", "/fi news", "/a/../b", "//x"]) expect(() => createPagesHost({ root: site, basePath: bad }), bad).toThrow(/base path/);
  });
});

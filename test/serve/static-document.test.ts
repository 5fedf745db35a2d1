import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { isErrorShell, withoutReactRuntime } from "@/lib/serve/static-document";
import { type Site, servePipeline } from "./serve-pipeline";

/** An article page as `next build` wrote it (Next.js 16, Turbopack), before the transform. */
const NEXT_DOCUMENT = readFileSync(path.join(__dirname, "../fixtures/next-article-document.html"), "utf8");

const scriptTags = (html: string) => html.match(/<script\b[^>]*>/g) ?? [];

describe("withoutReactRuntime", () => {
  const stripped = withoutReactRuntime(NEXT_DOCUMENT);

  it("removes Next.js's chunk scripts, its inline bootstrap and its script preloads", () => {
    expect(NEXT_DOCUMENT).toContain("self.__next_f");
    expect(NEXT_DOCUMENT).toMatch(/<script src="\/_next\/static\/chunks\/[^"]+\.js" async="">/);
    expect(stripped).not.toContain("__next_f");
    expect(stripped).not.toContain("TURBOPACK");
    expect(stripped).not.toMatch(/\/_next\/static\/[^"]*\.js/);
    // What is left: the theme script and the JSON-LD.
    expect(scriptTags(stripped)).toEqual(["<script>", '<script type="application/ld+json">']);
  });

  it("leaves everything else byte for byte: head, stylesheet, article and footer", () => {
    const withoutScripts = (html: string) => html.replace(/<script\b[\s\S]*?<\/script>|<link rel="preload" as="script"[^>]*>/g, "");
    const withoutMarkers = (html: string) => html.replace(/<!--\$-->|<!--\/\$-->|<!-- -->/g, "").replace('<div hidden=""></div>', "");
    expect(withoutScripts(stripped)).toBe(withoutMarkers(withoutScripts(NEXT_DOCUMENT)));
    expect(stripped).not.toMatch(/<!--\$-->|<!--\/\$-->|<!-- -->|<div hidden="">/);
    expect(stripped).toContain('<link rel="stylesheet" href="/_next/static/chunks/');
    expect(stripped).toContain("<title>国家知识产权局：打击非正常专利申请和商标恶意抢注行为 | 财经新闻聚合</title>");
    expect(stripped.length).toBeLessThan(NEXT_DOCUMENT.length * 0.4); // the payload was most of the page
  });

  it("takes out React's hydration markers only where React put them", () => {
    expect(withoutReactRuntime('<body class="a"><div hidden=""><!--$--><!--/$--></div><p>a<!-- -->b</p><!--$--><!--/$--></body>')).toBe('<body class="a"><p>ab</p></body>');
    // A comment in text or an attribute value, raw text, and a hidden div that is not the outlet stay.
    for (const html of ['<p title="<!-- -->">x</p>', "<script>/*<!-- -->*/</script>", '<div hidden=""></div>', "<!-- note -->"]) {
      expect(withoutReactRuntime(`<body><main>${html}</main></body>`)).toBe(`<body><main>${html}</main></body>`);
    }
  });

  it("is idempotent", () => {
    expect(withoutReactRuntime(stripped)).toBe(stripped);
  });

  it("never takes text that only looks like a script for one", () => {
    const lookalikes = [
      `<a title='<script src="/_next/static/chunks/x.js"></script>' href='/a'>链接</a>`,
      `<p>&lt;script src="/_next/static/chunks/x.js"&gt;&lt;/script&gt;</p>`,
      `<img alt='<script>self.__next_f.push([1])</script>' src='/i.png'>`,
      `<script src="/js/reader.js" defer=""></script>`,
      `<script>window.analytics = "self.__next_f"</script>`,
      `<link rel="stylesheet" href="/_next/static/chunks/a.css"/>`,
      `<link rel="preload" as="font" href="/fonts/a.woff2"/>`,
    ];
    for (const html of lookalikes) expect(withoutReactRuntime(`<main>${html}</main>`)).toBe(`<main>${html}</main>`);
  });
});

describe("the pipeline's pages without the React runtime", () => {
  let site: Site | undefined;
  afterEach(async () => {
    await site?.close();
    site = undefined;
  });

  async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
    site = await servePipeline(handler);
    return async (method = "GET") => {
      const reply = await site!.request("/", { method });
      return { ...reply, body: reply.body.toString("utf8") };
    };
  }

  it("transforms an HTML page streamed in chunks after writeHead, and sends its new length", async () => {
    const get = await serve((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "X-Kept": "yes" });
      res.flushHeaders();
      // Split inside a multi-byte character and inside a script tag.
      const bytes = Buffer.from(NEXT_DOCUMENT, "utf8");
      res.write(bytes.subarray(0, 1001));
      res.write(bytes.subarray(1001, 5003));
      res.end(bytes.subarray(5003));
    });
    const { status, body, headers } = await get();
    expect(status).toBe(200);
    expect(headers["x-kept"]).toBe("yes");
    expect(body).toBe(withoutReactRuntime(NEXT_DOCUMENT));
    expect(Number(headers["content-length"])).toBe(Buffer.byteLength(body));
  });

  it("transforms a page sent with setHeader and end, 404s included", async () => {
    const get = await serve((_req, res) => {
      res.statusCode = 404;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-length", Buffer.byteLength(NEXT_DOCUMENT));
      res.end(NEXT_DOCUMENT);
    });
    const { status, body, headers } = await get();
    expect(status).toBe(404);
    expect(body).toBe(withoutReactRuntime(NEXT_DOCUMENT));
    expect(Number(headers["content-length"])).toBe(Buffer.byteLength(body));
  });

  it("passes everything that is not HTML through untouched", async () => {
    const script = `(self.__next_f=self.__next_f||[]).push([0])`;
    const get = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/javascript" });
      res.write(script.slice(0, 10));
      res.end(script.slice(10));
    });
    const { body, headers } = await get();
    expect(body).toBe(script);
    expect(headers["content-type"]).toBe("application/javascript");
  });

  it("answers HEAD without a body, and with the length of the GET's body (not a stale one)", async () => {
    const get = await serve((req, res) => {
      res.setHeader("content-type", "text/html");
      res.setHeader("content-length", 123456);
      res.end(req.method === "HEAD" ? undefined : NEXT_DOCUMENT); // Next.js is asked for a GET
    });
    const { status, body, headers } = await get("HEAD");
    expect(status).toBe(200);
    expect(body).toBe("");
    expect(Number(headers["content-length"])).toBe(Buffer.byteLength(withoutReactRuntime(NEXT_DOCUMENT)));
  });
});

describe("404s rendered on request", () => {
  const shell = `<!DOCTYPE html><html id="__next_error__"><head><title>页面不存在 | 财经新闻聚合</title></head><body><div hidden=""><!--$--><!--/$--></div><script>self.__next_f.push([1,"…"])</script></body></html>`;
  const notFoundDocument = `<!DOCTYPE html><html lang="zh-CN"><head><title>页面不存在 | 财经新闻聚合</title></head><body><main id="main"><h1>页面不存在</h1></main></body></html>`;

  it("recognises Next.js's empty error shell, and only that", () => {
    expect(isErrorShell(shell)).toBe(true);
    expect(isErrorShell(notFoundDocument)).toBe(false);
    expect(isErrorShell(NEXT_DOCUMENT)).toBe(false);
  });

  it("answers a shell with the site's not-found page, keeping the 404", async () => {
    const site = await servePipeline(
      (_req, res) => {
        res.statusCode = 404;
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.end(shell);
      },
      { notFoundDocument },
    );
    try {
      const response = await fetch(`${site.base}/articles/nope`);
      expect(response.status).toBe(404);
      expect(await response.text()).toBe(notFoundDocument);
    } finally {
      await site.close();
    }
  });
});

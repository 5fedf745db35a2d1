import { describe, expect, it } from "vitest";
import { postParts } from "@/lib/content/post-parts";
import { postBodyText } from "@/lib/search/records";
import { parsePost } from "@/lib/content/parse";

const bytes = (text: string) => new TextEncoder().encode(text);
const post = `---\ntitle: "标题"\ndate: 2022-04-18 16:12:05 +0800\n---\n\n> 导语一句。\n\n正文第一段。\n\n<http://www.example.com/a/1.html>\n\n[返回中国发展网新闻](//finews.withounder.com/category/zhongguofazhanwang.html)｜[返回首页](//finews.withounder.com/)\n`;

describe("lib/content/post-parts", () => {
  it("cuts a post once: front matter, body without trailer and lede, the lede, the source link", () => {
    const parts = postParts(bytes(post));
    expect(parts).toMatchObject({ ok: true, data: { title: "标题" }, lede: "导语一句。", sourceUrl: "http://www.example.com/a/1.html" });
    expect(parts.ok && parts.body.trim()).toBe("正文第一段。");
  });

  it("says why there are no parts: not UTF-8, or a front matter YAML cannot read (with its line)", () => {
    expect(postParts(new Uint8Array([0xff, 0xfe, 0x00, 0xd8]))).toMatchObject({ ok: false });
    expect(postParts(bytes('---\ntitle: "x\n---\n'))).toMatchObject({ ok: false, line: expect.any(Number) });
  });

  it("is where the index, the page body and the search record agree on the body", () => {
    const parsed = parsePost({ path: "/x/_posts/2022-04-18-a.md", relativePath: "_posts/2022-04-18-a.md", mtimeMs: 0, bytes: bytes(post) });
    expect(parsed.ok && parsed.post.summary).toBe("导语一句。");
    expect(postBodyText(bytes(post))?.trim()).toBe("正文第一段。");
  });
});

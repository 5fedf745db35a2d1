import { describe, expect, it } from "vitest";
import { decodePostBytes } from "@/lib/content/decode";
import { fixtureBytes } from "../helpers/fixtures";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));

describe("lib/content/decode", () => {
  it("decodes plain UTF-8 unchanged", () => {
    const result = decodePostBytes(bytes("---\ntitle: 中国\n---\n正文"));
    expect(result).toEqual({ ok: true, text: "---\ntitle: 中国\n---\n正文" });
  });

  it("accepts a UTF-8 BOM and CRLF line endings, leaving neither in the text", () => {
    const raw = fixtureBytes("posts/crlf-bom.md");
    // The fixture really holds what it is named for.
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(Buffer.from(raw).includes("\r\n")).toBe(true);

    const result = decodePostBytes(raw);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text.startsWith("---\nlayout: post\n")).toBe(true);
    expect(result.text).not.toContain("\r");
    expect(result.text).not.toContain("\uFEFF");
    expect(result.text).toContain("第一段。\n\n第二段。");
  });

  it("turns old-Mac CR-only line endings into LF", () => {
    expect(decodePostBytes(bytes("a\rb\r\nc\n"))).toEqual({ ok: true, text: "a\nb\nc\n" });
  });

  it("rejects GBK bytes as not UTF-8 and says they look like GBK", () => {
    const raw = fixtureBytes("posts/gbk-encoded.md");
    // The fixture is real GBK: valid GB18030, invalid UTF-8.
    expect(new TextDecoder("gb18030").decode(raw)).toContain("央行宣布降准");
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(raw)).toThrow();

    const result = decodePostBytes(raw);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.startsWith("not UTF-8")).toBe(true);
    expect(result.reason).toContain("(looks like GBK)");
  });

  it("rejects other non-UTF-8 bytes without claiming an encoding it cannot back up", () => {
    const result = decodePostBytes(fixtureBytes("posts/latin1-encoded.md"));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason.startsWith("not UTF-8")).toBe(true);
    expect(result.reason).not.toContain("GBK");
  });

  it("rejects a lone invalid byte in otherwise UTF-8 text", () => {
    const result = decodePostBytes(bytes("---\ntitle: x\n---\n", [0xff], "\n"));
    expect(result.ok).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { firstSentences } from "@/lib/content/summary";

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("lib/content/summary", () => {
  it("returns short text whole, whitespace collapsed", () => {
    expect(firstSentences("  北向资金\n净流入达30亿元。  ")).toBe("北向资金 净流入达30亿元。");
  });

  it("cuts long text at the last sentence end within the limit", () => {
    const first = "第一句话说的是今天的市场。".repeat(4); // 52 chars, ends with 。
    const text = `${first}第二句很长很长${"很".repeat(100)}。`;
    expect(firstSentences(text)).toBe(first);
    expect(firstSentences(text, 30)).toBe("第一句话说的是今天的市场。第一句话说的是今天的市场。");
  });

  it("recognises Chinese and Latin sentence ends", () => {
    for (const end of ["。", "！", "？", "；", "!", "?", ";"]) {
      const text = `${"字".repeat(60)}${end}${"后".repeat(100)}`;
      expect(firstSentences(text)).toBe(`${"字".repeat(60)}${end}`);
    }
  });

  it("adds an ellipsis when no sentence ends early enough, dropping a dangling comma", () => {
    const text = `${"字".repeat(10)}。${"长".repeat(108)}，${"尾".repeat(50)}`;
    const out = firstSentences(text);
    expect(out).toBe(`${"字".repeat(10)}。${"长".repeat(108)}…`);
  });

  it("never returns more than max characters plus an ellipsis", () => {
    const text = "无标点".repeat(200);
    const out = firstSentences(text, 120);
    expect(Array.from(out).length).toBe(121);
    expect(out.endsWith("…")).toBe(true);
  });

  it("never cuts a character in half", () => {
    const out = firstSentences("😀".repeat(300), 120);
    expect(out).not.toMatch(LONE_SURROGATE);
    expect(Array.from(out)).toHaveLength(121);
  });

  it("gives an empty summary for empty text", () => {
    expect(firstSentences("")).toBe("");
    expect(firstSentences(" \n ")).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import {
  UNCATEGORIZED,
  urlKey,
  categorySlugFrom,
  mediaNameFromTag,
  scalarText,
  shortHash,
  tagsFrom,
} from "@/lib/content/categories";

const URL_SAFE_KEY = /^[a-z0-9_-]+$/;

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHABET = [..."abcxyzABCXYZ0189-_ ./()\\%?#&+~:'\"", "\u0000", "\u0007", "\t", "\n", "\u007f", "中", "國", "ｗ", "é", "😀"];

function randomSlugs(count: number, seed: number): string[] {
  const next = random(seed);
  const slugs = new Set<string>();
  while (slugs.size < count) {
    const length = 1 + Math.floor(next() * 24);
    let slug = "";
    for (let i = 0; i < length; i++) slug += ALPHABET[Math.floor(next() * ALPHABET.length)];
    slugs.add(slug);
  }
  return [...slugs];
}

describe("lib/content/categories", () => {
  describe("categorySlugFrom", () => {
    it("takes a `categories` string whole and trimmed (real slugs contain spaces)", () => {
      expect(categorySlugFrom({ categories: "emnews" })).toBe("emnews");
      expect(categorySlugFrom({ categories: "  21shijijingjibaodao 21caijingAPP " })).toBe("21shijijingjibaodao 21caijingAPP");
      expect(categorySlugFrom({ categories: "anxinguojizhengquan(xianggang)" })).toBe("anxinguojizhengquan(xianggang)");
    });

    it("takes the first non-empty entry of a `categories` list", () => {
      expect(categorySlugFrom({ categories: ["Wind", "emnews"] })).toBe("Wind");
      expect(categorySlugFrom({ categories: ["", "emnews", "x"] })).toBe("emnews");
    });

    it("falls back to Jekyll's singular `category`", () => {
      expect(categorySlugFrom({ category: "sitenews" })).toBe("sitenews");
      expect(categorySlugFrom({ categories: "", category: "sitenews" })).toBe("sitenews");
      expect(categorySlugFrom({ categories: [], category: "sitenews" })).toBe("sitenews");
      expect(categorySlugFrom({ categories: "emnews", category: "sitenews" })).toBe("emnews");
    });

    it("removes control characters", () => {
      expect(categorySlugFrom({ categories: "em\u0007news\t" })).toBe("emnews");
      expect(categorySlugFrom({ categories: "\u0000\u001f" })).toBeUndefined();
    });

    it("finds nothing in missing, empty or non-text values", () => {
      expect(categorySlugFrom({})).toBeUndefined();
      expect(categorySlugFrom({ categories: "   " })).toBeUndefined();
      expect(categorySlugFrom({ categories: { a: "b" } })).toBeUndefined();
      expect(categorySlugFrom({ categories: [["nested"]] })).toBeUndefined();
    });

    it("names the fallback category `uncategorized`", () => {
      expect(UNCATEGORIZED).toBe("uncategorized");
    });
  });

  describe("tagsFrom", () => {
    it("splits a tags string on whitespace, as Jekyll does", () => {
      expect(tagsFrom("东财滚动新闻")).toEqual(["东财滚动新闻"]);
      expect(tagsFrom("  a  b\tc\u3000d ")).toEqual(["a", "b", "c", "d"]);
    });

    it("keeps a list as is, even entries with spaces", () => {
      expect(tagsFrom(["中国 发展网新闻", "东财滚动新闻"])).toEqual(["中国 发展网新闻", "东财滚动新闻"]);
    });

    it("drops duplicates, empty entries and control characters, keeping order", () => {
      expect(tagsFrom(["b", "", "a", "b", "x\u0007y"])).toEqual(["b", "a", "xy"]);
      expect(tagsFrom("b a b")).toEqual(["b", "a"]);
    });

    it("gives no tags for a missing or non-text value", () => {
      expect(tagsFrom(undefined)).toEqual([]);
      expect(tagsFrom("")).toEqual([]);
      expect(tagsFrom({ a: 1 })).toEqual([]);
    });
  });

  describe("mediaNameFromTag", () => {
    it("drops the 新闻 suffix of a finews tag", () => {
      expect(mediaNameFromTag("中国发展网新闻")).toBe("中国发展网");
      expect(mediaNameFromTag("东财滚动新闻")).toBe("东财滚动");
    });

    it("keeps a tag without the suffix, and a tag that is only the suffix", () => {
      expect(mediaNameFromTag("站长消息")).toBe("站长消息");
      expect(mediaNameFromTag("新闻")).toBe("新闻");
    });
  });

  describe("scalarText", () => {
    it("gives text for scalars and nothing for objects and lists", () => {
      expect(scalarText("a")).toBe("a");
      expect(scalarText(12)).toBe("12");
      expect(scalarText(false)).toBe("false");
      expect(scalarText(null)).toBe("");
      expect(scalarText(["a"])).toBe("");
      expect(scalarText({})).toBe("");
    });
  });

  describe("urlKey", () => {
    const tricky = [
      "anxinguojizhengquan(xianggang)",
      "21shijijingjibaodao 21caijingAPP",
      "Wind",
      "../../x",
      "..",
      ".",
      "/",
      "a/b",
      "a\\b",
      "em\u0000news",
      "line\nbreak",
      "中国发展网",
      "",
      " ",
      "x".repeat(500),
      "-leading-dash",
      "trailing-",
      "%2e%2e%2f",
      "ｗｉｎｄ",
    ];

    it("maps clean slugs to themselves", () => {
      for (const slug of ["emnews", "sitenews", "zhongguofazhanwang", "wind", "a-b_c1", "21shijijingjibaodao"]) {
        expect(urlKey(slug)).toBe(slug);
      }
    });

    it.each(tricky.map((s) => [JSON.stringify(s), s]))("gives a URL-safe key for %s", (_shown, slug) => {
      const key = urlKey(slug);
      expect(key).toMatch(URL_SAFE_KEY);
      expect(key).not.toContain(".");
      expect(key).not.toContain("/");
      expect(key.length).toBeLessThanOrEqual(80);
    });

    it("keeps a readable part of a messy slug", () => {
      expect(urlKey("anxinguojizhengquan(xianggang)")).toMatch(/^anxinguojizhengquan-xianggang-[0-9a-f]{8}$/);
      expect(urlKey("21shijijingjibaodao 21caijingAPP")).toMatch(/^21shijijingjibaodao-21caijingapp-[0-9a-f]{8}$/);
    });

    it("is deterministic", () => {
      for (const slug of tricky) expect(urlKey(slug)).toBe(urlKey(slug));
      expect(urlKey("Wind")).toBe(`wind-${shortHash("Wind")}`);
    });

    it("keeps `Wind` and `wind` apart", () => {
      expect(urlKey("wind")).toBe("wind");
      expect(urlKey("Wind")).not.toBe(urlKey("wind"));
    });

    it("cannot be forged by a clean-looking slug that ends like a hashed key", () => {
      const hashedKeyOfWind = urlKey("Wind");
      expect(urlKey(hashedKeyOfWind)).not.toBe(hashedKeyOfWind);
    });

    it("keeps slugs that differ only in punctuation, case or spacing apart", () => {
      const lookAlikes = ["a b", "a-b", "a_b", "a(b)", "A-B", "a  b", "a.b", "a/b", "a-b-", "-a-b", "ａ-ｂ"];
      const keys = new Set(lookAlikes.map(urlKey));
      expect(keys.size).toBe(lookAlikes.length);
    });

    it("gives distinct, URL-safe keys to 20,000 distinct random slugs", () => {
      const slugs = randomSlugs(20_000, 20211208);
      const keys = new Map<string, string>();
      for (const slug of slugs) {
        const key = urlKey(slug);
        expect(key).toMatch(URL_SAFE_KEY);
        const clash = keys.get(key);
        if (clash !== undefined) expect.fail(`${JSON.stringify(slug)} and ${JSON.stringify(clash)} share key ${key}`);
        keys.set(key, slug);
      }
      expect(keys.size).toBe(slugs.length);
    });
  });
});

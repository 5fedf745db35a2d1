import { afterEach, describe, expect, it } from "vitest";
import {
  formatShanghai,
  formatListDate,
  parseFileNameDate,
  parsePublishedAt,
  readPublishedAt,
  shanghaiDateParts,
  toIsoShanghai,
} from "@/lib/time";

const utc = (iso: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad literal ${iso}`);
  return ms;
};

describe("lib/time", () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it("runs under a machine zone that is not Asia/Shanghai (the harness sets America/Los_Angeles)", () => {
    expect(process.env.TZ).toBe("America/Los_Angeles");
    // PST in December: a Shanghai-only implementation would be caught by the tests below.
    expect(new Date(utc("2021-12-08T00:00:00Z")).getTimezoneOffset()).toBe(480);
  });

  describe("parsePublishedAt", () => {
    it("reads `YYYY-MM-DD HH:MM:SS +0800` as that instant", () => {
      expect(parsePublishedAt("2022-04-18 16:12:05 +0800")).toBe(utc("2022-04-18T08:12:05Z"));
      expect(parsePublishedAt("2021-12-08 10:19:17 +0800")).toBe(utc("2021-12-08T02:19:17Z"));
    });

    it("honours other offsets, with or without a colon", () => {
      expect(parsePublishedAt("2021-12-08 10:46:18 -0500")).toBe(utc("2021-12-08T15:46:18Z"));
      expect(parsePublishedAt("2021-12-08 10:46:18 +0000")).toBe(utc("2021-12-08T10:46:18Z"));
      expect(parsePublishedAt("2021-12-08 10:46:18 +05:30")).toBe(utc("2021-12-08T05:16:18Z"));
    });

    it("reads a time without an offset as Asia/Shanghai, not UTC and not the machine zone", () => {
      expect(parsePublishedAt("2021-12-08 10:46:18")).toBe(utc("2021-12-08T02:46:18Z"));
    });

    it("reads ISO 8601 with Z, +08:00 and fractional seconds", () => {
      expect(parsePublishedAt("2021-12-08T02:46:18Z")).toBe(utc("2021-12-08T02:46:18Z"));
      expect(parsePublishedAt("2021-12-08T02:46:18z")).toBe(utc("2021-12-08T02:46:18Z"));
      expect(parsePublishedAt("2021-12-08T10:46:18+08:00")).toBe(utc("2021-12-08T02:46:18Z"));
      expect(parsePublishedAt("2021-12-08T10:46:18.250+08:00")).toBe(utc("2021-12-08T02:46:18.250Z"));
      expect(parsePublishedAt("2021-12-08T02:46:18.5Z")).toBe(utc("2021-12-08T02:46:18.500Z"));
      expect(parsePublishedAt("2021-12-08T02:46:18.123456Z")).toBe(utc("2021-12-08T02:46:18.123Z"));
      expect(parsePublishedAt("2021-12-08T10:46")).toBe(utc("2021-12-08T02:46:00Z"));
    });

    it("keeps every millisecond of a three-digit fraction exactly", () => {
      for (let ms = 0; ms < 1000; ms++) {
        const frac = String(ms).padStart(3, "0");
        expect(parsePublishedAt(`2021-12-08T00:00:00.${frac}Z`)).toBe(utc("2021-12-08T00:00:00Z") + ms);
      }
    });

    it("reads a date alone as midnight in Asia/Shanghai", () => {
      expect(parsePublishedAt("2021-12-08")).toBe(utc("2021-12-07T16:00:00Z"));
      expect(parsePublishedAt("2021-1-5")).toBe(utc("2021-01-04T16:00:00Z"));
    });

    it("ignores surrounding whitespace", () => {
      expect(parsePublishedAt("  2021-12-08 10:46:18  ")).toBe(utc("2021-12-08T02:46:18Z"));
    });

    it("passes a valid Date through and rejects an invalid one", () => {
      expect(parsePublishedAt(new Date(utc("2021-12-08T02:46:18Z")))).toBe(utc("2021-12-08T02:46:18Z"));
      expect(parsePublishedAt(new Date("nope"))).toBeUndefined();
    });

    it.each([
      ["an offset alone (the corpus's broken `date:  +0800`)", "+0800"],
      ["an empty string", ""],
      ["blanks", "   "],
      ["30 February", "2021-02-30"],
      ["29 February of a common year", "2021-02-29 10:00:00"],
      ["month 13", "2021-13-01"],
      ["day 0", "2021-12-00"],
      ["hour 24", "2021-12-08 24:00:00"],
      ["minute 60", "2021-12-08 10:60:00"],
      ["garbage", "yesterday"],
      ["slashes", "2021/12/08"],
      ["a compact date", "20211208"],
      ["trailing text", "2021-12-08 10:46:18 +0800 CST"],
    ])("rejects %s", (_what, value) => {
      expect(parsePublishedAt(value)).toBeUndefined();
    });

    it("rejects years before 1000 and after 9999 instead of moving them (Date.UTC reads year 1 as 1901), and says why", () => {
      expect(parsePublishedAt("0001-01-01")).toBeUndefined();
      expect(parsePublishedAt("0099-12-31 10:00:00")).toBeUndefined();
      expect(parsePublishedAt("10000-01-01")).toBeUndefined();
      expect(parsePublishedAt(new Date(Date.UTC(20000, 0, 1)))).toBeUndefined();
      expect(parsePublishedAt("1000-01-01")).toBe(Date.UTC(1000, 0, 1) - 8 * 3600_000);
      expect(parsePublishedAt("9999-12-31")).toBe(Date.UTC(9999, 11, 31) - 8 * 3600_000);
      expect(readPublishedAt("0001-01-01")).toEqual({ ok: false, reason: "year 1 is before 1000" });
      expect(readPublishedAt("12021-01-01")).toEqual({ ok: false, reason: "year 12021 is after 9999" });
      expect(readPublishedAt("yesterday")).toEqual({ ok: false });
    });

    it("reads no year before 1000 from a file name either", () => {
      expect(parseFileNameDate("0001-01-01-x")).toBeUndefined();
    });

    it("accepts 29 February of a leap year", () => {
      expect(parsePublishedAt("2020-02-29")).toBe(utc("2020-02-28T16:00:00Z"));
    });

    it.each([[undefined], [null], [20211208], [["2021-12-08"]], [{ date: "2021-12-08" }]])(
      "rejects the non-string value %j",
      (value) => {
        expect(parsePublishedAt(value)).toBeUndefined();
      },
    );
  });

  describe("parseFileNameDate", () => {
    it("reads Jekyll's `YYYY-MM-DD-slug` as Shanghai midnight of that day", () => {
      expect(parseFileNameDate("2021-12-08-202112082206735975")).toBe(utc("2021-12-07T16:00:00Z"));
      expect(parseFileNameDate("2021-12-08-x.md")).toBe(utc("2021-12-07T16:00:00Z"));
      expect(parseFileNameDate("2021-12-01-init")).toBe(utc("2021-11-30T16:00:00Z"));
    });

    it("reads the day a compact finews id starts with (`-202205262391921712`)", () => {
      expect(parseFileNameDate("-202205262391921712")).toBe(utc("2022-05-25T16:00:00Z"));
      expect(parseFileNameDate("-202205262391921712.md")).toBe(utc("2022-05-25T16:00:00Z"));
      expect(parseFileNameDate("202205262391921712")).toBe(utc("2022-05-25T16:00:00Z"));
    });

    it.each([
      ["a plain slug", "init"],
      ["an impossible Jekyll date", "2021-02-30-x"],
      ["a compact id with month 13", "-202213262391921712"],
      ["too few digits after the day", "-2022052612345"],
      ["a year outside 19xx/20xx", "-302205262391921712"],
      ["a date that does not start the name", "news-2021-12-08-x"],
    ])("finds no date in %s", (_what, name) => {
      expect(parseFileNameDate(name)).toBeUndefined();
    });
  });

  describe("formatting in Asia/Shanghai", () => {
    const instant = utc("2021-12-08T02:39:01Z");

    it("toIsoShanghai gives the wall clock with a +08:00 offset", () => {
      expect(toIsoShanghai(instant)).toBe("2021-12-08T10:39:01+08:00");
    });

    it("formatShanghai gives `YYYY-MM-DD HH:MM`", () => {
      expect(formatShanghai(instant)).toBe("2021-12-08 10:39");
    });

    describe("formatListDate", () => {
      const at = (iso: string) => utc(iso);
      it("gives `M月D日 HH:MM` within the current Beijing year", () => {
        expect(formatListDate(instant, at("2021-12-20T00:00:00Z"))).toBe("12月8日 10:39");
      });

      it("gives the year (and no time) for an earlier year, so December 2021 and May 2022 cannot be confused", () => {
        const may2022 = at("2022-05-26T02:00:00Z");
        expect(formatListDate(instant, may2022)).toBe("2021年12月8日");
        expect(formatListDate(at("2022-05-25T16:00:00Z"), may2022)).toBe("5月26日 00:00");
      });

      it("decides the year in Beijing time: 1 January 00:30 there is still 31 December in UTC", () => {
        const newYearBeijing = at("2021-12-31T16:30:00Z");
        expect(formatListDate(at("2021-12-31T15:00:00Z"), newYearBeijing)).toBe("2021年12月31日");
        expect(formatListDate(newYearBeijing, newYearBeijing)).toBe("1月1日 00:30");
      });

      it("says 今天 and 昨天 by Beijing calendar day only when asked (the reader's browser does)", () => {
        const now = at("2021-12-08T15:50:00Z"); // 23:50 on 8 December in Beijing
        expect(formatListDate(instant, now, { relativeDays: true })).toBe("今天 10:39");
        expect(formatListDate(at("2021-12-07T00:10:00Z"), now, { relativeDays: true })).toBe("昨天 08:10");
        expect(formatListDate(at("2021-12-06T15:59:00Z"), now, { relativeDays: true })).toBe("12月6日 23:59");
        expect(formatListDate(instant, now)).toBe("12月8日 10:39");
        // After midnight in Beijing (16:00 UTC) the same instant is yesterday's.
        expect(formatListDate(instant, at("2021-12-08T16:00:00Z"), { relativeDays: true })).toBe("昨天 10:39");
      });

      it("never calls a future instant 今天 (a reader's clock that is behind)", () => {
        expect(formatListDate(instant, instant - 60_000, { relativeDays: true })).toBe("12月8日 10:39");
      });

      it("says 昨天 across a year boundary and the year after it", () => {
        const jan1 = at("2022-01-01T01:00:00Z");
        expect(formatListDate(at("2021-12-31T10:00:00Z"), jan1, { relativeDays: true })).toBe("昨天 18:00");
        expect(formatListDate(at("2021-12-30T10:00:00Z"), jan1, { relativeDays: true })).toBe("2021年12月30日");
      });
    });

    it("shanghaiDateParts gives zero-padded permalink parts", () => {
      expect(shanghaiDateParts(utc("2022-05-25T16:00:00Z"))).toEqual({ year: "2022", month: "05", day: "26" });
    });

    it("rolls over to the next day and year when UTC is still on the previous one", () => {
      const lateUtc = utc("2021-12-31T16:30:00Z");
      expect(toIsoShanghai(lateUtc)).toBe("2022-01-01T00:30:00+08:00");
      expect(formatShanghai(lateUtc)).toBe("2022-01-01 00:30");
      expect(formatListDate(lateUtc, lateUtc)).toBe("1月1日 00:30");
      expect(shanghaiDateParts(lateUtc)).toEqual({ year: "2022", month: "01", day: "01" });
    });

    it("round-trips: parsing toIsoShanghai's output gives the instant back", () => {
      for (const value of ["2022-04-18 16:12:05 +0800", "2021-12-08 10:46:18", "2021-12-08", "2000-02-29 23:59:59"]) {
        const ms = parsePublishedAt(value)!;
        expect(parsePublishedAt(toIsoShanghai(ms))).toBe(ms);
      }
    });
  });

  describe("independence from the machine zone", () => {
    it.each(["UTC", "Asia/Tokyo", "Pacific/Kiritimati", "America/New_York", "Asia/Shanghai"])(
      "gives the same instants and strings with TZ=%s",
      (zone) => {
        const probe = utc("2022-04-18T00:00:00Z");
        const offsetBefore = new Date(probe).getTimezoneOffset();
        process.env.TZ = zone;
        // The switch took effect (otherwise this test would prove nothing).
        expect(new Date(probe).getTimezoneOffset()).not.toBe(offsetBefore);

        expect(parsePublishedAt("2021-12-08 10:46:18")).toBe(utc("2021-12-08T02:46:18Z"));
        expect(parsePublishedAt("2021-12-08")).toBe(utc("2021-12-07T16:00:00Z"));
        expect(parseFileNameDate("-202205262391921712")).toBe(utc("2022-05-25T16:00:00Z"));
        expect(toIsoShanghai(utc("2022-04-18T08:12:05Z"))).toBe("2022-04-18T16:12:05+08:00");
        expect(formatShanghai(utc("2021-12-31T16:30:00Z"))).toBe("2022-01-01 00:30");
        expect(shanghaiDateParts(utc("2021-12-07T16:00:00Z"))).toEqual({ year: "2021", month: "12", day: "08" });
      },
    );
  });
});

describe("parsePublishedAt: offsets out of range", () => {
  it("rejects offsets beyond ±14:00 or with 60+ minutes", () => {
    expect(parsePublishedAt("2021-12-08 10:00:00 +9999")).toBeUndefined();
    expect(parsePublishedAt("2021-12-08 10:00:00 +0860")).toBeUndefined();
    expect(parsePublishedAt("2021-12-08 10:00:00 +1400")).toBe(Date.UTC(2021, 11, 7, 20, 0, 0));
  });
});

/**
 * The one module that parses and formats instants. The site's time zone is
 * Asia/Shanghai (Jekyll's `timezone` setting on the source site), whatever the
 * machine's TZ. China has kept UTC+8 without daylight saving since 1991, so a
 * fixed offset is exact for every date the corpus can hold and much cheaper
 * than asking Intl for each of 100,000 posts.
 */

const OFFSET_MS = 8 * 60 * 60 * 1000;

const DATE_TIME =
  /^(\d{4,})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * The years a post's date may have. Outside them a date is a scraper's
 * placeholder (`0001-01-01`), not a day: refused, so that the file name's
 * date stands in, instead of `Date.UTC` quietly reading year 1 as 1901.
 */
const FIRST_YEAR = 1000;
const LAST_YEAR = 9999;

/** A date read from front matter: the instant, or (when it looked like a date) why it was refused. */
export type DateReading = { ok: true; instant: number } | { ok: false; reason?: string };

/**
 * Parses a front-matter date: `2022-04-18 16:12:05 +0800`, `2021-12-08 10:46:18`
 * (no offset: Asia/Shanghai), `2021-12-08`, or ISO 8601. Returns ms since the
 * epoch, or undefined when the value holds no usable date.
 */
export function parsePublishedAt(value: unknown): number | undefined {
  const reading = readPublishedAt(value);
  return reading.ok ? reading.instant : undefined;
}

/** `parsePublishedAt`, saying why a well-formed date was refused (its year is out of range). */
export function readPublishedAt(value: unknown): DateReading {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { ok: false };
    const range = yearOutOfRange(value.getUTCFullYear());
    return range ? { ok: false, reason: range } : { ok: true, instant: value.getTime() };
  }
  if (typeof value !== "string") return { ok: false };
  const m = DATE_TIME.exec(value.trim());
  if (!m) return { ok: false };
  const [, y, mo, d, h = "0", mi = "0", s = "0", frac = "", zone] = m;
  if (zone && !isValidZone(zone)) return { ok: false };
  const fields = [Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s)] as const;
  const range = yearOutOfRange(fields[0]);
  if (range) return { ok: false, reason: range };
  if (!isValidCalendarTime(...fields)) return { ok: false };
  const ms = Math.floor(Number(`0.${frac || "0"}`) * 1000);
  const wall = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5], ms);
  return { ok: true, instant: wall - zoneOffsetMs(zone) };
}

function yearOutOfRange(year: number): string | undefined {
  if (year < FIRST_YEAR) return `year ${year} is before ${FIRST_YEAR}`;
  if (year > LAST_YEAR) return `year ${year} is after ${LAST_YEAR}`;
  return undefined;
}

/** Offset of a `Z`, `+0800` or `+08:00` suffix in ms; none means Asia/Shanghai. */
function zoneOffsetMs(zone: string | undefined): number {
  if (!zone) return OFFSET_MS;
  if (zone.toUpperCase() === "Z") return 0;
  const digits = zone.replace(":", "");
  const sign = digits[0] === "-" ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60_000;
}

/** Real offsets lie within ±14:00 and have minutes below 60. */
function isValidZone(zone: string): boolean {
  if (zone.toUpperCase() === "Z") return true;
  const digits = zone.replace(":", "");
  const hours = Number(digits.slice(1, 3));
  const minutes = Number(digits.slice(3, 5));
  return hours <= 14 && minutes < 60;
}

function isValidCalendarTime(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return false;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= daysInMonth;
}

/**
 * The date a file name carries: Jekyll's `2021-12-08-slug.md`, or a leading
 * `YYYYMMDD` in the slug (the finews/eastmoney ids such as `202205262391921712`
 * begin with their publication day). Midnight Asia/Shanghai, or undefined.
 */
export function parseFileNameDate(fileName: string): number | undefined {
  const jekyll = /^(\d{4}-\d{1,2}-\d{1,2})-/.exec(fileName);
  if (jekyll) return parsePublishedAt(jekyll[1]);
  const compact = /^-?((?:19|20)\d{2})(\d{2})(\d{2})\d{6,}/.exec(fileName);
  if (compact) return parsePublishedAt(`${compact[1]}-${compact[2]}-${compact[3]}`);
  return undefined;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function shanghaiWallClock(instant: number): WallClock {
  const d = new Date(instant + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `2021-12-08T10:39:01+08:00`: the machine-readable form for `<time datetime>`, feeds and JSON-LD. */
export function toIsoShanghai(instant: number): string {
  const c = shanghaiWallClock(instant);
  return `${c.year}-${pad(c.month)}-${pad(c.day)}T${pad(c.hour)}:${pad(c.minute)}:${pad(c.second)}+08:00`;
}

/** `2021-12-08 10:39:01 +0800`: a post's `date:` as finews writes it (what `npm run publish` sets). */
export function toFrontMatterDate(instant: number): string {
  const iso = toIsoShanghai(instant);
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} +0800`;
}

/** `2021-12-08 10:39`: how readers see a time, in Asia/Shanghai. */
export function formatShanghai(instant: number): string {
  const c = shanghaiWallClock(instant);
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}`;
}

/** `2021年12月8日`: a day in Beijing, as Chinese prose writes it. */
export function formatShanghaiDate(instant: number): string {
  const c = shanghaiWallClock(instant);
  return `${c.year}年${c.month}月${c.day}日`;
}

/**
 * A time in a headline list, as seen at `now` (both in Beijing time):
 * `12月8日 10:39` within the current year, `2021年12月8日` before it, so a
 * reader can tell old news from this year's at a glance. With `relativeDays`,
 * `今天 10:39` and `昨天 10:39` for the last two days: only the reader's
 * browser asks for those (browser/reader.ts), because a page rendered once
 * and served for days would go on saying 今天. An instant after `now` (a
 * clock that is behind) gets the plain date, never a wrong 今天.
 */
export function formatListDate(instant: number, now: number, options: { relativeDays?: boolean } = {}): string {
  const c = shanghaiWallClock(instant);
  const today = shanghaiWallClock(now);
  const time = `${pad(c.hour)}:${pad(c.minute)}`;
  if (options.relativeDays && instant <= now) {
    const days = Math.round((Date.UTC(today.year, today.month - 1, today.day) - Date.UTC(c.year, c.month - 1, c.day)) / 86_400_000);
    if (days === 0) return `今天 ${time}`;
    if (days === 1) return `昨天 ${time}`;
  }
  if (c.year !== today.year) return formatShanghaiDate(instant);
  return `${c.month}月${c.day}日 ${time}`;
}

/** `2021/12/08` parts for Jekyll-style permalinks, in Asia/Shanghai. */
export function shanghaiDateParts(instant: number): { year: string; month: string; day: string } {
  const c = shanghaiWallClock(instant);
  return { year: String(c.year), month: pad(c.month), day: pad(c.day) };
}

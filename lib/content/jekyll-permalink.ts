/**
 * The URL the old Jekyll site gave a post, as Jekyll computed it from the
 * post's file and front matter: the default `date` permalink
 * `/:categories/:year/:month/:day/:title:output_ext`, with the site's
 * `timezone: Asia/Shanghai`. Old links, bookmarks and search results carry
 * these URLs; `lib/export/legacy-redirects.ts` writes a redirect page at
 * each, and `lib/site/legacy-urls.ts` answers them under `npm start`.
 *
 * Modelled on Jekyll 4.3 (`document.rb`, `drops/url_drop.rb`, `url.rb`,
 * `utils.rb`) and checked against a real `jekyll build` in
 * test/content/jekyll-permalink.test.ts. Where Jekyll differs from the
 * portal's own reading of the same post:
 *
 *  - categories: a `categories` string is split at whitespace (`a b` is two
 *    categories, so `/a/b/…`); a list is taken item by item (`[a b, c]` is
 *    `/a%20b/c/…`); `category` is added; each is downcased and duplicates
 *    are dropped. The portal files the post under the whole first string.
 *  - date: an unquoted `2021-12-08 20:46:18` is a YAML timestamp, and YAML
 *    reads a timestamp without an offset as UTC: 04:46 on 12-09 in
 *    Beijing, so the URL says `2021/12/09`. Quoted, or without seconds, it is
 *    read in the site's zone, as the portal reads every date.
 *  - title: the file name's slug (or front-matter `slug`), with each run of
 *    characters other than letters, marks, digits and `._~!$&'()+,;=@`
 *    turned into `-`; case is kept.
 *  - the URL is percent-encoded as RFC 3986 path characters (UTF-8, `%` and
 *    `#` too; parentheses and `&` stay), then `..` becomes `/`, `./` is
 *    dropped and `//` squeezed.
 *
 * A post Jekyll would not have published at a URL one can name gets none:
 * a file name without its date or with a special first character, a
 * `permalink` of its own, a date Jekyll could not read (which stopped the
 * whole build), a category that made Jekyll stop (`中:x`, parsed as a URL
 * scheme) or gave an unreachable URL (a `?`, a `//host`).
 */
import { readPublishedAt, shanghaiDateParts } from "../time";

/** Jekyll's post file name pattern, on the path below `_posts/`. */
const DATE_FILENAME = /^(?:[^/]+\/)*?(\d{2,4})-(\d{1,2})-(\d{1,2})-([^/]*)(\.[^./]+)$/;
/** Names Jekyll's reader skips (EntryFilter): a special first character, a backup `~`, a trailing dot. */
const SPECIAL_NAME = /^[._#~]|~$|\.$/;
/** Extensions Jekyll's markdown converter takes (`markdown_ext`, any case); they become `.html`. */
const MARKDOWN_EXT = /^\.(?:markdown|mkdown|mkdn|mkd|md)$/i;
/** A YAML 1.1 timestamp with a time (Psych's TIME, safe_yaml's TIME_MATCHER): read as UTC when it has no offset. */
const YAML_TIMESTAMP = /^(-?\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt]|\s+)(\d{1,2}):(\d\d):(\d\d)(?:\.\d*)?(?:\s*(Z|[-+]\d{1,2}(?::?\d\d)?))?$/;
/** Ruby's `String#split` with no pattern splits at these (and drops empty fields). */
const RUBY_WHITESPACE = /[\0\t\n\v\f\r ]+/;
/** Jekyll's `pretty` slug keeps these; every other run becomes `-`. */
const PRETTY_SLUG_DROP = /[^\p{M}\p{L}\p{Nd}._~!$&'()+,;=@]+/gu;
/** RFC 3986 path characters (unreserved, sub-delims, `:`, `@`, `/`): what Jekyll's `escape_path` leaves as they are. */
const PATH_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/]/;
const utf8 = new TextEncoder();

export interface JekyllPostInput {
  /** Path in the content folder: `_posts/2021-12-08-x.md`. */
  relativePath: string;
  /** Front-matter fields as the portal read them (failsafe schema: every scalar a string). */
  data: Record<string, unknown>;
  /** The decoded file: whether front matter opens it, and how its `date` was written (quoted or not). */
  text: string;
}

/**
 * The post's URL on the old site, percent-encoded as Jekyll wrote it in its
 * links (`/21shijijingjibaodao/21caijingapp/2023/01/06/x.html`), or
 * undefined when Jekyll gave it none that can be named (see above).
 */
export function jekyllPostUrl(post: JekyllPostInput): string | undefined {
  if (!post.relativePath.startsWith("_posts/")) return undefined;
  const below = post.relativePath.slice("_posts/".length);
  if (below.split("/").some((name) => SPECIAL_NAME.test(name))) return undefined;
  const name = DATE_FILENAME.exec(below);
  if (!name) return undefined;
  const [, year, month, day, fileSlug, ext] = name;
  // Front matter counts only when the file opens with it; else Jekyll reads the whole file as the body.
  const data = /^---[ \t\r\n\f\v]*\n/.test(post.text) ? post.data : {};
  if (!isNil(data.permalink)) return undefined;

  const date = "date" in data ? jekyllDate(data.date, rawFieldValue(post.text, "date")) : fileNameDay(year, month, day);
  if (!date) return undefined;
  const categories = jekyllCategories(data);
  if (!categories) return undefined;
  const slug = isNil(data.slug) ? fileSlug.replace(/\.+$/, "") : typeof data.slug === "string" ? data.slug : undefined;
  if (slug === undefined) return undefined;

  const escapedCategories = escapePath(categories.map(downcase).filter(unique).join("/"));
  const title = escapePath(slugifyPretty(slug));
  if (escapedCategories === undefined || title === undefined) return undefined;
  const outputExt = jekyllOutputExt(ext);
  return sanitizeUrl(`/${escapedCategories}/${date}/${title}${outputExt}`);
}

/**
 * The URL of a page of the old site (not a post) at `dir/name`, such as its
 * `category/<slug>.html` pages: `/category/a%20b(c).html`. Undefined when
 * Jekyll's reader skipped the file or could not have built it.
 */
export function jekyllPageUrl(dir: string, name: string): string | undefined {
  if (SPECIAL_NAME.test(name)) return undefined;
  const ext = /(?<=.)\.[^.]*$/.exec(name)?.[0] ?? "";
  // Jekyll's Page#process: trailing dots leave the basename (`a..html` is served as `/a.html`).
  const basename = name.slice(0, name.length - ext.length).replace(/\.+$/, "");
  const outputExt = jekyllOutputExt(ext);
  const escapedDir = escapePath(dir);
  const escapedName = escapePath(basename);
  if (escapedDir === undefined || escapedName === undefined) return undefined;
  if (basename === "index" && outputExt === ".html") return sanitizeUrl(`/${escapedDir}/`);
  return sanitizeUrl(`/${escapedDir}/${escapedName}${outputExt}`);
}

/** The extension Jekyll gives the output of a file with extension `ext` (`.md` → `.html`). */
export function jekyllOutputExt(ext: string): string {
  return MARKDOWN_EXT.test(ext) ? ".html" : ext;
}

/**
 * The file Jekyll wrote for a URL, relative to its destination: the URL
 * unescaped, `index.html` in a folder URL, the output extension appended
 * when sanitizing ate its dot (`/a/b..html` is `/a/b/html`, written to
 * `a/b/html.html`). Undefined for a URL whose escapes are not UTF-8.
 */
export function jekyllOutputFile(url: string, outputExt: string): string | undefined {
  let file: string;
  try {
    file = decodeURIComponent(url).replace(/^\//, "");
  } catch {
    return undefined;
  }
  if (url.endsWith("/")) return `${file}index.html`;
  return file.endsWith(outputExt) ? file : `${file}${outputExt}`;
}

/**
 * Jekyll's category list for a post (before downcasing), or undefined when
 * Jekyll could not read it (a mapping, a nested list).
 */
export function jekyllCategories(data: Record<string, unknown>): string[] | undefined {
  const items = (value: unknown): string[] | undefined => {
    if (isNil(value)) return [];
    if (typeof value === "string") return value.split(RUBY_WHITESPACE).filter(Boolean);
    if (!Array.isArray(value)) return undefined;
    const out: string[] = [];
    for (const item of value) {
      // `~` and empty items are nil to Jekyll's YAML: they leave an empty segment, squeezed away.
      if (isNil(item) || item === "") continue;
      if (typeof item !== "string") return undefined;
      out.push(item);
    }
    return out;
  };
  const categories = items(data.categories);
  if (!categories) return undefined;
  // `category` is added as it is (a string is not split).
  const single = data.category;
  if (Array.isArray(single)) {
    const more = items(single);
    if (!more) return undefined;
    categories.push(...more);
  } else if (typeof single === "string" && single !== "" && !isNil(single)) categories.push(single);
  else if (!isNil(single) && single !== "") return undefined;
  return categories.filter(unique);
}

/**
 * What Jekyll's YAML reads as nil. The portal's failsafe schema keeps `~`
 * and `null` as text and cannot tell them from their quoted forms; they are
 * taken as written unquoted, the way one writes a nil.
 */
function isNil(value: unknown): boolean {
  return value === undefined || value === null || value === "~" || value === "null" || value === "Null" || value === "NULL";
}

/** `2021/12/08`: the day Jekyll dated a post whose front matter has a `date`, or undefined when Jekyll could not read it. */
function jekyllDate(value: unknown, raw: string | undefined): string | undefined {
  if (typeof value !== "string") return undefined;
  const timestamp = raw !== undefined && !/^["']/.test(raw) ? YAML_TIMESTAMP.exec(raw) : null;
  if (timestamp) {
    const [, y, mo, d, h, mi, s, zone] = timestamp;
    const fields = [y, mo, d, h, mi, s].map(Number);
    if (!validCalendarTime(fields)) return undefined;
    const instant = Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]) - zoneOffsetMs(zone);
    return dayPath(instant);
  }
  const reading = readPublishedAt(value);
  return reading.ok ? dayPath(reading.instant) : undefined;
}

function fileNameDay(year: string, month: string, day: string): string | undefined {
  if (year.length !== 4) return undefined;
  const reading = readPublishedAt(`${year}-${month}-${day}`);
  return reading.ok ? dayPath(reading.instant) : undefined;
}

function dayPath(instant: number): string {
  const { year, month, day } = shanghaiDateParts(instant);
  return `${year}/${month}/${day}`;
}

function validCalendarTime([y, mo, d, h, mi, s]: number[]): boolean {
  if (y < 1000 || y > 9999 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 60) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** `Z`, none (UTC), `+8`, `+08`, `+0800`, `+08:00`. */
function zoneOffsetMs(zone: string | undefined): number {
  if (!zone || zone.toUpperCase() === "Z") return 0;
  const m = /^([-+])(\d{1,2}):?(\d\d)?$/.exec(zone);
  if (!m) return 0;
  const sign = m[1] === "-" ? -1 : 1;
  return sign * (Number(m[2]) * 60 + Number(m[3] ?? 0)) * 60_000;
}

/**
 * The value of a top-level front-matter field as written (quotes kept, a
 * trailing `# comment` dropped), or undefined when it is not on one line of
 * its own. Only the front matter is scanned.
 */
function rawFieldValue(text: string, field: string): string | undefined {
  const lines = text.split("\n", 1000);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, "");
    if (/^(?:---|\.\.\.)\s*$/.test(line)) return undefined;
    if (!line.startsWith(`${field}:`)) continue;
    const value = line.slice(field.length + 1);
    const comment = /\s#/.exec(value);
    return (comment ? value.slice(0, comment.index) : value).trim();
  }
  return undefined;
}

/** Ruby's `String#downcase`: each code point on its own (no final-sigma rule, which JavaScript applies to whole strings). */
function downcase(value: string): string {
  let out = "";
  for (const char of value) out += char.toLowerCase();
  return out;
}

function unique<T>(value: T, index: number, all: T[]): boolean {
  return all.indexOf(value) === index;
}

/** Jekyll's `Utils.slugify(…, mode: "pretty", cased: true)`. */
export function slugifyPretty(value: string): string {
  return value.replace(PRETTY_SLUG_DROP, "-").replace(/^-/, "").replace(/-$/, "");
}

/**
 * Jekyll's `URL.escape_path` (Addressable's URI encoding), or undefined
 * where Jekyll's result is no path one can request: a `?` (the rest became
 * a query), a `//` authority, or a `name:` prefix that is not a valid URL
 * scheme (Addressable refused it and the build stopped).
 */
export function escapePath(value: string): string | undefined {
  if (value === "" || /^[a-zA-Z0-9./-]+$/.test(value)) return value;
  if (value.includes("?")) return undefined;
  if (/^(?:[^:/?#]+:)?\/\//.test(value)) return undefined;
  const scheme = /^([^:/?#]+):/.exec(value);
  if (scheme && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme[1])) return undefined;
  let out = "";
  for (const char of value) {
    if (PATH_SAFE.test(char)) out += char;
    else for (const byte of utf8.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return out;
}

/** Jekyll's `URL#sanitize_url`: a leading `/`, `..` → `/`, `./` dropped, runs of `/` squeezed. */
export function sanitizeUrl(url: string): string {
  return `/${url}`.replaceAll("..", "/").replaceAll("./", "").replace(/\/{2,}/g, "/");
}

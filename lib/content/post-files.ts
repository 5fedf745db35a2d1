/**
 * The content folder → the post files in it, read once. The folder has
 * Jekyll's layout: `_posts/` (any depth), optional `_drafts/` and
 * `category/<slug>.html` pages whose `title` names a category.
 *
 * Everything in the folder comes from a scraper, so nothing is opened
 * blindly: only regular files are read (a FIFO would block the reader
 * forever, a device could be endless), each at most `maxBytes`, and
 * symbolic links are not followed (a scraper's folder has no business
 * linking to /etc/passwd). Whatever is skipped is named in a problem, and a
 * folder that cannot be read is a problem too, not a crash. The top-level
 * `_posts`, `_drafts` and `category` folders themselves may be links: the
 * operator chooses those.
 */
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readdirSync, readSync, statSync, type Dirent, type Stats } from "node:fs";
import path from "node:path";
import { splitFrontMatter } from "./front-matter";
import { decodePostBytes } from "./decode";
import { scalarText } from "./categories";
import type { ContentProblem, Severity, SourceFile } from "./types";

const POST_EXTENSIONS = /\.(?:md|markdown|mdown|mkd|html?)$/i;

/** A post file found on disk, not read yet: enough to tell whether it changed. */
export type PostFileEntry = Omit<SourceFile, "bytes"> & { size: number };

/** The post files of a folder, and what in it was skipped (with why). */
export interface PostListing {
  files: PostFileEntry[];
  problems: ContentProblem[];
}

/** Every post file under `<contentDir>/<folder>`, sorted by path (for callers that only need the files). */
export function listPostFiles(contentDir: string, folder = "_posts"): PostFileEntry[] {
  return scanPostFiles(contentDir, folder).files;
}

/**
 * Every post file under `<contentDir>/<folder>`, sorted by path so builds
 * are deterministic; anything post-like there that is not a regular file
 * (a FIFO, a socket, a device, a symbolic link) is a problem instead.
 */
export function scanPostFiles(contentDir: string, folder = "_posts"): PostListing {
  // The content folder is chosen at run time; the bundler must not trace it.
  const root = path.join(/*turbopackIgnore: true*/ contentDir, folder);
  const listing: PostListing = { files: [], problems: [] };
  if (!existsSync(/*turbopackIgnore: true*/ root)) return listing;
  const relative = (file: string) => path.relative(contentDir, file).split(path.sep).join("/");
  const skip = (file: string, reason: string) => listing.problems.push({ file: relative(file), severity: "error", reason });
  walk(root, (file, stat) => {
    if (!POST_EXTENSIONS.test(file)) return;
    listing.files.push({ path: file, relativePath: relative(file), size: stat.size, mtimeMs: stat.mtimeMs });
  }, skip);
  listing.files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  listing.problems.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return listing;
}

/**
 * Calls `file` for each regular file under `dir` (dot-named entries aside)
 * and `skip` for what is named like a post but is not one, or cannot be
 * read. Never follows a link.
 */
function walk(dir: string, file: (full: string, stat: Stats) => void, skip: (full: string, reason: string) => void): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    skip(dir, `could not be read (${errorCode(error)}); the posts in it are skipped`);
    return;
  }
  for (const entry of entries) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    let stat: Stats;
    try {
      stat = lstatSync(full);
    } catch (error) {
      if (POST_EXTENSIONS.test(entry.name)) skip(full, `could not be read (${errorCode(error)}); skipped`);
      continue;
    }
    if (stat.isDirectory()) walk(full, file, skip);
    else if (stat.isFile()) file(full, stat);
    else if (POST_EXTENSIONS.test(entry.name) || (stat.isSymbolicLink() && pointsToFolder(full))) skip(full, notRegularReason(stat));
  }
}

/** A link to a folder may hold posts, whatever its name: worth naming. */
function pointsToFolder(link: string): boolean {
  try {
    return statSync(link).isDirectory();
  } catch {
    return false;
  }
}

/** `is a FIFO, not a regular file; skipped`, and so on for each kind. */
function notRegularReason(stat: Stats): string {
  if (stat.isSymbolicLink()) return "is a symbolic link; skipped (links are not followed)";
  if (stat.isDirectory()) return "is a folder, not a file; skipped";
  const kind = stat.isFIFO() ? "a FIFO" : stat.isSocket() ? "a socket" : stat.isBlockDevice() ? "a block device" : stat.isCharacterDevice() ? "a character device" : "not a file";
  return `is ${kind}, not a regular file; skipped`;
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message.replace(/^[A-Z]+: /, "").replace(/, \w+ '.*'$/, "")}` : message;
}

/** `20.0 MB`; `exact` keeps a whole number without decimals (`2 MB`, for limits). */
export function formatBytes(bytes: number, exact = false): string {
  const [value, unit] = bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), "MB"] : bytes >= 1024 ? [bytes / 1024, "KB"] : [bytes, "bytes"];
  if (unit === "bytes") return `${bytes} bytes`;
  return `${exact && Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

/** `is 20.0 MB, over the 2 MB limit (MAX_POST_BYTES); not read`. */
export function tooLargeReason(size: number, maxBytes: number): string {
  let shown = formatBytes(size);
  if (shown === formatBytes(maxBytes) || shown === formatBytes(maxBytes, true)) shown = `${size.toLocaleString("en-US")} bytes`;
  return `is ${shown}, over the ${formatBytes(maxBytes, true)} limit (MAX_POST_BYTES); not read`;
}

/** A file's bytes, or why it was not read. */
export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * A regular file's bytes, at most `maxBytes` of them. Opened without
 * following a link and without blocking, then checked on the open file: a
 * file swapped for a FIFO or a link after it was listed is refused, not
 * waited on, and a file that grew past the limit is not read whole.
 */
export function readRegularFile(file: string, maxBytes: number): ReadResult {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ELOOP") return { ok: false, reason: "is a symbolic link; skipped (links are not followed)" };
    return { ok: false, reason: `could not be read (${errorCode(error)})` };
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: notRegularReason(stat) };
    if (stat.size > maxBytes) return { ok: false, reason: tooLargeReason(stat.size, maxBytes) };
    const buffer = new Uint8Array(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > maxBytes) return { ok: false, reason: tooLargeReason(length, maxBytes) };
      if (length === buffer.length) break;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: `could not be read (${errorCode(error)})` };
  } finally {
    closeSync(fd);
  }
}

/**
 * The post at `relativePath` in the content folder (as the index names it),
 * read as the index read it: a regular file within `maxBytes`. Every later
 * reader (article bodies, search records, `npm run check`, the exporter's
 * fingerprints) goes through here, because the file may have been swapped
 * for a FIFO, a link or a huge file since the folder was listed.
 */
export function readPostAt(contentDir: string, relativePath: string, maxBytes: number): ReadResult {
  return readRegularFile(path.join(/*turbopackIgnore: true*/ contentDir, relativePath), maxBytes);
}

/** A listed post file with its bytes, or the problem that kept it unread. */
export function readPostFile(entry: PostFileEntry, maxBytes: number): { ok: true; file: SourceFile } | { ok: false; problem: ContentProblem } {
  const read = readRegularFile(entry.path, maxBytes);
  if (!read.ok) return { ok: false, problem: { file: entry.relativePath, severity: "error", reason: read.reason } };
  return { ok: true, file: { path: entry.path, relativePath: entry.relativePath, mtimeMs: entry.mtimeMs, bytes: read.bytes } };
}

/**
 * `category/<slug>.html` titles, by slug. The source site's titles are often
 * wrong, so the index uses them only for a category none of whose posts has
 * a tag; a page that cannot be read is skipped with a warning.
 */
export function readCategoryTitles(contentDir: string, maxBytes: number): { titles: Map<string, string>; problems: ContentProblem[] } {
  const titles = new Map<string, string>();
  const problems: ContentProblem[] = [];
  const dir = path.join(/*turbopackIgnore: true*/ contentDir, "category");
  const warn = (name: string, reason: string, severity: Severity = "warning") => problems.push({ file: `category/${name}`, severity, reason });
  if (!existsSync(dir)) return { titles, problems };
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ file: "category", severity: "warning", reason: `could not be read (${errorCode(error)}); category titles come from the posts' tags` });
    return { titles, problems };
  }
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (entry.name.startsWith(".") || !POST_EXTENSIONS.test(entry.name)) continue;
    const full = path.join(dir, entry.name);
    let stat: Stats;
    try {
      stat = lstatSync(full);
    } catch (error) {
      warn(entry.name, `could not be read (${errorCode(error)}); skipped`);
      continue;
    }
    if (!stat.isFile()) {
      warn(entry.name, notRegularReason(stat));
      continue;
    }
    if (stat.size > maxBytes) {
      warn(entry.name, tooLargeReason(stat.size, maxBytes));
      continue;
    }
    const read = readRegularFile(full, maxBytes);
    if (!read.ok) {
      warn(entry.name, read.reason);
      continue;
    }
    const decoded = decodePostBytes(read.bytes);
    if (!decoded.ok) continue;
    const split = splitFrontMatter(decoded.text);
    const title = split.ok ? scalarText(split.data.title).trim() : "";
    if (title) titles.set(entry.name.replace(POST_EXTENSIONS, ""), title);
  }
  return { titles, problems };
}

/**
 * A post's stable id, used in its URL: the file name without extension
 * (`2021-12-08-202112082206735975`), so two posts with the same slug on
 * different days differ. A name that is not a clean URL segment keeps a
 * readable ASCII part and gains a hash of the whole name.
 *
 * An id never ends in a suffix a static host maps to a file type
 * (`X.html.md` → `X-html`): in a static copy `/articles/X.html` is the page
 * of `X.md`, and `X.html`'s own page would collide with it on disk (the
 * export fails with EEXIST) or be served as another type. Ordinary ids have
 * no such suffix and stay as they are. Two posts that still end up with one
 * id (same name in two folders) are told apart by the index
 * (`content-index.ts`), with a warning.
 *
 * And an id has no dot at all (`v1.2` → `v1-2`): a page URL ends in `/`
 * (`/articles/<id>/`), and servers, Next.js among them, take a last
 * segment with a dot for a file and drop that slash.
 */
import { shortHash } from "./categories";

const CLEAN_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,150}$/;

/** Suffixes that a static host (nginx, S3, a CDN) serves by type, or that name another page of the copy. */
const TYPED_EXTENSIONS = new Set([
  "html", "htm", "xhtml", "shtml", "php", "asp", "aspx", "jsp", "cgi",
  "txt", "text", "md", "markdown", "xml", "rss", "atom", "json", "jsonld", "yaml", "yml", "toml", "csv", "tsv", "log", "ini",
  "js", "mjs", "cjs", "css", "map", "wasm",
  "pdf", "rtf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "epub",
  "png", "jpg", "jpeg", "gif", "webp", "avif", "svg", "svgz", "ico", "bmp", "tif", "tiff",
  "mp3", "mp4", "m4a", "m4v", "webm", "ogg", "oga", "ogv", "wav", "flac", "avi", "mov", "mkv", "swf",
  "zip", "gz", "tgz", "br", "zst", "bz2", "xz", "7z", "rar", "tar",
  "woff", "woff2", "ttf", "otf", "eot", "exe", "dll", "apk", "dmg", "iso", "bin",
]);

export function fileBaseName(relativePath: string): string {
  const name = relativePath.split("/").pop() ?? relativePath;
  return name.replace(/\.[^.]+$/, "");
}

/** The suffix (`.html`) by which a static host would serve a page at `id` as a typed file, if any. */
export function typedSuffix(id: string): string | undefined {
  const dot = id.lastIndexOf(".");
  if (dot < 0) return undefined;
  return TYPED_EXTENSIONS.has(id.slice(dot + 1).toLowerCase()) ? id.slice(dot) : undefined;
}

/** The typed suffix (`.html`) that `articleIdFor` rewrote in this file's id, if it did. */
export function renamedSuffix(relativePath: string): string | undefined {
  const base = fileBaseName(relativePath);
  return CLEAN_ID.test(base) ? typedSuffix(base) : undefined;
}

export function articleIdFor(relativePath: string): string {
  const base = fileBaseName(relativePath);
  if (CLEAN_ID.test(base)) {
    const suffix = typedSuffix(base);
    return (suffix ? `${base.slice(0, -suffix.length)}-${suffix.slice(1)}` : base).replaceAll(".", "-");
  }
  const readable = base.normalize("NFKC").replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return `${readable || "post"}-${shortHash(base)}`;
}

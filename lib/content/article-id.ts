/**
 * A post's stable id, used in its URL: the file name without extension
 * (`2021-12-08-202112082206735975`), so two posts with the same slug on
 * different days differ. A name that is not a clean URL segment keeps a
 * readable ASCII part and gains a hash of the whole name.
 */
import { shortHash } from "./categories";

const CLEAN_ID = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,150}$/;

export function fileBaseName(relativePath: string): string {
  const name = relativePath.split("/").pop() ?? relativePath;
  return name.replace(/\.[^.]+$/, "");
}

export function articleIdFor(relativePath: string): string {
  const base = fileBaseName(relativePath);
  if (CLEAN_ID.test(base)) return base;
  const readable = base.normalize("NFKC").replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
  return `${readable || "post"}-${shortHash(base)}`;
}

/**
 * What `npm run new` and `npm run publish` write: a draft's file name and
 * front matter, and the post a draft becomes. Pure functions; the scripts
 * do the file work.
 */
import { dump } from "js-yaml";
import { toFrontMatterDate, toIsoShanghai } from "../time";
import { fileBaseName } from "./article-id";

export interface NewDraft {
  title: string;
  category: string;
  tags?: string[];
}

/** `et7-20261128163005`: ASCII words of the title (or `draft`) and the Beijing time, unique per second. */
export function draftFileName(title: string, now: number): string {
  const words = title.normalize("NFKC").toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const slug = words.join("-").slice(0, 60).replace(/-+$/, "") || "draft";
  const stamp = toIsoShanghai(now).slice(0, 19).replace(/\D/g, "");
  return `${slug}-${stamp}.md`;
}

export function draftText({ title, category, tags = [] }: NewDraft): string {
  const data = { layout: "post", title, categories: category, ...(tags.length === 1 ? { tags: tags[0] } : tags.length > 1 ? { tags } : {}) };
  // Every value double-quoted: YAML then escapes whatever it cannot hold raw
  // (quotes, controls, line separators), and a title such as `yes`, `1.0`
  // or `- x` stays the string it was.
  const frontMatter = dump(data, { forceQuotes: true, quotingType: '"', lineWidth: -1 });
  return `---\n${frontMatter}---\n\n在这里写正文。第一句会作为摘要。\n`;
}

/** `_posts/` name of a draft published at `now`: `2026-11-28-et7-20261128163005.md`. */
export function publishedFileName(draftPath: string, now: number): string {
  const base = fileBaseName(draftPath).replace(/^\d{4}-\d{2}-\d{2}-/, "");
  const extension = /\.[^./]+$/.exec(draftPath)?.[0] ?? ".md";
  return `${toIsoShanghai(now).slice(0, 10)}-${base}${extension}`;
}

/**
 * The draft's text with its front-matter `date:` set to `now` (replaced, or
 * added after the title). Undefined when the text has no front matter.
 */
export function withPublishDate(text: string, now: number): string | undefined {
  const lines = text.split("\n");
  const open = lines.findIndex((l) => l.trim() !== "");
  if (open < 0 || lines[open].replace(/^\uFEFF/, "").trimEnd() !== "---") return undefined;
  const close = lines.findIndex((l, i) => i > open && l.trimEnd() === "---");
  if (close < 0) return undefined;
  const dateLine = `date: ${toFrontMatterDate(now)}`;
  const existing = lines.findIndex((l, i) => i > open && i < close && /^date\s*:/.test(l));
  if (existing >= 0) lines[existing] = dateLine;
  else {
    const title = lines.findIndex((l, i) => i > open && i < close && /^title\s*:/.test(l));
    lines.splice(title >= 0 ? title + 1 : close, 0, dateLine);
  }
  return lines.join("\n");
}

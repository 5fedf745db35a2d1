/**
 * One post file → a `ParsedPost` (the index record) or the reasons it was
 * skipped; and, separately, one post file → its sanitized body HTML.
 * Indexing needs only the metadata, so the costly render runs only for the
 * article pages actually generated. Both are per-post boundaries: nothing a
 * file contains may throw past them.
 */
import { formatShanghai, parseFileNameDate, parsePublishedAt } from "../time";
import { articleIdFor, fileBaseName } from "./article-id";
import { UNCATEGORIZED, categorySlugFrom, mediaNameFromTag, scalarText, tagsFrom } from "./categories";
import { decodePostBytes } from "./decode";
import { splitFrontMatter } from "./front-matter";
import { extractLede, stripLegacyTrailer } from "./legacy-trailer";
import { findSourceCredit, markupToPlainText } from "./plain-text";
import { renderBody } from "./render";
import { firstSentences } from "./summary";
import type { ContentProblem, ParseResult, SourceFile } from "./types";

const TITLE_FROM_TEXT_LENGTH = 60;

export function parsePost(file: SourceFile): ParseResult {
  try {
    return parsePostUnguarded(file);
  } catch (error) {
    // A bug, not a content problem, but one post must never stop the site.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ file: file.relativePath, severity: "error", reason: `could not be read: ${detail}` }] };
  }
}

function parsePostUnguarded(file: SourceFile): ParseResult {
  const problems: ContentProblem[] = [];
  const fail = (reason: string, line?: number): ParseResult => ({
    ok: false,
    problems: [...problems, { file: file.relativePath, line, severity: "error", reason }],
  });
  const warn = (reason: string, line?: number) =>
    problems.push({ file: file.relativePath, line, severity: "warning", reason });

  const decoded = decodePostBytes(file.bytes);
  if (!decoded.ok) return fail(decoded.reason);
  const split = splitFrontMatter(decoded.text);
  if (!split.ok) return fail(split.reason, split.line);
  const { data } = split;
  const fieldLine = (field: string) => findFieldLine(decoded.text, field);

  const rawTitle = scalarText(data.title).replace(/\s+/g, " ").trim();
  // Jekyll's drafts have no date in their name: their date is the front matter's, else the file's time.
  const draft = file.relativePath.startsWith("_drafts/");
  const publishedAt = draft ? (parsePublishedAt(data.date) ?? file.mtimeMs) : resolveDate(data.date, file, warn, fieldLine("date"));
  if (!rawTitle && publishedAt === undefined) {
    return fail("has neither a title nor a date");
  }

  const { body, lede, sourceUrl } = bodyParts(split.body);
  const bodyText = markupToPlainText(body);
  const summary = lede ? markupToPlainText(lede) : firstSentences(bodyText);

  let title = rawTitle;
  if (!title) {
    title = firstSentences(summary || bodyText, TITLE_FROM_TEXT_LENGTH);
    if (!title) return fail("title is empty and the post has no text to take one from", fieldLine("title"));
    warn("title is empty; the summary stands in for it", fieldLine("title"));
  }

  if (publishedAt === undefined) {
    warn("has no date in its front matter or file name; the file's modification time stands in for it", fieldLine("date"));
  }

  let categorySlug = categorySlugFrom(data);
  if (!categorySlug) {
    categorySlug = UNCATEGORIZED;
    warn("has no category; filed under 'uncategorized'");
  }
  const tags = tagsFrom(data.tags);
  if (!sourceUrl) warn("has no source URL (the '<http://…>' line)");

  return {
    ok: true,
    problems,
    post: {
      id: articleIdFor(file.relativePath),
      title,
      publishedAt: publishedAt ?? file.mtimeMs,
      categorySlug,
      tags,
      summary,
      lede: lede ? summary : undefined,
      source: {
        name: findSourceCredit(bodyText) ?? (tags[0] ? mediaNameFromTag(tags[0]) : categorySlug),
        url: sourceUrl,
      },
      file: file.relativePath,
      ...(draft ? { draft: true as const } : {}),
      ...(isUnpublished(data.published) ? { unpublished: true as const } : {}),
    },
  };
}

/** `published: false` (any case, quoted or not), as Jekyll reads it. */
function isUnpublished(value: unknown): boolean {
  return scalarText(value).trim().toLowerCase() === "false";
}

/** The body as readers see it: without the legacy trailer and the `> ` lede, which become structure. */
function bodyParts(markdown: string) {
  const trailer = stripLegacyTrailer(markdown);
  const { body, lede } = extractLede(trailer.body);
  return { body, lede, sourceUrl: trailer.sourceUrl };
}

/**
 * A post's body as sanitized HTML, for its article page. Undefined when the
 * file can no longer be read (it was indexed, then broken or removed).
 */
export function renderPostBody(file: Pick<SourceFile, "bytes">): string | undefined {
  try {
    const decoded = decodePostBytes(file.bytes);
    if (!decoded.ok) return undefined;
    const split = splitFrontMatter(decoded.text);
    if (!split.ok) return undefined;
    return renderBody(bodyParts(split.body).body).html;
  } catch {
    return undefined;
  }
}

/**
 * The front-matter date, else the file name's, else (with a warning) the
 * file's modification time only when the post has a title to go by.
 * Returns undefined when there is no date at all.
 */
function resolveDate(
  value: unknown,
  file: SourceFile,
  warn: (reason: string, line?: number) => void,
  line: number | undefined,
): number | undefined {
  const fromFrontMatter = parsePublishedAt(value);
  if (fromFrontMatter !== undefined) return fromFrontMatter;
  const fromName = parseFileNameDate(fileBaseName(file.relativePath));
  const shown = scalarText(value);
  if (fromName !== undefined) {
    const instead = `the date in the file name (${formatShanghai(fromName).slice(0, 10)}) stands in for it`;
    warn(shown.trim() === "" ? `has no date; ${instead}` : `date '${shown}' has no date; ${instead}`, line);
    return fromName;
  }
  return undefined;
}

/** 1-based line of a top-level front-matter field, for messages. */
function findFieldLine(text: string, field: string): number | undefined {
  const lines = text.split("\n", 200);
  const index = lines.findIndex((l) => l.startsWith(`${field}:`));
  return index >= 0 ? index + 1 : undefined;
}

/**
 * One post file → a `ParsedPost` (the index record) or the reasons it was
 * skipped; and, separately, one post file → its sanitized body HTML.
 * Indexing needs only the metadata, so the costly render runs only for the
 * article pages actually generated. Both are per-post boundaries: nothing a
 * file contains may throw past them.
 */
import { formatShanghai, parseFileNameDate, parsePublishedAt, readPublishedAt } from "../time";
import { articleIdFor, fileBaseName } from "./article-id";
import { UNCATEGORIZED, categorySlugFrom, mediaNameFromTag, scalarText, tagsFrom } from "./categories";
import { flattenedBodyHtml } from "./flatten";
import { jekyllPostUrl } from "./jekyll-permalink";
import { firstBodyImage } from "./body-image";
import { contentLimits } from "./limits";
import { flattenReason, measureNesting } from "./nesting";
import { postParts } from "./post-parts";
import { findSourceCredit, markupToPlainText } from "./plain-text";
import { formatProblem } from "./problems";
import { renderBody } from "./render";
import { firstSentences } from "./summary";
import type { ContentLimits, ContentProblem, ParseResult, SourceFile } from "./types";

const TITLE_FROM_TEXT_LENGTH = 60;

/**
 * `limits.maxPostDepth`: a body nested deeper is published with a warning
 * and shown as plain text (`renderPostBody` decides the same way).
 */
export function parsePost(file: SourceFile, limits: Pick<ContentLimits, "maxPostDepth"> = contentLimits()): ParseResult {
  try {
    return parsePostUnguarded(file, limits);
  } catch (error) {
    // A bug, not a content problem, but one post must never stop the site.
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, problems: [{ file: file.relativePath, severity: "error", reason: `could not be read: ${detail}` }] };
  }
}

function parsePostUnguarded(file: SourceFile, limits: Pick<ContentLimits, "maxPostDepth">): ParseResult {
  const problems: ContentProblem[] = [];
  const fail = (reason: string, line?: number): ParseResult => ({
    ok: false,
    problems: [...problems, { file: file.relativePath, line, severity: "error", reason }],
  });
  const warn = (reason: string, line?: number) =>
    problems.push({ file: file.relativePath, line, severity: "warning", reason });

  const parts = postParts(file.bytes);
  if (!parts.ok) return fail(parts.reason, parts.line);
  const { data, body, lede, sourceUrl, text } = parts;
  const fieldLine = (field: string) => findFieldLine(text, field);

  const rawTitle = scalarText(data.title).replace(/\s+/g, " ").trim();
  // Jekyll's drafts have no date in their name: their date is the front matter's, else the file's time.
  const draft = file.relativePath.startsWith("_drafts/");
  const publishedAt = draft ? (parsePublishedAt(data.date) ?? file.mtimeMs) : resolveDate(data.date, file, warn, fieldLine("date"));
  if (!rawTitle && publishedAt === undefined) {
    return fail("has neither a title nor a date");
  }

  const bodyText = markupToPlainText(body);
  const summary = lede ? markupToPlainText(lede) : firstSentences(bodyText);

  let title = rawTitle;
  if (!title) {
    title = firstSentences(summary || bodyText, TITLE_FROM_TEXT_LENGTH);
    if (!title) return fail("title is empty and the post has no text to take one from", fieldLine("title"));
    warn("title is empty; the summary stands in for it", fieldLine("title"));
  }

  if (publishedAt === undefined) {
    const refused = readPublishedAt(data.date);
    const why = !refused.ok && refused.reason ? `date '${scalarText(data.date)}' is out of range (${refused.reason})` : "has no date in its front matter or file name";
    warn(`${why}; the file's modification time stands in for it`, fieldLine("date"));
  }

  let categorySlug = categorySlugFrom(data);
  if (!categorySlug) {
    categorySlug = UNCATEGORIZED;
    warn("has no category; filed under 'uncategorized'");
  }
  const tags = tagsFrom(data.tags);
  if (!sourceUrl) warn("has no source URL (the '<http://…>' line)");
  const flat = flattenReason(measureNesting(body), limits.maxPostDepth);
  if (flat) warn(flat);
  const image = firstBodyImage(body);
  const jekyllUrl = draft ? undefined : jekyllPostUrl({ relativePath: file.relativePath, data, text });

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
      ...(image ? { image } : {}),
      ...(jekyllUrl ? { jekyllUrl } : {}),
      ...(draft ? { draft: true as const } : {}),
      ...(isUnpublished(data.published) ? { unpublished: true as const } : {}),
    },
  };
}

/** `published: false` (any case, quoted or not), as Jekyll reads it. */
function isUnpublished(value: unknown): boolean {
  return scalarText(value).trim().toLowerCase() === "false";
}

/** A body as its page shows it (`ok`), or why there is none; with what went wrong on the way. */
export type BodyRender = { ok: true; html: string; problems: ContentProblem[] } | { ok: false; problems: ContentProblem[] };

/**
 * A post's body as sanitized HTML, for its article page, and the problems
 * met: the same flattening decision as `parsePost` (a warning), or an error
 * when the file no longer reads (it was indexed, then broken) or the
 * pipeline threw anyway. A throw is not a missing page: the body is then
 * shown as plain text too. Pure; never throws.
 */
export function renderPostBodyResult(file: Pick<SourceFile, "bytes" | "relativePath">, limits: Pick<ContentLimits, "maxPostDepth"> = contentLimits()): BodyRender {
  const problem = (severity: ContentProblem["severity"], reason: string, line?: number): ContentProblem => ({ file: file.relativePath, line, severity, reason });
  let body: string;
  try {
    const parts = postParts(file.bytes);
    if (!parts.ok) return { ok: false, problems: [problem("error", parts.reason, parts.line)] };
    body = parts.body;
  } catch (error) {
    return { ok: false, problems: [problem("error", `could not be read: ${describeError(error)}`)] };
  }
  const flat = flattenReason(measureNesting(body), limits.maxPostDepth);
  if (flat) return { ok: true, html: flattenedBodyHtml(body), problems: [problem("warning", flat)] };
  try {
    return { ok: true, html: renderBody(body).html, problems: [] };
  } catch (error) {
    const reason = `could not be rendered (${describeError(error)}); its page shows it as plain text`;
    return { ok: true, html: flattenedBodyHtml(body), problems: [problem("error", reason)] };
  }
}

/**
 * `renderPostBodyResult`'s HTML, for a page. Errors are logged, one line
 * each in `npm run check`'s words, so that a page that fell back to plain
 * text (or has no body) never does so silently. Undefined: no body.
 */
export function renderPostBody(file: Pick<SourceFile, "bytes" | "relativePath">, limits?: Pick<ContentLimits, "maxPostDepth">): string | undefined {
  const result = renderPostBodyResult(file, limits);
  for (const p of result.problems) if (p.severity === "error") console.error(`content: ${formatProblem(p)}`);
  return result.ok ? result.html : undefined;
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
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
  const fromFrontMatter = readPublishedAt(value);
  if (fromFrontMatter.ok) return fromFrontMatter.instant;
  const fromName = parseFileNameDate(fileBaseName(file.relativePath));
  const shown = scalarText(value);
  if (fromName !== undefined) {
    const instead = `the date in the file name (${formatShanghai(fromName).slice(0, 10)}) stands in for it`;
    if (fromFrontMatter.reason) warn(`date '${shown}' is out of range (${fromFrontMatter.reason}); ${instead}`, line);
    else warn(shown.trim() === "" ? `has no date; ${instead}` : `date '${shown}' has no date; ${instead}`, line);
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

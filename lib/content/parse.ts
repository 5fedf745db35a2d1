/**
 * One post file → a `ParsedPost` or the reasons it was skipped. This is the
 * per-post boundary: nothing a file contains may throw past it.
 */
import { formatShanghai, parseFileNameDate, parsePublishedAt } from "../time";
import { articleIdFor, fileBaseName } from "./article-id";
import { UNCATEGORIZED, categorySlugFrom, mediaNameFromTag, scalarText, tagsFrom } from "./categories";
import { decodePostBytes } from "./decode";
import { splitFrontMatter } from "./front-matter";
import { extractLede, stripLegacyTrailer } from "./legacy-trailer";
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
  const publishedAt = resolveDate(data.date, file, warn, fieldLine("date"));
  if (!rawTitle && publishedAt === undefined) {
    return fail("has neither a title nor a date");
  }

  const trailer = stripLegacyTrailer(split.body);
  const { body, lede } = extractLede(trailer.body);
  const rendered = renderBody(body);
  const summary = lede ? renderBody(lede).text : firstSentences(rendered.text);

  let title = rawTitle;
  if (!title) {
    title = firstSentences(summary || rendered.text, TITLE_FROM_TEXT_LENGTH);
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
  if (!trailer.sourceUrl) warn("has no source URL (the '<http://…>' line)");

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
      bodyHtml: rendered.html,
      source: {
        name: rendered.sourceCredit ?? (tags[0] ? mediaNameFromTag(tags[0]) : categorySlug),
        url: trailer.sourceUrl,
      },
      file: file.relativePath,
    },
  };
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

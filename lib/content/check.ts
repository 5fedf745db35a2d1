/**
 * What `npm run check` reports about a content folder: every problem with
 * the file's path as the editor would open it, and whether the folder is
 * fit to publish (no post would be skipped).
 */
import path from "node:path";
import { contentLimits } from "./limits";
import { readPostAt } from "./post-files";
import { loadContent } from "./load-content";
import { formatProblem, formatSummary } from "./problems";
import { renderPostBodyResult } from "./parse";
import type { ContentLimits, ContentProblem } from "./types";

export interface CheckReport {
  contentDir: string;
  published: number;
  skipped: number;
  warnings: number;
  /** Drafts, unpublished and scheduled posts (checked, not published). */
  notPublic: number;
  /** Errors (the post is skipped) and warnings (published with a repair), in file order. */
  problems: ContentProblem[];
  /** False when any post would be skipped, or its page could not be rendered. */
  ok: boolean;
}

/**
 * Checks every post under `contentDir`, as the build reads it and as its
 * page renders it: each readable post's body goes through the render
 * pipeline too (a few ms a post), so that a post whose page would fall
 * back to plain text or fail is an error here, not a surprise in the server
 * log. Paths in the problems are relative to `displayFrom` (the working
 * directory, for a terminal), so they open with a click.
 */
export function checkContent(contentDir: string, displayFrom = process.cwd(), limits: ContentLimits = contentLimits()): CheckReport {
  // Drafts too: an editor wants to hear about a broken draft before publishing it.
  const content = loadContent(contentDir, new Map(), { includeHidden: true, limits });
  const found = [...content.problems, ...renderErrors(contentDir, content.cache, limits)];
  // Problems in file order (stable: a file's own come in the order they were found).
  found.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const problems = withDisplayPaths(found, contentDir, displayFrom);
  return {
    contentDir,
    published: content.published,
    skipped: content.skipped,
    notPublic: content.notPublic,
    warnings: problems.filter((p) => p.severity === "warning").length,
    problems,
    ok: content.skipped === 0 && problems.every((p) => p.severity !== "error"),
  };
}

/** The errors of rendering each readable post's page (its flattening warning is the parser's already). */
function renderErrors(contentDir: string, parsed: ReturnType<typeof loadContent>["cache"], limits: ContentLimits): ContentProblem[] {
  const errors: ContentProblem[] = [];
  for (const [relativePath, { result }] of parsed) {
    if (!result.ok) continue;
    const read = readPostAt(contentDir, relativePath, limits.maxPostBytes);
    if (!read.ok) {
      errors.push({ file: relativePath, severity: "error", reason: `its page cannot be checked: ${read.reason}` });
      continue;
    }
    for (const problem of renderPostBodyResult({ bytes: read.bytes, relativePath }, limits).problems) if (problem.severity === "error") errors.push(problem);
  }
  return errors;
}

/** The problems with paths relative to `displayFrom` instead of the content folder. */
export function withDisplayPaths(problems: ContentProblem[], contentDir: string, displayFrom = process.cwd()): ContentProblem[] {
  const shown = (file: string) => path.relative(displayFrom, path.join(contentDir, file)).split(path.sep).join("/");
  return problems.map((p) => ({ ...p, file: shown(p.file) }));
}

/** One line per problem, then the counts: what a terminal shows. */
export function formatCheckReport(report: CheckReport): string[] {
  return [...report.problems.map(formatProblem), formatSummary(report)];
}

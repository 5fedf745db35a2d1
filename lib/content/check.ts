/**
 * What `npm run check` reports about a content folder: every problem with
 * the file's path as the editor would open it, and whether the folder is
 * fit to publish (no post would be skipped).
 */
import path from "node:path";
import { formatProblem, formatSummary, loadContent } from "./load-content";
import type { ContentProblem } from "./types";

export interface CheckReport {
  contentDir: string;
  published: number;
  skipped: number;
  warnings: number;
  /** Drafts, unpublished and scheduled posts (checked, not published). */
  notPublic: number;
  /** Errors (the post is skipped) and warnings (published with a repair), in file order. */
  problems: ContentProblem[];
  /** False when any post would be skipped. */
  ok: boolean;
}

/**
 * Checks every post under `contentDir`. Paths in the problems are relative
 * to `displayFrom` (the working directory, for a terminal), so they open
 * with a click.
 */
export function checkContent(contentDir: string, displayFrom = process.cwd()): CheckReport {
  // Drafts too: an editor wants to hear about a broken draft before publishing it.
  const content = loadContent(contentDir, new Map(), { includeHidden: true });
  const problems = withDisplayPaths(content.problems, contentDir, displayFrom);
  return {
    contentDir,
    published: content.published,
    skipped: content.skipped,
    notPublic: content.notPublic,
    warnings: problems.filter((p) => p.severity === "warning").length,
    problems,
    ok: content.skipped === 0,
  };
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

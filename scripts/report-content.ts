/**
 * Prints what the content engine made of a content folder at the end of a
 * build, in `npm run check`'s words: each skipped post (path, line, reason),
 * warnings (capped: `npm run check` lists them all), and the counts.
 */
import { withDisplayPaths } from "../lib/content/check";
import type { LoadedContent } from "../lib/content/load-content";
import { formatProblem, formatSummary } from "../lib/content/problems";

const WARNINGS_SHOWN = 20;

export function reportContent(content: LoadedContent, contentDir: string, log: (line: string) => void = console.log): void {
  const shown = withDisplayPaths(content.problems, contentDir);
  const errors = shown.filter((p) => p.severity === "error");
  const warnings = shown.filter((p) => p.severity === "warning");
  for (const problem of errors) log(formatProblem(problem));
  for (const problem of warnings.slice(0, WARNINGS_SHOWN)) log(formatProblem(problem));
  if (warnings.length > WARNINGS_SHOWN) log(`… and ${warnings.length - WARNINGS_SHOWN} more warnings (npm run check lists them all)`);
  log(formatSummary(content));
}

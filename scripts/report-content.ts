/**
 * Prints what the content engine made of a content folder: one line per
 * skipped post (file and reason), warnings (capped), and the counts.
 */
import { formatProblem, formatSummary, type LoadedContent } from "../lib/content/load-content";

const WARNINGS_SHOWN = 20;

export function reportContent(content: LoadedContent, log: (line: string) => void = console.log): void {
  const errors = content.problems.filter((p) => p.severity === "error");
  const warnings = content.problems.filter((p) => p.severity === "warning");
  for (const problem of errors) log(`skipped ${formatProblem(problem)}`);
  for (const problem of warnings.slice(0, WARNINGS_SHOWN)) log(formatProblem(problem));
  if (warnings.length > WARNINGS_SHOWN) log(`… and ${warnings.length - WARNINGS_SHOWN} more warnings`);
  log(formatSummary(content));
}

/**
 * One content problem → one line of text, for terminals, build logs and
 * server logs: `_posts/x.md:3: error: reason`.
 */
import type { ContentProblem } from "./types";

/** `_posts/x.md:3: error: title is empty`: one line per problem, for terminals and build logs. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.severity}: ${problem.reason}`;
}

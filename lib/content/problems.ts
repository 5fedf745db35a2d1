/**
 * Content problems as text, for terminals, build logs and server logs: one
 * line per problem (`_posts/x.md:3: error: reason`) and one summary line.
 */
import type { ContentProblem } from "./types";

const NAMED_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * What must not reach a terminal raw from a file name or a reason: C0
 * controls, DEL, C1 controls, the line and paragraph separators, and the
 * bidirectional overrides (which can make a name read as another).
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `\n` → `\\n`, `\u001b` → `\\x1b`, `\u2028` → `\\u{2028}`: visible, and never a line break. */
export function escapeControlCharacters(text: string): string {
  return text.replace(UNPRINTABLE, (c) => {
    const code = c.charCodeAt(0);
    return NAMED_ESCAPES[c] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u{${code.toString(16)}}`);
  });
}

/**
 * `_posts/x.md:3: error: title is empty`: one line per problem, whatever
 * the file is called (a newline in a name would forge a second problem).
 * JSON output keeps the raw name; JSON escapes it itself.
 */
export function formatProblem(problem: ContentProblem): string {
  const file = escapeControlCharacters(problem.file);
  const where = problem.line ? `${file}:${problem.line}` : file;
  return `${where}: ${problem.severity}: ${escapeControlCharacters(problem.reason)}`;
}

/** `55 posts published, 0 skipped, 5 warnings`: what a load or a check came to, in one line. */
export function formatSummary(content: { published: number; skipped: number; problems: ContentProblem[]; notPublic?: number }): string {
  const warnings = content.problems.filter((p) => p.severity === "warning").length;
  const notPublic = content.notPublic ? `, ${content.notPublic} not public (drafts, unpublished or scheduled)` : "";
  return `${content.published} posts published, ${content.skipped} skipped, ${warnings} warnings${notPublic}`;
}

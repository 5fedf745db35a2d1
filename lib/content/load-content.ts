/**
 * The content engine end to end: a content folder → its index and the
 * problems found, with counts. `lib/content/store.ts` keeps one per process.
 */
import { buildIndex, type ContentIndex } from "./content-index";
import { readCategoryTitles, readPostFiles } from "./load";
import { parsePost } from "./parse";
import type { ContentProblem, ParsedPost } from "./types";

export interface LoadedContent {
  index: ContentIndex;
  /** Every problem, in file order: errors (skipped posts) and warnings. */
  problems: ContentProblem[];
  published: number;
  skipped: number;
}

export function loadContent(contentDir: string): LoadedContent {
  const posts: ParsedPost[] = [];
  const problems: ContentProblem[] = [];
  let skipped = 0;
  for (const file of readPostFiles(contentDir)) {
    const result = parsePost(file);
    problems.push(...result.problems);
    if (result.ok) posts.push(result.post);
    else skipped++;
  }
  const index = buildIndex(posts, readCategoryTitles(contentDir));
  problems.push(...index.problems);
  return { index, problems, published: index.articles.length, skipped };
}

/** `_posts/x.md:3: error: title is empty`: one line per problem, for terminals and build logs. */
export function formatProblem(problem: ContentProblem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}: ${problem.severity}: ${problem.reason}`;
}

export function formatSummary(content: Pick<LoadedContent, "published" | "skipped" | "problems">): string {
  const warnings = content.problems.filter((p) => p.severity === "warning").length;
  return `${content.published} posts published, ${content.skipped} skipped, ${warnings} warnings`;
}

/** What one run of the export bench found, per corpus size: export-bench.ts fills it, export-report.ts prints it. */
import type { Generator } from "./compare";
import type { ExportTree, TreeChanges } from "./export-tree";
import type { MeasuredRun } from "./proc";
import type { BuildPhases } from "./results";

/**
 * The portal's export runs, all `STATIC_EXPORT=1 npm run build` in the same
 * work-tree snapshot, differing only in what is on disk before:
 * - cold: nothing built (no out/, no .cache/, no Next build folder);
 * - full: out/ and .cache/ removed, the Next build folder kept (code already built);
 * - incremental: the previous full export's out/ and .cache/ kept, N posts added;
 * - unchanged: right after an incremental run, nothing changed.
 */
export type PortalMode = "cold" | "full" | "incremental" | "unchanged";
export const PORTAL_MODES: PortalMode[] = ["cold", "full", "incremental", "unchanged"];

export interface PortalRun {
  run: MeasuredRun;
  /** Whether `next build` ran (its log lines); with a code fingerprint it should not after the first build. */
  nextBuildRan: boolean;
  phases: BuildPhases;
  /** out/ after a successful run. */
  tree?: ExportTree;
  /** What the run wrote, against out/ as it was before (incremental and unchanged runs). */
  changes?: TreeChanges;
  /** Posts added to the corpus just before this run. */
  addedPosts?: number;
}

export interface GeneratorTree {
  bytes: number;
  diskBytes: number;
  files: number;
  htmlFiles: number;
}

export interface GeneratorResult {
  generator: Generator;
  runs: { run: MeasuredRun }[];
  /** The output of the last successful run. */
  output?: GeneratorTree;
  /** Why it did not run (not installed, or skipped). */
  skipped?: string;
}

export interface ExportSizeResult {
  posts: number;
  validPosts: number;
  broken: number;
  corpusBytes: number;
  hugo: GeneratorResult;
  jekyll: GeneratorResult;
  portal: Record<PortalMode, PortalRun[]>;
  /** What was on disk from earlier runs when the first full export started (after `fullRemoves`): what "code already built" kept. */
  keptForFull?: { path: string; bytes: number; files: number }[];
  /** Phases that failed, with why; the rest of the run goes on. */
  errors: string[];
  notes: string[];
}

export interface ExportBenchSettings {
  sizes: number[];
  seed: number;
  /** Each measurement is repeated this many times; the report gives medians. */
  runs: number;
  /** Paths of the work tree removed before each "full" run (default out and .cache): the rest of the earlier builds stays. */
  fullRemoves: string[];
  /** Posts added before each incremental run. */
  addPosts: number;
  portalTimeoutMs: number;
  hugoTimeoutMs: number;
  jekyllTimeoutMs: number;
  skipHugo: boolean;
  skipJekyll: boolean;
  siteUrl: string;
  /** Shown at the top of the report (e.g. that it is a trial of an older engine). */
  label?: string;
  /** The command line, for "how to reproduce" (without the options that only say where files go). */
  command: string;
}

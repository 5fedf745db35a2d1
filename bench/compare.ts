/**
 * The same corpus built by Jekyll and by Hugo, each from a temp copy of the
 * minimal site in bench/sites/, for a build-time comparison. The
 * sites are deliberately bare (one list, one post layout): this measures
 * the generators' floor, not a like-for-like portal.
 */
import { cpSync, existsSync } from "node:fs";
import { delimiter } from "node:path";
import path from "node:path";
import { copyValidPosts, type CorpusFile } from "./corpus";
import { dirSize, type DirSize } from "./fs-size";
import { runMeasured, type MeasuredRun } from "./proc";

export type Generator = "jekyll" | "hugo";

export interface GeneratorBuild {
  generator: Generator;
  run?: MeasuredRun;
  output?: DirSize;
  /** Why it did not run (not installed, or skipped). */
  skipped?: string;
}

export function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const SITES = path.join(__dirname, "sites");

interface Layout {
  postsDir: string;
  outDir: string;
  args: (site: string, out: string) => string[];
}

const LAYOUTS: Record<Generator, Layout> = {
  jekyll: { postsDir: "_posts", outDir: "_site", args: (site, out) => ["build", "--source", site, "--destination", out] },
  hugo: { postsDir: "content/posts", outDir: "public", args: (site, out) => ["--source", site, "--destination", out] },
};

/** Where `buildWithGenerator` has the generator write its site under `workDir`. */
export function generatorOutputDir(generator: Generator, workDir: string): string {
  return path.join(workDir, `${generator}-site`, LAYOUTS[generator].outDir);
}

export async function buildWithGenerator(generator: Generator, corpusDir: string, files: CorpusFile[], workDir: string, timeoutMs: number): Promise<GeneratorBuild> {
  const bin = onPath(generator);
  if (!bin) return { generator, skipped: `${generator} is not on PATH` };
  const layout = LAYOUTS[generator];
  const site = path.join(workDir, `${generator}-site`);
  cpSync(path.join(SITES, generator), site, { recursive: true });
  copyValidPosts(corpusDir, files, path.join(site, layout.postsDir));
  const out = path.join(site, layout.outDir);
  const run = await runMeasured(bin, layout.args(site, out), {
    cwd: site,
    env: { ...process.env, JEKYLL_ENV: "production" },
    logFile: path.join(workDir, `${generator}-build.log`),
    timeoutMs,
  });
  return { generator, run, output: run.ok && existsSync(out) ? dirSize(out) : undefined };
}

/** What one benchmark run found, per corpus size: the runner fills it, the report prints it. */
import type { GeneratorBuild } from "./compare";
import type { DirSize } from "./fs-size";
import type { PageWeight } from "./page-weight";
import type { MeasuredRun } from "./proc";
import type { Distribution } from "./stats";
import type { Throughput } from "./throughput";

export interface BuildResult {
  run: MeasuredRun;
  output?: DirSize;
  /** Article pages prerendered at build. */
  prerenderedArticles: number;
  /** 1-minute load average when the build started: other work on the machine skews every figure. */
  loadAvgAtStart: number;
  phases: BuildPhases;
}

/** What `next build` says about its own phases (best effort, from its log). */
export interface BuildPhases {
  compileMs?: number;
  staticPagesMs?: number;
  staticPages?: number;
  workers?: number;
}

export interface ColdHit {
  path: string;
  status: number;
  ms: number;
  /** x-nextjs-cache of that first answer ("" when absent). */
  cache: string;
  prerendered: boolean;
  /** The server's very first on-demand render (another old article, just before), which also loads the page's code. */
  processFirstRenderMs?: number;
}

export interface ServeResult {
  /** `npm start` until `/` answered 200. */
  serverStartMs: number;
  /** Posts the portal should publish (clean ones and the repairable broken kind). */
  expectedArticles: number;
  sitemapArticles: number;
  /** Expected articles not in the sitemap (requested anyway). */
  missingFromSitemap: number;
  requested: number;
  /** Answers other than 200, including failed requests (status 0). */
  non200: number;
  non200Examples: string[];
  /** Not requested because the crawl hit its time cap. */
  notRequested: number;
  crawlMs: number;
  /** Build start → last article answered. */
  buildStartToLastAnswerMs: number;
  /** Build start → every article answered 200 (undefined when some did not). */
  buildStartToAllOkMs?: number;
  cacheHeaders: Record<string, number>;
  /** First-request latency during the crawl, by whether the page was prerendered at build. */
  prerenderedLatency: Distribution;
  onDemandLatency: Distribution;
  /** One old article's first request on an otherwise idle server, after one other on-demand render. */
  coldHit?: ColdHit;
  weights: PageWeight[];
  throughputPrerendered?: Throughput & { path: string };
  throughputOld?: Throughput & { path: string; prerendered: boolean };
  /** Peak memory of the `npm start` tree over the crawl and load tests. */
  serverPeakRssBytes?: number;
  /** The dist dir (without cache/) once every article was served: on-demand pages are cached there. */
  distAfterServing?: DirSize;
}

export interface ExportResult {
  run: MeasuredRun;
  output?: DirSize;
  hasIndexHtml: boolean;
  /** Whether the export build wrote a `.next` folder beside its own distDir. */
  wroteDotNext: boolean;
}

export interface SizeResult {
  posts: number;
  broken: number;
  validPosts: number;
  corpusBytes: number;
  build?: BuildResult;
  serve?: ServeResult;
  staticExport?: ExportResult;
  generators: GeneratorBuild[];
  /** Phases that failed, with why; the rest of the run goes on. */
  errors: string[];
  notes: string[];
}

export interface MachineInfo {
  cpuModel: string;
  cpuCount: number;
  totalMemBytes: number;
  os: string;
  node: string;
  nextDeclared: string;
  nextInstalled: string;
  jekyll?: string;
  hugo?: string;
  date: string;
  codeVersion: string;
}

export interface BenchSettings {
  sizes: number[];
  seed: number;
  compare: boolean;
  staticExport: boolean;
  concurrency: number;
  connections: number;
  durationSec: number;
  compareTimeoutMs: number;
  buildTimeoutMs: number;
  crawlTimeoutMs: number;
}

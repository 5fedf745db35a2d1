/**
 * The portal's side of the benchmark: `npm run build` and `npm start` with
 * the bench's own dist dir, exactly as a publisher would run them.
 */
import { existsSync, readFileSync, rmSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { dirSize, type DirSize } from "./fs-size";
import { waitForOk } from "./http";
import { atExit, killTree, runMeasured, startTree, TreeMemoryPoller, type MeasuredRun } from "./proc";
import type { BuildPhases } from "./results";
import { restoreNextWrittenFiles, saveNextWrittenFiles } from "./workspace";

export interface PortalEnvOptions {
  corpusDir: string;
  distDir: string;
  /**
   * The content engine's parse cache (CONTENT_CACHE_DIR). One fresh folder
   * per corpus: the build starts cold, as a first build does, and the server
   * after it reuses what the build parsed, as a publisher's would; the
   * repo's own .cache/ is left alone.
   */
  cacheDir: string;
  staticExport?: boolean;
}

export function portalEnv({ corpusDir, distDir, cacheDir, staticExport }: PortalEnvOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, CONTENT_DIR: corpusDir, CONTENT_CACHE_DIR: cacheDir, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" };
  // The runner may itself run under `npm run`: don't let its npm_* settings leak into the child npm.
  for (const key of Object.keys(env)) if (key.startsWith("npm_")) delete env[key];
  if (staticExport) env.STATIC_EXPORT = "1";
  else delete env.STATIC_EXPORT;
  return env;
}

export interface PortalBuild {
  run: MeasuredRun;
  /** performance.now() when the build was started: the origin of "until every article answers". */
  startedAt: number;
  /** The dist dir without `cache/` (only after a successful build). */
  output?: DirSize;
  /** Page URLs Next prerendered at build (prerender-manifest.json's routes, with the `/` every page URL ends in). */
  prerendered: Set<string>;
  notes: string[];
}

/** A cold `npm run build` (the dist dir is removed first, so no cache from an earlier run helps). */
export async function buildPortal(portalDir: string, env: PortalEnvOptions, { timeoutMs, logFile }: { timeoutMs: number; logFile: string }): Promise<PortalBuild> {
  const dist = path.join(portalDir, env.distDir);
  rmSync(dist, { recursive: true, force: true });
  const saved = saveNextWrittenFiles(portalDir);
  const restore = () => restoreNextWrittenFiles(portalDir, env.distDir, saved);
  const cancelRestoreAtExit = atExit(restore); // also when the run is interrupted mid-build
  const startedAt = performance.now();
  let run: MeasuredRun;
  let notes: string[];
  try {
    run = await runMeasured("npm", ["run", "build"], { cwd: portalDir, env: portalEnv(env), logFile, timeoutMs });
  } finally {
    cancelRestoreAtExit();
    notes = restore();
  }
  if (!run.ok) return { run, startedAt, prerendered: new Set(), notes };
  return { run, startedAt, output: dirSize(dist, { excludeTopLevel: ["cache"] }), prerendered: readPrerendered(dist), notes };
}

/** A route as its page URL: every page URL ends in `/` (README "URLs"). */
export const pageUrl = (route: string) => (route.endsWith("/") ? route : `${route}/`);

function readPrerendered(dist: string): Set<string> {
  const file = path.join(dist, "prerender-manifest.json");
  if (!existsSync(file)) return new Set();
  const manifest = JSON.parse(readFileSync(file, "utf8")) as { routes?: Record<string, unknown> };
  // The manifest names routes without the trailing slash; the server answers those with a 308 to the page URL.
  return new Set(Object.keys(manifest.routes ?? {}).map(pageUrl));
}

/** A port nobody listens on now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningServer {
  base: string;
  /** Root of the server's process tree (npm). */
  pid: number;
  /** From `npm start` until `/` answered 200. */
  startMs: number;
  /** Kills the server tree; resolves with its peak memory while it ran. */
  stop: () => Promise<number>;
}

/** `npm start -- -p <port>`, bound to loopback only, once `/` answers 200. */
export async function startPortal(portalDir: string, env: PortalEnvOptions, { logFile, timeoutMs }: { logFile: string; timeoutMs: number }): Promise<RunningServer> {
  const port = await freePort();
  const t0 = performance.now();
  const started = startTree("npm", ["start", "--", "-p", String(port), "-H", "127.0.0.1"], { cwd: portalDir, env: portalEnv(env), logFile });
  const poller = new TreeMemoryPoller(started.pid).start();
  let exited = false;
  void started.exited.then(() => (exited = true));
  const stop = async () => {
    const peak = poller.stop();
    await killTree(started.pid);
    return peak;
  };
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitForOk(`${base}/`, { timeoutMs, stillRunning: () => !exited });
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, pid: started.pid, startMs: performance.now() - t0, stop };
}

/** Whether a build log shows `next build` at work (a build that skipped it for unchanged code shows neither line). */
export function nextBuildRan(logText: string): boolean {
  return /Creating an optimized production build|Compiled successfully/.test(logText);
}

/** "✓ Compiled successfully in 31.0s", "✓ Generating static pages using 1 worker (605/605) in 23.7s". */
export function nextBuildPhases(logFile: string): BuildPhases {
  let text = "";
  try {
    text = readFileSync(logFile, "utf8");
  } catch {
    return {};
  }
  const seconds = (v: string, unit: string) => Number(v) * (unit === "ms" ? 1 : unit === "min" ? 60_000 : 1000);
  const compiled = text.match(/Compiled successfully in ([\d.]+)\s*(ms|s|min)/);
  const pages = text.match(/Generating static pages using (\d+) workers? \((\d+)\/\d+\) in ([\d.]+)\s*(ms|s|min)/);
  return {
    compileMs: compiled ? seconds(compiled[1], compiled[2]) : undefined,
    workers: pages ? Number(pages[1]) : undefined,
    staticPages: pages ? Number(pages[2]) : undefined,
    staticPagesMs: pages ? seconds(pages[3], pages[4]) : undefined,
  };
}

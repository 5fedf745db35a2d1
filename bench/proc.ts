/**
 * Process trees for the benchmark: start a command in its own process group,
 * follow the peak memory of it and every descendant, and always kill the
 * whole tree (also when the runner itself fails or is interrupted).
 *
 * Linux only: memory comes from /proc.
 */
import { spawn, execFileSync, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readdirSync, readFileSync } from "node:fs";

const PAGE_SIZE = getconf("PAGESIZE", 4096);
/** Clock ticks per second: the unit of CPU times in /proc. */
const CLK_TCK = getconf("CLK_TCK", 100);

function getconf(name: string, fallback: number): number {
  try {
    return Number(execFileSync("getconf", [name], { encoding: "utf8" }).trim()) || fallback;
  } catch {
    return fallback;
  }
}

export interface ProcStat {
  pid: number;
  ppid: number;
  pgrp: number;
  rssBytes: number;
  /** CPU time the process itself used so far (utime + stime, clock ticks), not its reaped children's. */
  cpuTicks: number;
}

/**
 * Parses the text of /proc/<pid>/stat. The command name (field 2) sits in
 * parentheses and may itself hold spaces and parentheses, so the fields are
 * split after the last ')'. Undefined for text that is not a stat line.
 */
export function parseProcStat(pid: number, text: string, pageSize = PAGE_SIZE): ProcStat | undefined {
  const close = text.lastIndexOf(")");
  if (close < 0) return undefined;
  const fields = text.slice(close + 2).trim().split(" ");
  // fields[0] is field 3 (state) of proc(5): ppid is field 4, pgrp 5, utime 14, stime 15, rss (pages) 24.
  const [ppid, pgrp, utime, stime, rssPages] = [1, 2, 11, 12, 21].map((i) => Number(fields[i]));
  if (![ppid, pgrp, utime, stime, rssPages].every(Number.isInteger)) return undefined;
  return { pid, ppid, pgrp, rssBytes: rssPages * pageSize, cpuTicks: utime + stime };
}

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return undefined; // exited between listing and reading
  }
  return parseProcStat(pid, text);
}

function allProcesses(): ProcStat[] {
  const out: ProcStat[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = readStat(Number(name));
    if (stat) out.push(stat);
  }
  return out;
}

/**
 * The root and all its descendants among `all`. A process counts when its
 * parent chain leads to the root, or when it is still in the root's process
 * group (a worker whose parent exited is re-parented to init but keeps the group).
 */
export function treeOf(all: ProcStat[], rootPid: number): ProcStat[] {
  const children = new Map<number, ProcStat[]>();
  for (const p of all) {
    const list = children.get(p.ppid) ?? [];
    list.push(p);
    children.set(p.ppid, list);
  }
  const found = new Map<number, ProcStat>();
  const queue = all.filter((p) => p.pid === rootPid || p.pgrp === rootPid);
  while (queue.length > 0) {
    const p = queue.pop()!;
    if (found.has(p.pid)) continue;
    found.set(p.pid, p);
    queue.push(...(children.get(p.pid) ?? []));
  }
  return [...found.values()];
}

/** Sum of RSS over a tree: pages shared between processes count once per process, as `ps` would show them. */
export const treeRssBytes = (tree: ProcStat[]) => tree.reduce((sum, p) => sum + p.rssBytes, 0);

/** The live process tree of `rootPid` (see treeOf). */
export function processTree(rootPid: number): ProcStat[] {
  return treeOf(allProcesses(), rootPid);
}

/** The machine's CPU time so far, from the first line of /proc/stat (clock ticks, all cores). */
export interface CpuTotals {
  busy: number;
  total: number;
}

/** Parses `cpu  user nice system idle iowait irq softirq steal guest guest_nice` (guest time is already in user). */
export function parseCpuTotals(procStat: string): CpuTotals | undefined {
  const line = procStat.split("\n").find((l) => /^cpu\s/.test(l));
  if (!line) return undefined;
  const v = line.trim().split(/\s+/).slice(1, 9).map(Number);
  if (v.length < 4 || !v.every(Number.isFinite)) return undefined;
  const [user, nice, system, idle, iowait = 0, irq = 0, softirq = 0, steal = 0] = v;
  const busy = user + nice + system + irq + softirq + steal;
  return { busy, total: busy + idle + iowait };
}

function readCpuTotals(): CpuTotals | undefined {
  try {
    return parseCpuTotals(readFileSync("/proc/stat", "utf8"));
  } catch {
    return undefined;
  }
}

/** Follows the summed RSS of a process tree every `intervalMs`; `stop()` gives the peak. */
export class TreeMemoryPoller {
  private peak = 0;
  /** The last CPU time seen of each process of the tree (a process that lives less than one interval is missed). */
  private readonly cpu = new Map<number, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly rootPid: number, private readonly intervalMs = 100) {}

  start(): this {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    return this;
  }

  private sample(): void {
    const tree = processTree(this.rootPid);
    for (const p of tree) this.cpu.set(p.pid, Math.max(p.cpuTicks, this.cpu.get(p.pid) ?? 0));
    const total = treeRssBytes(tree);
    if (total > this.peak) this.peak = total;
  }

  /** CPU time the tree used, as far as the samples saw it, in ms. */
  cpuMs(): number {
    let ticks = 0;
    for (const t of this.cpu.values()) ticks += t;
    return (ticks * 1000) / CLK_TCK;
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.peak;
  }
}

/** Trees still running, killed on any exit of the runner. */
const live = new Set<number>();

function signalTree(rootPid: number, signal: NodeJS.Signals): number {
  const members = processTree(rootPid);
  try {
    process.kill(-rootPid, signal); // the whole group at once
  } catch {
    /* group already gone */
  }
  // Descendants that left the group (setsid) are reached one by one.
  for (const p of members) {
    try {
      process.kill(p.pid, signal);
    } catch {
      /* already gone */
    }
  }
  return members.length;
}

/** SIGTERM the tree, then SIGKILL whatever is left after `graceMs`. */
export async function killTree(rootPid: number, graceMs = 5000): Promise<void> {
  const deadline = Date.now() + graceMs;
  if (signalTree(rootPid, "SIGTERM") > 0) {
    while (Date.now() < deadline && processTree(rootPid).length > 0) await sleep(100);
    if (processTree(rootPid).length > 0) signalTree(rootPid, "SIGKILL");
  }
  live.delete(rootPid);
}

const exitHooks: (() => void)[] = [];

/** Runs `hook` (synchronously) when the runner exits for any reason, after every tree is killed; returns an undo. */
export function atExit(hook: () => void): () => void {
  installCleanup();
  exitHooks.push(hook);
  return () => {
    const at = exitHooks.indexOf(hook);
    if (at >= 0) exitHooks.splice(at, 1);
  };
}

function killAllNow(): void {
  const killed = [...live];
  for (const pid of killed) signalTree(pid, "SIGKILL");
  live.clear();
  // A killed process is gone only a moment later; until then it may still write (a build into the folder a hook removes).
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline && killed.some((pid) => processTree(pid).length > 0)) sleepSync(50);
  for (const hook of exitHooks.splice(0)) {
    try {
      hook();
    } catch {
      /* best effort on the way out */
    }
  }
}

let cleanupInstalled = false;
/** Installs exit handlers once, so an error or Ctrl-C never leaves a build or server behind. */
function installCleanup(): void {
  if (cleanupInstalled) return;
  cleanupInstalled = true;
  process.on("exit", killAllNow);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      killAllNow();
      process.exit(130);
    });
  }
}

/** Blocks the thread: only for the way out, where no event loop turn is left. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface StartOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdout and stderr of the tree go here, so a failure can be shown and nothing floods the terminal. */
  logFile: string;
}

export interface Started {
  pid: number;
  child: ChildProcess;
  /** Resolves with the exit code (or 1 for a signal) when the root process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns `command` as the leader of a new process group (detached) so the whole tree can be signalled. */
export function startTree(command: string, args: string[], { cwd, env, logFile }: StartOptions): Started {
  installCleanup();
  const fd = openSync(logFile, "a");
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  live.add(child.pid);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
    child.on("error", () => resolve({ code: null, signal: null }));
  });
  return { pid: child.pid, child, exited };
}

export interface MeasuredRun {
  ok: boolean;
  exitCode: number | null;
  timedOut: boolean;
  wallMs: number;
  peakRssBytes: number;
  /** CPU time of the tree (ms, summed over its processes), as the 100 ms samples saw it. */
  cpuMs?: number;
  /**
   * CPU time everything else on the machine used meanwhile (ms, all cores):
   * the machine's busy time from /proc/stat less the tree's. Another build
   * or test run during a measurement shows here.
   */
  otherCpuMs?: number;
  /** The last lines of the log, to explain a failure. */
  tail: string;
}

/** Runs a command to completion (or `timeoutMs`) with wall time and the tree's peak memory. */
export async function runMeasured(command: string, args: string[], options: StartOptions & { timeoutMs: number }): Promise<MeasuredRun> {
  const cpuBefore = readCpuTotals();
  const t0 = performance.now();
  const started = startTree(command, args, options);
  const poller = new TreeMemoryPoller(started.pid).start();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void killTree(started.pid);
  }, options.timeoutMs);
  const { code } = await started.exited;
  const wallMs = performance.now() - t0;
  clearTimeout(timer);
  const peakRssBytes = poller.stop();
  const cpuAfter = readCpuTotals();
  const cpuMs = poller.cpuMs();
  const otherCpuMs = cpuBefore && cpuAfter ? Math.max(0, ((cpuAfter.busy - cpuBefore.busy) * 1000) / CLK_TCK - cpuMs) : undefined;
  await killTree(started.pid, 2000); // leftovers such as build workers
  return { ok: code === 0 && !timedOut, exitCode: code, timedOut, wallMs, peakRssBytes, cpuMs, otherCpuMs, tail: logTail(options.logFile) };
}

export function logTail(file: string, lines = 25): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

import { describe, expect, it } from "vitest";
import { parseCpuTotals, parseProcStat, treeOf, treeRssBytes, type ProcStat } from "../proc";

/** A /proc/<pid>/stat line as Linux writes it (52 fields), with the given command name, ppid, pgrp and rss in pages. */
function statLine(pid: number, comm: string, ppid: number, pgrp: number, rssPages: number): string {
  const fields = ["S", ppid, pgrp, pgrp, 0, -1, 4194560, 1234, 0, 0, 0, 50, 10, 0, 0, 20, 0, 11, 0, 98765, 1_234_567_890, rssPages];
  while (fields.length < 50) fields.push(0);
  return `${pid} (${comm}) ${fields.join(" ")}\n`;
}

describe("parseProcStat", () => {
  it("reads ppid, process group, RSS (pages × page size) and the process's own CPU time (utime + stime)", () => {
    expect(parseProcStat(42, statLine(42, "node", 7, 40, 1000), 4096)).toEqual({ pid: 42, ppid: 7, pgrp: 40, rssBytes: 4_096_000, cpuTicks: 60 });
  });

  it("splits after the last ')', so a command name with spaces and parentheses does not shift the fields", () => {
    const text = statLine(9, "next-server (v16) ) x", 3, 3, 25);
    expect(parseProcStat(9, text, 4096)).toEqual({ pid: 9, ppid: 3, pgrp: 3, rssBytes: 25 * 4096, cpuTicks: 60 });
  });

  it("uses the given page size", () => {
    expect(parseProcStat(1, statLine(1, "init", 0, 1, 10), 16384)?.rssBytes).toBe(163_840);
  });

  it("gives undefined for text that is not a stat line (a truncated read, an empty file)", () => {
    expect(parseProcStat(1, "", 4096)).toBeUndefined();
    expect(parseProcStat(1, "1 (bash) S 0 1", 4096)).toBeUndefined();
  });
});

describe("treeOf and treeRssBytes", () => {
  const p = (pid: number, ppid: number, pgrp: number, rssBytes: number): ProcStat => ({ pid, ppid, pgrp, rssBytes, cpuTicks: 0 });
  const all = [
    p(1, 0, 1, 100), // init
    p(100, 1, 100, 10), // the root: npm, leader of its own group
    p(101, 100, 100, 20), // sh
    p(102, 101, 100, 30), // node (tsx)
    p(103, 102, 103, 40), // a worker that called setsid: another group, but a descendant
    p(104, 1, 100, 50), // orphaned worker re-parented to init, still in the root's group
    p(200, 1, 200, 1000), // unrelated
    p(201, 200, 200, 1000), // unrelated child
  ];

  it("takes the root, its descendants by parent pid, and whatever is still in its process group", () => {
    expect(treeOf(all, 100).map((x) => x.pid).sort((a, b) => a - b)).toEqual([100, 101, 102, 103, 104]);
  });

  it("sums RSS over the tree only", () => {
    expect(treeRssBytes(treeOf(all, 100))).toBe(10 + 20 + 30 + 40 + 50);
  });

  it("is empty once the root and its group are gone", () => {
    expect(treeOf(all.filter((x) => x.pgrp !== 100 && x.pid !== 103), 100)).toEqual([]);
  });

  it("does not loop on a parent cycle", () => {
    expect(treeOf([p(5, 6, 5, 1), p(6, 5, 5, 1)], 5).length).toBe(2);
  });
});

describe("parseCpuTotals", () => {
  it("adds up busy time (user, nice, system, irq, softirq, steal) and the total with idle and iowait", () => {
    const text = "cpu  100 5 50 1000 20 3 2 1 7 0\ncpu0 50 2 25 500 10 1 1 0 0 0\nintr 12345\n";
    expect(parseCpuTotals(text)).toEqual({ busy: 100 + 5 + 50 + 3 + 2 + 1, total: 161 + 1000 + 20 });
  });

  it("takes the all-cores line, not a per-core one", () => {
    expect(parseCpuTotals("cpu0 1 1 1 1\ncpu  2 2 2 2\n")).toEqual({ busy: 6, total: 8 });
  });

  it("gives undefined without a cpu line", () => {
    expect(parseCpuTotals("intr 1\n")).toBeUndefined();
  });
});

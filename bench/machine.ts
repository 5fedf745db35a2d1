/** The machine and tool versions a benchmark report names, so its figures can be read in context. */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { onPath } from "./compare";
import type { MachineInfo } from "./results";
import { codeVersion } from "./workspace";

/** The first line of `command args` (e.g. `hugo version`), or undefined when not installed. */
export function toolVersion(command: string, args: string[]): string | undefined {
  if (!onPath(command)) return undefined;
  try {
    return execFileSync(command, args, { encoding: "utf8", timeout: 30_000, stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n")[0];
  } catch {
    return undefined;
  }
}

export function machineInfo(portalDir: string): MachineInfo {
  const pkg = JSON.parse(readFileSync(path.join(portalDir, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  const nextPkg = path.join(portalDir, "node_modules/next/package.json");
  return {
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    cpuCount: os.cpus().length,
    totalMemBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
    nextDeclared: pkg.dependencies?.next ?? "?",
    nextInstalled: existsSync(nextPkg) ? (JSON.parse(readFileSync(nextPkg, "utf8")) as { version: string }).version : "?",
    jekyll: toolVersion("jekyll", ["--version"]),
    hugo: toolVersion("hugo", ["version"]),
    date: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    codeVersion: codeVersion(portalDir),
  };
}

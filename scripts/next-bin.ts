/**
 * Runs the project's own `next` CLI with the given arguments, inheriting the
 * terminal, and resolves with its exit code.
 */
import { spawn } from "node:child_process";

const nextCli = require.resolve("next/dist/bin/next");

export function runNext(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((resolve, reject) => {
    // Offline by design: no usage reports to a third-party host.
    const child = spawn(process.execPath, [nextCli, ...args], {
      stdio: "inherit",
      env: { NEXT_TELEMETRY_DISABLED: "1", ...env },
    });
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    process.on("SIGINT", forward);
    process.on("SIGTERM", forward);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("SIGINT", forward);
      process.off("SIGTERM", forward);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

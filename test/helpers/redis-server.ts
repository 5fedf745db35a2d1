/**
 * A throwaway Debian redis-server on a loopback port for the shared-cache
 * tests: no persistence, stopped and started again on the same port to test
 * outages. `hasRedisServer` lets a suite skip where it is not installed
 * (CI installs it: .ci/run).
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import net from "node:net";

export const hasRedisServer = spawnSync("redis-server", ["--version"], { stdio: "ignore" }).status === 0;

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

async function waitFor(port: number, open: boolean): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await portOpen(port)) === open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`redis-server on ${port} did not ${open ? "start" : "stop"} within 5 s`);
}

export class LoopbackRedis {
  private child: ChildProcess | undefined;
  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (await portOpen(this.port)) throw new Error(`port ${this.port} is taken`);
    this.child = spawn("redis-server", ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    await waitFor(this.port, true);
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    await waitFor(this.port, false);
  }
}

/** Polls until `check` holds (every 25 ms, at most `timeoutMs`). */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  for (let i = 0; i < Math.ceil(timeoutMs / 25); i++) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`not within ${timeoutMs} ms`);
}

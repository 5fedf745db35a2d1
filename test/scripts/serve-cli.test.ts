import { spawnSync } from "node:child_process";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { nextDevArgs } from "../../scripts/dev";
import { describeListenAddress } from "@/lib/serve/listen-address";

const ROOT = path.resolve(import.meta.dirname, "../..");

afterEach(() => vi.unstubAllEnvs());

describe("npm start", () => {
  it("refuses to start with a revalidate token too short to be a secret, before building anything", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/start.ts")], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, REVALIDATE_TOKEN: "letmein", NEXT_DIST_DIR: ".next-never-built" },
      timeout: 60_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("npm start: REVALIDATE_TOKEN is 7 characters long; it must have 16 or more");
    expect(result.stdout).not.toContain("Building");
  });

  it("says where it really listens: every interface, or the one address", () => {
    expect(describeListenAddress({ address: "::", family: "IPv6", port: 3000 })).toBe("http://localhost:3000 (all interfaces, [::]:3000)");
    expect(describeListenAddress({ address: "0.0.0.0", family: "IPv4", port: 80 })).toBe("http://localhost:80 (all interfaces, 0.0.0.0:80)");
    expect(describeListenAddress({ address: "127.0.0.1", family: "IPv4", port: 8080 })).toBe("http://127.0.0.1:8080");
    expect(describeListenAddress({ address: "::1", family: "IPv6", port: 8080 })).toBe("http://[::1]:8080");
  });
});

describe("npm run dev", () => {
  it("listens on loopback unless -H or HOST names another address", () => {
    vi.stubEnv("HOST", "");
    expect(nextDevArgs(["-p", "3002"])).toEqual(["dev", "-p", "3002", "-H", "127.0.0.1"]);
    expect(nextDevArgs(["-H", "0.0.0.0"])).toEqual(["dev", "-H", "0.0.0.0"]);
    expect(nextDevArgs(["--hostname=::"])).toEqual(["dev", "--hostname=::"]);
    vi.stubEnv("HOST", "192.0.2.10");
    expect(nextDevArgs([])).toEqual(["dev", "-H", "192.0.2.10"]);
  });
});

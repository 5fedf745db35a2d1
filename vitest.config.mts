import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["test/**/*.test.ts", "lib/**/*.test.ts", "bench/test/**/*.test.ts"],
    environment: "node",
    // Every build under test must not depend on the machine's zone.
    env: { TZ: "America/Los_Angeles", CONTENT_CACHE_DIR: "off" },
  },
});

/**
 * Which route files Next.js sees is decided in one place, next.config.js's
 * `pageExtensions`: `*.live.ts(x)` only exist under a server, `*.dev.tsx`
 * only in `npm run dev`. A route file with any other extension
 * (`route.export.ts`, `page.jsx`) would be ignored without a word, and two
 * variants of one route active in the same phase would make the build pick
 * one. This test reads app/ as Next.js would, in each phase.
 */
import { readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PHASE_DEVELOPMENT_SERVER, PHASE_PRODUCTION_BUILD } from "next/constants";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const nextConfig = require("../../next.config.js") as (phase: string) => { pageExtensions: string[] };
const APP = path.join(__dirname, "../../app");

/** App Router file conventions that define or wrap a route. */
const ROUTE_FILE = /^(page|route|layout|template|not-found|error|global-error|loading|default)\.(.+)$/;

function routeFiles(dir: string, found: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) routeFiles(full, found);
    else if (ROUTE_FILE.test(entry.name)) found.push(path.relative(APP, full));
  }
  return found;
}

const files = routeFiles(APP);
const extensionOf = (file: string) => ROUTE_FILE.exec(path.basename(file))![2];
/** The extension Next.js matches a file by in `phase`: the longest of pageExtensions it ends with. */
const activeExtension = (file: string, phase: string) =>
  nextConfig(phase)
    .pageExtensions.filter((ext) => extensionOf(file) === ext)
    .sort((a, b) => b.length - a.length)[0];

describe("app/ route files", () => {
  it("finds the routes (the walk works)", () => {
    expect(files).toContain("page.tsx");
    expect(files).toContain(path.join("api", "revalidate", "route.live.ts"));
    expect(files).toContain(path.join("drafts", "page.dev.tsx"));
  });

  it("use only extensions next.config.js knows in some phase", () => {
    const known = new Set([PHASE_PRODUCTION_BUILD, PHASE_DEVELOPMENT_SERVER].flatMap((phase) => nextConfig(phase).pageExtensions));
    expect(files.filter((file) => !known.has(extensionOf(file)))).toEqual([]);
  });

  it.each([PHASE_PRODUCTION_BUILD, PHASE_DEVELOPMENT_SERVER])("have at most one variant of each route active in %s", (phase) => {
    const byRoute = new Map<string, string[]>();
    for (const file of files) {
      if (!activeExtension(file, phase)) continue;
      const key = path.join(path.dirname(file), ROUTE_FILE.exec(path.basename(file))![1]);
      byRoute.set(key, [...(byRoute.get(key) ?? []), file]);
    }
    expect([...byRoute.values()].filter((variants) => variants.length > 1)).toEqual([]);
  });

  it("keep drafts out of a production build and live routes in it", () => {
    expect(activeExtension(path.join("drafts", "page.dev.tsx"), PHASE_PRODUCTION_BUILD)).toBeUndefined();
    expect(activeExtension(path.join("drafts", "page.dev.tsx"), PHASE_DEVELOPMENT_SERVER)).toBe("dev.tsx");
    expect(activeExtension(path.join("api", "revalidate", "route.live.ts"), PHASE_PRODUCTION_BUILD)).toBe("live.ts");
  });
});

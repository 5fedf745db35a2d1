import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, scriptHash, securityHeaders } from "@/lib/site/security-headers.cjs";
import { THEME_SCRIPT } from "@/lib/site/theme-script.cjs";

const require = createRequire(import.meta.url);

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
}

describe("lib/site/security-headers", () => {
  it("allows no script origin but the site's own, no eval, no plugins, no base, no framing", () => {
    const csp = directives(contentSecurityPolicy());
    // No 'unsafe-inline': the one inline script, by its hash.
    expect(csp.get("script-src")).toEqual(["'self'", scriptHash(THEME_SCRIPT)]);
    expect(scriptHash(THEME_SCRIPT)).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(csp.get("style-src")).toEqual(["'self'"]);
    for (const values of csp.values()) {
      expect(values).not.toContain("'unsafe-eval'");
      expect(values.filter((v) => /^(https?:\/\/|\*)/.test(v))).toEqual([]);
    }
  });

  it("loosens only what Next's dev server needs", () => {
    const csp = directives(contentSecurityPolicy({ dev: true }));
    expect(csp.get("script-src")).toContain("'unsafe-eval'");
    expect(csp.get("script-src")).toContain("'unsafe-inline'"); // React's inline payload in dev
    expect(csp.get("object-src")).toEqual(["'none'"]);
  });

  it("sends nosniff, a referrer policy and a permissions policy", () => {
    const headers = Object.fromEntries(securityHeaders().map((h) => [h.key, h.value]));
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("strict-origin-when-cross-origin");
    expect(headers["Permissions-Policy"]).toContain("camera=()");
  });

  it("is what next.config.js serves on every path, with the dev policy only in dev", async () => {
    const config = require("../../next.config.js") as (phase: string) => { headers: () => Promise<{ source: string; headers: { key: string; value: string }[] }[]> };
    const [rule] = await config("phase-production-server").headers();
    expect(rule.source).toBe("/:path*");
    expect(rule.headers).toEqual(securityHeaders());
    const [devRule] = await config("phase-development-server").headers();
    expect(devRule.headers).toEqual(securityHeaders({ dev: true }));
  });
});

// @ts-check
/**
 * The security headers every page is served with, in one place: next.config.js
 * sends them under `next start`, and a static export writes them to
 * `out/_headers` for hosts that read that file (the README has the nginx form).
 *
 * Scripts: only the site's own files and, inline, only the theme script,
 * allowed by its hash. That is possible because production pages carry no
 * React runtime (lib/serve/static-document.ts): Next.js would put each
 * page's React payload in inline scripts that differ per page, which only
 * `'unsafe-inline'` (or nonces, making every page dynamic) could allow.
 * `npm run dev` keeps the runtime, so its policy keeps `'unsafe-inline'`
 * and adds eval and a websocket for hot reload. JSON-LD is data, not
 * script, and needs no allowance. Publisher HTML cannot add a script
 * either way: the sanitizer removes it (test/content/xss-vectors.test.ts).
 */

const { createHash } = require("node:crypto");
const { THEME_SCRIPT } = require("./theme-script.cjs");

/** A CSP source allowing exactly this inline script. */
function scriptHash(/** @type {string} */ script) {
  return `'sha256-${createHash("sha256").update(script, "utf8").digest("base64")}'`;
}

/** @param {{ dev?: boolean }} [options] dev: Next's dev server needs inline scripts, eval and a websocket for hot reload. */
function contentSecurityPolicy(options = {}) {
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", ...(options.dev ? ["'unsafe-inline'", "'unsafe-eval'"] : [scriptHash(THEME_SCRIPT)])],
    "style-src": ["'self'", ...(options.dev ? ["'unsafe-inline'"] : [])],
    // Article bodies show the publishers' images, wherever they are hosted.
    "img-src": ["'self'", "https:", "http:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'", ...(options.dev ? ["ws:"] : [])],
    "media-src": ["'none'"],
    "object-src": ["'none'"],
    "frame-src": ["'none'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** @param {{ dev?: boolean }} [options] */
function securityHeaders(options = {}) {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(options) },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    {
      key: "Permissions-Policy",
      value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), hid=(), midi=(), browsing-topics=(), interest-cohort=()",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    // For browsers older than `frame-ancestors`.
    { key: "X-Frame-Options", value: "DENY" },
  ];
}

module.exports = { contentSecurityPolicy, scriptHash, securityHeaders };

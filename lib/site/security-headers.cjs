// @ts-check
/**
 * The security headers every page is served with, in one place: next.config.js
 * sends them under `next start`, and a static export writes them to
 * `out/_headers` for hosts that read that file (the README has the nginx form).
 *
 * Scripts: `'unsafe-inline'` stays because the App Router streams each page's
 * React Server Components payload in inline `<script>` tags whose content
 * differs per page; nonces would make every page dynamic (no static or ISR
 * pages), and hashes cannot be known for pages rendered on request. What this
 * policy still guarantees: no script from any other origin, no eval, no
 * plugins, no `<base>` hijack, no framing, forms post only here. Publisher
 * HTML cannot add inline script: the sanitizer removes it (see
 * test/content/xss-vectors.test.ts).
 */

/** @param {{ dev?: boolean }} [options] dev: Next's dev server needs eval and a websocket for hot reload. */
function contentSecurityPolicy(options = {}) {
  const directives = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'", ...(options.dev ? ["'unsafe-eval'"] : [])],
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

module.exports = { contentSecurityPolicy, securityHeaders };

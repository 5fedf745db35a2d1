// @ts-check
/**
 * `BASE_PATH`: the folder the site lives under when it is not at the root of
 * its host, as on a GitHub Pages project site (`https://<user>.github.io/finews/`
 * → `BASE_PATH=/finews`). Every link, asset, feed, sitemap entry and search
 * request starts with it; empty by default.
 *
 * Its own module, with no imports, because the browser scripts need it too:
 * scripts/bundle-browser.ts writes the build's value into them.
 */
const SEGMENTS = /^(\/[A-Za-z0-9._~-]+)+$/;

/** `/finews`, or "" (a leading slash is added, trailing slashes dropped). */
function basePath() {
  const raw = (process.env.BASE_PATH || "").trim().replace(/\/+$/, "");
  if (raw === "") return "";
  const value = raw.startsWith("/") ? raw : `/${raw}`;
  if (!SEGMENTS.test(value) || value.split("/").some((s) => s === "." || s === "..")) {
    throw new Error(`BASE_PATH '${raw}' is not a URL path of plain segments (letters, digits, . _ ~ -), like /finews`);
  }
  return value;
}

module.exports = { basePath };

/**
 * What a static host needs in the export besides the pages.
 *
 * GitHub Pages serves a branch as plain files when its root holds
 * `.nojekyll`; without it, Pages runs Jekyll over the files first, and
 * Jekyll leaves out every name starting with `_`, `.`, `#` or `~` (the
 * stylesheet in `_next/`, `_headers`, `_redirects`) and a few more
 * (`node_modules`, `vendor/bundle`, `Gemfile`, …). `.nojekyll` is easy to
 * lose on the way (upload tools that skip dotfiles), so the export also
 * carries a `_config.yml` that makes such a Jekyll pass copy every file as
 * it is. Checked with a real `jekyll build` (test/export/static-host.test.ts
 * and the GitHub Pages e2e test).
 *
 * What no configuration changes, and `jekyllPassProblem` names: Jekyll
 * drops names ending in `.`, and renders a file whose first line is `---`
 * (front matter) instead of copying it; GitHub Pages' Jekyll also renders
 * markdown files without front matter (its jekyll-optional-front-matter
 * plugin, which Debian's jekyll does not have).
 */

/** The file that turns Jekyll off on GitHub Pages: empty. */
export const NOJEKYLL = { file: ".nojekyll", content: "" } as const;

/**
 * Names Jekyll 4 leaves out of every site unless `include`d (its
 * DEFAULT_EXCLUDES; Jekyll 3, which GitHub Pages runs, has a subset).
 * Listing them under `include` takes them out of `exclude`.
 */
const JEKYLL_DEFAULT_EXCLUDES = [".sass-cache", ".jekyll-cache", "gemfiles", "Gemfile", "Gemfile.lock", "node_modules", "vendor/bundle/", "vendor/cache/", "vendor/gems/", "vendor/ruby/"];

/**
 * `include` patterns for names Jekyll's reader treats as special: a first
 * character of `_`, `.`, `#` or `~`, or a last `~` (backups). Jekyll matches
 * them against each file's and folder's own name, at any depth.
 */
const SPECIAL_NAME_PATTERNS = ["_*", ".*", "#*", "~*", "*~"];

/**
 * `_config.yml` for the root of the export: a Jekyll pass over it (GitHub
 * Pages without `.nojekyll`) copies every file byte for byte. `keep_files`
 * is not needed: it only spares files already in the destination, and
 * Pages builds into an empty one.
 */
export const JEKYLL_CONFIG = {
  file: "_config.yml",
  content: [
    "# This folder is a finished static site (a finews portal export), not a Jekyll source.",
    "# GitHub Pages serves it as it is when .nojekyll is here; should Pages run Jekyll",
    "# over it anyway, these settings make Jekyll copy every file unchanged: names",
    "# starting with _ . # ~ (the stylesheet in _next/, _headers, _redirects) and the",
    "# names Jekyll leaves out by default are included, and nothing is excluded.",
    "include:",
    ...[...SPECIAL_NAME_PATTERNS, ...JEKYLL_DEFAULT_EXCLUDES].map((pattern) => `  - ${JSON.stringify(pattern)}`),
    "exclude: []",
    "",
  ].join("\n"),
} as const;

/**
 * Why a Jekyll pass over the export would not copy this file as it is, or
 * undefined. `file` is relative to the export's root (`/`-separated);
 * `head` is the file's start (a few bytes are enough).
 */
export function jekyllPassProblem(file: string, head: Uint8Array | string): string | undefined {
  if (file.split("/").some((name) => name.endsWith("."))) return "a name in its path ends in '.', which Jekyll always leaves out";
  if (/\.(?:markdown|mkdown|mkdn|mkd|md)$/i.test(file)) return "it is a markdown file, which GitHub Pages' Jekyll renders even without front matter";
  const start = typeof head === "string" ? head.slice(0, 64) : new TextDecoder("latin1").decode(head.subarray(0, 64));
  if (/^---[ \t\r\f\v]*\r?\n/.test(start)) return "it starts with a '---' line, which Jekyll reads as front matter and renders";
  return undefined;
}

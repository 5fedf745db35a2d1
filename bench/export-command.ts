/** The command the export bench measures, and the one its report tells a reader to run. */

/**
 * Options that change where files go or how the report is titled, not what
 * is measured: left out of the report's command (paths would name this machine).
 */
const NOT_MEASURED = new Set(["--out", "--json", "--portal", "--keep", "--label", "--render"]);

/** `npm run bench:export -- <the options that shape the figures>`. */

export function reproduceCommand(argv: string[]): string {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const [name, inline] = argv[i].split("=", 2);
    if (NOT_MEASURED.has(name)) {
      if (inline === undefined && name !== "--keep" && i + 1 < argv.length) i++; // its value
      continue;
    }
    kept.push(/^[\w,./=:-]+$/.test(argv[i]) ? argv[i] : JSON.stringify(argv[i]));
  }
  return kept.length ? `npm run bench:export -- ${kept.join(" ")}` : "npm run bench:export";
}

/** The environment a publisher gives the export, and nothing of the runner's that would move its folders. */
export function exportEnv(corpusDir: string, siteUrl: string, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, CONTENT_DIR: corpusDir, SITE_URL: siteUrl, STATIC_EXPORT: "1", NEXT_TELEMETRY_DISABLED: "1" };
  for (const key of ["NEXT_DIST_DIR", "EXPORT_DIR", "CONTENT_CACHE_DIR"]) delete env[key];
  // The runner may itself run under `npm run`: its npm_* settings must not leak into the child npm.
  for (const key of Object.keys(env)) if (key.startsWith("npm_")) delete env[key];
  return env;
}

/**
 * `npm start [-- -p <port>] [-H <host>]`: serves the portal on port 3000
 * (or PORT) of every interface (or HOST), building first when there is no
 * build yet or it was made for another CONTENT_DIR, SITE_URL or mode. A
 * setting that is set but unusable (REVALIDATE_TOKEN too short, a word for a
 * number) stops it before anything starts, with a line naming it.
 */
import { parseArgs } from "node:util";
import { buildSite } from "./build";
import { whyBuildNeeded } from "./build-stamp";
import { settings } from "../lib/site/config";
import { serve } from "./serve";

async function main(): Promise<number | undefined> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  });
  const problems = settings.settingProblems();
  for (const problem of problems) console.error(`npm start: ${problem}`);
  if (problems.length) return 2;
  const port = values.port === undefined ? settings.port() : Number(values.port);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`npm start: not a port: ${values.port}`);
    return 2;
  }
  const reason = whyBuildNeeded();
  if (reason) {
    console.log(`Building first: ${reason}.`);
    const code = await buildSite();
    if (code !== 0) return code;
  }
  await serve({ port, hostname: values.hostname ?? settings.host() });
  return undefined; // keep serving
}

main().then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

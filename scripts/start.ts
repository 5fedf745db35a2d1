/**
 * `npm start [-- -p <port>] [-H <host>]`: serves the portal on
 * http://localhost:3000 (or PORT), building first when there is no build yet
 * or it was made for another CONTENT_DIR, SITE_URL or mode.
 */
import { parseArgs } from "node:util";
import { buildSite } from "./build";
import { whyBuildNeeded } from "./build-stamp";
import { serve } from "./serve";

async function main(): Promise<number | undefined> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`not a port: ${values.port ?? process.env.PORT}`);
    return 2;
  }
  const reason = whyBuildNeeded();
  if (reason) {
    console.log(`Building first: ${reason}.`);
    const code = await buildSite();
    if (code !== 0) return code;
  }
  // The content watcher (instrumentation.ts) calls back into this server, so it must know the port.
  process.env.PORT = String(port);
  await serve({ port, hostname: values.hostname });
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

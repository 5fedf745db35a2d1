/**
 * `npm start`: serves the portal on http://localhost:3000 (PORT to change),
 * building first when there is no build yet or it was made for another
 * CONTENT_DIR or SITE_URL.
 */
import { buildSite } from "./build";
import { whyBuildNeeded } from "./build-stamp";
import { runNext } from "./next-bin";

async function main(): Promise<number> {
  const reason = whyBuildNeeded();
  if (reason) {
    console.log(`Building first: ${reason}.`);
    const code = await buildSite();
    if (code !== 0) return code;
  }
  const args = process.argv.slice(2);
  // The content watcher calls back into this server, so it must know the port.
  const flag = args.findIndex((a) => a === "-p" || a === "--port");
  const port = flag >= 0 ? args[flag + 1] : process.env.PORT || "3000";
  return runNext(["start", ...args], { ...process.env, PORT: port });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

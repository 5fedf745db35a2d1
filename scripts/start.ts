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
  return runNext(["start", ...process.argv.slice(2)]);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);

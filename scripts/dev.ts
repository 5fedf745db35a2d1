/**
 * `npm run dev [-- -p <port>]`: the editors' preview. Bundles the browser
 * scripts, writes the search index (published articles only) when there is
 * none yet, then runs `next dev` with the given arguments. Restart it after
 * changing browser/. Posts added since the index was written are searchable
 * all the same, through /search-index/fresh.json; `npm run build` writes
 * the index anew. (Writing it at every start would cost a minute at 50,000
 * posts.)
 *
 * It listens on 127.0.0.1 only, unless HOST (or `-H`) says otherwise: the
 * preview shows drafts and unpublished posts, which must not be reachable
 * from other machines by default.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { getContent } from "../lib/content/content-store";
import { MANIFEST_PATH } from "../lib/search/layout";
import { contentDir, searchIndexDir, settings } from "../lib/site/config";
import { bundleBrowserScripts } from "./bundle-browser";
import { runNext } from "./next-bin";
import { writeSiteSearchIndex } from "./search-index";

async function main(): Promise<number> {
  await bundleBrowserScripts();
  // next dev runs with NODE_ENV=development: the index goes where it will look (public/search-index).
  Object.assign(process.env, { NODE_ENV: "development" });
  const indexDir = searchIndexDir();
  if (!existsSync(path.join(indexDir, MANIFEST_PATH))) {
    const dir = contentDir();
    console.log(writeSiteSearchIndex(getContent(dir), dir, indexDir));
  }
  return runNext(nextDevArgs(process.argv.slice(2)));
}

/** `next dev`'s arguments: the caller's, bound to loopback (or HOST) unless they name a host themselves. */
export function nextDevArgs(args: string[]): string[] {
  const namesHost = args.some((a) => a === "-H" || a === "--hostname" || a.startsWith("--hostname="));
  return ["dev", ...args, ...(namesHost ? [] : ["-H", settings.host({ dev: true })!])];
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

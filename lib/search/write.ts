/**
 * A built index → a folder on disk (the site's `public/search-index`), so that a
 * reader is never left with a manifest pointing at missing files:
 *  - the build folder is written first; the same build id means the same
 *    content, so an existing one is left as it is;
 *  - the manifest is replaced last, atomically (write, then rename);
 *  - the previous build stays (pages opened before the deploy still read
 *    it); older build folders are removed.
 */
import fs from "node:fs";
import path from "node:path";
import type { BuiltIndex } from "./build";
import { MANIFEST_PATH, type Manifest } from "./layout";

/** Build ids are 12 hex digits: nothing else in the folder is ever removed. */
const BUILD_FOLDER = /^[0-9a-f]{12}$/;

export interface WriteReport {
  /** Files written, the manifest included (just the manifest when this build was already on disk). */
  written: number;
  /** Old build folders removed. */
  removed: string[];
}

export function writeSearchIndex(dir: string, index: BuiltIndex): WriteReport {
  const { buildId } = index.manifest;
  const previous = readBuildId(path.join(dir, MANIFEST_PATH));
  let written = 0;
  if (!fs.existsSync(path.join(dir, buildId))) {
    // Written under a temporary name and renamed whole: a crash never leaves a half build under the real id.
    const staging = path.join(dir, `.${buildId}.tmp`);
    fs.rmSync(staging, { recursive: true, force: true });
    for (const [file, content] of index.files) {
      if (file === MANIFEST_PATH) continue;
      const target = path.join(staging, path.relative(buildId, file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, content);
      written++;
    }
    fs.mkdirSync(dir, { recursive: true });
    fs.renameSync(staging, path.join(dir, buildId));
  }
  const manifestTmp = path.join(dir, `.${MANIFEST_PATH}.tmp`);
  fs.writeFileSync(manifestTmp, index.files.get(MANIFEST_PATH)!);
  fs.renameSync(manifestTmp, path.join(dir, MANIFEST_PATH));

  const keep = new Set([buildId, previous]);
  const removed = fs.readdirSync(dir).filter((name) => BUILD_FOLDER.test(name) && !keep.has(name));
  for (const name of removed) fs.rmSync(path.join(dir, name), { recursive: true, force: true });
  return { written: written + 1, removed };
}

function readBuildId(manifestPath: string): string | undefined {
  try {
    return (JSON.parse(fs.readFileSync(manifestPath, "utf8")) as Manifest).buildId;
  } catch {
    return undefined;
  }
}

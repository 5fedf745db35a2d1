/** Sizes of build outputs, walked in JS so a top-level folder (Next's `cache/`) can be left out exactly. */
import { lstatSync, readdirSync } from "node:fs";
import path from "node:path";

export interface DirSize {
  /** Sum of file sizes. */
  bytes: number;
  /** Disk usage as `du` counts it (allocated blocks). */
  diskBytes: number;
  files: number;
}

export function dirSize(dir: string, { excludeTopLevel = [] as string[] } = {}): DirSize {
  const total: DirSize = { bytes: 0, diskBytes: 0, files: 0 };
  const walk = (d: string, top: boolean) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (top && excludeTopLevel.includes(entry.name)) continue;
      const p = path.join(d, entry.name);
      const st = lstatSync(p);
      total.diskBytes += st.blocks * 512;
      if (entry.isDirectory()) walk(p, false);
      else {
        total.bytes += st.size;
        total.files++;
      }
    }
  };
  walk(dir, true);
  return total;
}

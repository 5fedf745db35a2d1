/**
 * A build is made for one content folder, one SITE_URL and one mode; `npm
 * start` rebuilds when any changed since the last build (or there is none).
 * A static export matters here too: Next.js writes an export's build
 * artifacts into `.next` whatever its distDir, replacing a server build
 * there, so the export leaves a stamp that says so.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { contentDir, isStaticExport, settings, siteUrl } from "../lib/site/config";

const distDir = () => (isStaticExport() ? path.join(process.cwd(), ".next") : settings.distDir());
const stampFile = () => path.join(distDir(), "portal-build.json");

interface BuildStamp {
  mode: "server" | "export";
  contentDir: string;
  siteUrl: string;
  /** Which post files the build read (lib/content/content-store.ts `contentFingerprint`). */
  contentFingerprint?: string;
}

const currentStamp = (): BuildStamp => ({
  mode: isStaticExport() ? "export" : "server",
  contentDir: contentDir(),
  siteUrl: siteUrl(),
});

export function writeBuildStamp(contentFingerprint: string): void {
  writeFileSync(stampFile(), `${JSON.stringify({ ...currentStamp(), contentFingerprint }, null, 2)}\n`);
}

/** The fingerprint of the posts the last build read, if it recorded one. */
export function builtContentFingerprint(): string | undefined {
  try {
    return (JSON.parse(readFileSync(stampFile(), "utf8")) as BuildStamp).contentFingerprint;
  } catch {
    return undefined;
  }
}

/** Why a build is needed, or undefined when the last one still fits. */
export function whyBuildNeeded(): string | undefined {
  if (!existsSync(path.join(distDir(), "BUILD_ID"))) return "no build yet";
  if (!existsSync(stampFile())) return "the last build was not made by `npm run build`";
  const built = JSON.parse(readFileSync(stampFile(), "utf8")) as BuildStamp;
  const now = currentStamp();
  if (built.mode !== now.mode) return `the last build was a ${built.mode === "export" ? "static export" : "server build"}`;
  if (built.contentDir !== now.contentDir) return `CONTENT_DIR changed (${built.contentDir} → ${now.contentDir})`;
  if (built.siteUrl !== now.siteUrl) return `SITE_URL changed (${built.siteUrl} → ${now.siteUrl})`;
  return undefined;
}

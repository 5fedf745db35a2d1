/**
 * The CJK font share cards are drawn with: Noto Sans CJK Bold, which
 * Debian and Ubuntu ship as `fonts-noto-cjk` (Chromium's tests need it too).
 * Without it there are no headline cards, and every page offers the site's
 * own card, which is committed in public/ (lib/share/share-image.ts).
 */
import { existsSync } from "node:fs";

/** Where the bold face is on Debian/Ubuntu, Fedora and Arch. */
export const CARD_FONT_FILES = [
  "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
  "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Bold.ttc",
  "/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc",
];

let found: { file: string | undefined } | undefined;

/** The first font file present, looked up once per process; undefined when none is. */
export function cardFontFile(candidates: readonly string[] = CARD_FONT_FILES): string | undefined {
  if (candidates !== CARD_FONT_FILES) return candidates.find((file) => existsSync(file));
  found ??= { file: candidates.find((file) => existsSync(file)) };
  return found.file;
}

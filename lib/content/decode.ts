/**
 * Bytes → text. Posts must be UTF-8; a BOM and CRLF line endings are fine and
 * are normalised away so that every later step sees `\n` only.
 */

const utf8 = new TextDecoder("utf-8", { fatal: true });

export type DecodeResult = { ok: true; text: string } | { ok: false; reason: string };

/** Decodes a post's bytes as strict UTF-8, naming the likely encoding when it is not. */
export function decodePostBytes(bytes: Uint8Array): DecodeResult {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: `not UTF-8${guessLegacyEncoding(bytes)}; save the file as UTF-8` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text: text.replace(/\r\n?/g, "\n") };
}

/** Chinese scrapers' usual mistake is GBK/GB18030; say so when the bytes decode cleanly that way. */
function guessLegacyEncoding(bytes: Uint8Array): string {
  try {
    const text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    if (/[\u4e00-\u9fff]/.test(text)) return " (looks like GBK)";
  } catch {
    // Not GBK either; say nothing we cannot back up.
  }
  return "";
}

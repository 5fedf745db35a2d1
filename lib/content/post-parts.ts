/**
 * A post file's bytes → its parts, the one way every reader of a post cuts
 * it: decoded text → front matter and markdown → the body as readers see it,
 * without the legacy trailer (whose `<url>` line is the source link) and
 * without the `> ` lede (which is the summary). The index (parse.ts), the
 * article page's body (parse.ts's render) and the search records all start
 * here, so they can never disagree on where a body starts or ends.
 */
import { decodePostBytes } from "./decode";
import { splitFrontMatter } from "./front-matter";
import { extractLede, stripLegacyTrailer } from "./legacy-trailer";

export interface PostParts {
  /** The whole file, decoded (for line numbers in messages). */
  text: string;
  /** The front matter, as YAML read it. */
  data: Record<string, unknown>;
  /** Markdown/HTML, without the trailer and the lede. */
  body: string;
  /** The text of the leading `> ` lines, if any. */
  lede?: string;
  /** The trailer's `<http…>` source link, if it had one. */
  sourceUrl?: string;
}

export type PostPartsResult = ({ ok: true } & PostParts) | { ok: false; reason: string; line?: number };

export function postParts(bytes: Uint8Array): PostPartsResult {
  const decoded = decodePostBytes(bytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  const split = splitFrontMatter(decoded.text);
  if (!split.ok) return { ok: false, reason: split.reason, line: split.line };
  const trailer = stripLegacyTrailer(split.body);
  const { body, lede } = extractLede(trailer.body);
  return { ok: true, text: decoded.text, data: split.data, body, lede, sourceUrl: trailer.sourceUrl };
}

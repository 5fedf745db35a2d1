/**
 * Text → front-matter fields + markdown body, with editor-friendly reasons
 * when the front matter is missing, unclosed or not valid YAML.
 *
 * The split is a line scan: the front matter runs from the first `---` line
 * to the next `---` or `...` line, and js-yaml reads what lies between. (It
 * used to go through gray-matter, which strips comment lines with a regex
 * that rescanned every blank line after each line: quadratic, and ten
 * thousand blank lines cost seconds.) A file whose front matter is never
 * closed is an error, not a body read as YAML; blank lines before the
 * opening `---` are tolerated, as Jekyll does in practice. Every scalar stays a
 * string (YAML's failsafe schema): `2021-12-08 10:46:18` is not silently read
 * as UTC (see `lib/time.ts`), `date: +0800` is not the number 800, and a
 * title such as `2021` stays text.
 */
import yaml from "js-yaml";

export type FrontMatterResult =
  | { ok: true; data: Record<string, unknown>; body: string; bodyStartLine: number }
  | { ok: false; reason: string; line?: number };

const DELIMITER = /^---\s*$/;
const CLOSING = /^(?:---|\.\.\.)\s*$/;

/** Splits a decoded post into its front-matter fields and body. Lines are 1-based. */
export function splitFrontMatter(text: string): FrontMatterResult {
  const lines = text.split("\n");
  let open = 0;
  while (open < lines.length && lines[open].trim() === "") open++;
  if (open === lines.length) return { ok: false, reason: "the file is empty" };
  if (!DELIMITER.test(lines[open])) {
    return { ok: false, line: open + 1, reason: "no front matter: the file must start with a '---' line" };
  }
  let close = open + 1;
  while (close < lines.length && !CLOSING.test(lines[close])) close++;
  if (close === lines.length) {
    return { ok: false, line: open + 1, reason: "front matter never closed: add a '---' line after the last field" };
  }

  const yamlText = lines.slice(open + 1, close).join("\n");
  let data: unknown;
  try {
    // Empty front matter (or comments only) has no fields: js-yaml reads it as no document at all.
    data = yaml.load(yamlText, { schema: yaml.FAILSAFE_SCHEMA }) ?? {};
  } catch (error) {
    return { ok: false, ...describeYamlError(error, open + 2, lines.slice(open + 1, close)) };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) {
    return { ok: false, line: open + 2, reason: "front matter is not a list of 'field: value' lines" };
  }
  return {
    ok: true,
    data: data as Record<string, unknown>,
    body: lines.slice(close + 1).join("\n"),
    bodyStartLine: close + 2,
  };
}

/** `firstYamlLine`: the file's 1-based line number of `yamlLines[0]`. */
function describeYamlError(error: unknown, firstYamlLine: number, yamlLines: string[]): { reason: string; line?: number } {
  if (error instanceof yaml.YAMLException) {
    let line = error.mark ? firstYamlLine + error.mark.line : undefined;
    const unclosed = /^unexpected end of the stream within a (double|single) quoted scalar$/.exec(error.reason);
    if (unclosed) {
      // js-yaml marks the end of the block; the editor needs the line where the quote opens.
      const opening = lastLineWithOddQuotes(yamlLines, unclosed[1] === "double" ? /(?<!\\)"/g : /'/g);
      if (opening !== undefined) line = firstYamlLine + opening;
    }
    const what = unclosed ? "unclosed quote" : error.reason;
    return { line, reason: `YAML: ${what}${line ? ` on line ${line}` : ""}` };
  }
  return { reason: `YAML: ${error instanceof Error ? error.message : String(error)}` };
}

/** Index of the last line holding an odd number of `quote` marks: where an unclosed quote opens. */
function lastLineWithOddQuotes(lines: string[], quote: RegExp): number | undefined {
  for (let i = lines.length - 1; i >= 0; i--) {
    if ((lines[i].match(quote)?.length ?? 0) % 2 === 1) return i;
  }
  return undefined;
}

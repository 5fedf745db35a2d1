/**
 * What every benchmark report in docs/ is made of: GitHub-flavoured markdown
 * tables, and a hand-written "## Notes" section at the end that a
 * regenerated report keeps.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { MachineInfo } from "./results";
import { fmtBytes } from "./stats";

export const NOTES_HEADING = "## Notes";

export type Align = "left" | "right";

/**
 * A markdown table: one header row, a rule (`---`, or `---:` for a column
 * aligned right), one line per row. A `|` inside a cell is escaped so it
 * cannot split the cell.
 */
export function markdownTable(headers: string[], rows: string[][], align: Align[] = []): string {
  const line = (cells: string[]) => `| ${cells.map((c) => c.replace(/\|/g, "\\|")).join(" | ")} |`;
  const rule = `| ${headers.map((_, i) => (align[i] === "right" ? "---:" : "---")).join(" | ")} |`;
  return [line(headers), rule, ...rows.map(line)].join("\n");
}

/**
 * How every report ends: what went wrong during the run, then the Notes
 * section with a placeholder that writeKeepingNotes replaces with an
 * earlier report's notes.
 */
export function closingSections(problemsHeading: string, problems: string, notesPlaceholder: string): string {
  return `## ${problemsHeading}\n\n${problems}\n\n${NOTES_HEADING}\n\n${notesPlaceholder}\n`;
}

/** The text under an earlier document's Notes heading, trimmed; undefined when it has none or it is empty. */
export function notesOf(doc: string | undefined): string | undefined {
  const at = doc?.indexOf(`\n${NOTES_HEADING}\n`) ?? -1;
  if (!doc || at < 0) return undefined;
  return doc.slice(at + NOTES_HEADING.length + 2).trim() || undefined;
}

/**
 * `newDoc` with `oldDoc`'s notes: they replace what follows newDoc's own
 * Notes heading (a placeholder) or, when newDoc has none, are appended under
 * that heading. Without notes in `oldDoc` (or without `oldDoc`), `newDoc` as is.
 */
export function keepNotesSection(oldDoc: string | undefined, newDoc: string): string {
  const notes = notesOf(oldDoc);
  if (notes === undefined) return newDoc;
  const at = newDoc.indexOf(`\n${NOTES_HEADING}\n`);
  const before = at < 0 ? `${newDoc.replace(/\n*$/, "\n")}\n` : newDoc.slice(0, at + 1);
  return `${before}${NOTES_HEADING}\n\n${notes}\n`;
}

/** Writes `newDoc` to `file` (folders made as needed), keeping the notes the file had. */
export function writeKeepingNotes(file: string, newDoc: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, keepNotesSection(existsSync(file) ? readFileSync(file, "utf8") : undefined, newDoc));
}

/** The rows every report's machine table starts with (a report adds its own tools and settings after them). */
export function machineRows(m: MachineInfo): string[][] {
  return [
    ["Date", m.date],
    ["CPU", `${m.cpuModel} × ${m.cpuCount}`],
    ["Memory", fmtBytes(m.totalMemBytes)],
    ["OS", m.os],
    ["Node.js", m.node],
    ["Next.js", `${m.nextInstalled} (package.json: ${m.nextDeclared})`],
  ];
}

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { closingSections, keepNotesSection, markdownTable, notesOf, writeKeepingNotes } from "../markdown";

describe("markdownTable", () => {
  it("writes a header, a rule and one line per row", () => {
    expect(markdownTable(["posts", "time"], [["1,000", "2 s"], ["10,000", "15 s"]])).toBe(
      "| posts | time |\n| --- | --- |\n| 1,000 | 2 s |\n| 10,000 | 15 s |",
    );
  });

  it("aligns the columns asked for to the right", () => {
    expect(markdownTable(["Page", "Score"], [["/", "99"]], ["left", "right"]).split("\n")[1]).toBe("| --- | ---: |");
  });

  it("escapes a pipe so it cannot split a cell", () => {
    expect(markdownTable(["q"], [["a|b"]]).split("\n")[2]).toBe("| a\\|b |");
  });

  it("takes empty headers, for a two-column list of figures", () => {
    expect(markdownTable(["", ""], [["requests", "12"]])).toBe("|  |  |\n| --- | --- |\n| requests | 12 |");
  });
});

describe("closingSections", () => {
  it("ends a report on its problems, then a Notes section holding the placeholder", () => {
    expect(closingSections("Problems seen during the run", "None.", "_notes_")).toBe("## Problems seen during the run\n\nNone.\n\n## Notes\n\n_notes_\n");
  });
});

describe("keepNotesSection", () => {
  const fresh = "# Report\n\nfigures\n\n## Notes\n\n_placeholder_\n";

  it("puts an earlier document's notes in place of the new one's placeholder", () => {
    const old = "# Report\n\nold figures\n\n## Notes\n\nMeasured by hand.\n\nSecond paragraph.\n";
    expect(keepNotesSection(old, fresh)).toBe("# Report\n\nfigures\n\n## Notes\n\nMeasured by hand.\n\nSecond paragraph.\n");
  });

  it("leaves the new document as is without earlier notes", () => {
    expect(keepNotesSection(undefined, fresh)).toBe(fresh);
    expect(keepNotesSection("# Report\n\nno notes\n", fresh)).toBe(fresh);
    expect(keepNotesSection("# Report\n\n## Notes\n\n  \n", fresh)).toBe(fresh);
  });

  it("appends the notes under their heading when the new document has none", () => {
    expect(keepNotesSection("# Old\n\n## Notes\n\nkeep me\n", "# New\n\n| a |\n")).toBe("# New\n\n| a |\n\n## Notes\n\nkeep me\n");
    expect(keepNotesSection("# Old\n\n## Notes\n\nkeep me\n", "# New")).toBe("# New\n\n## Notes\n\nkeep me\n");
  });

  it("is stable: keeping the notes of its own output changes nothing", () => {
    const once = keepNotesSection("x\n\n## Notes\n\nmine\n", fresh);
    expect(keepNotesSection(once, once)).toBe(once);
  });

  it("reads only a heading of its own line, not the words in the text", () => {
    expect(notesOf("see ## Notes below")).toBeUndefined();
    expect(notesOf("a\n## Notes\nbody")).toBe("body");
  });
});

describe("writeKeepingNotes", () => {
  it("creates the file's folder, then keeps the notes across rewrites", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "markdown-"));
    const file = path.join(dir, "docs", "report.md");
    try {
      writeKeepingNotes(file, "# Run 1\n\n## Notes\n\n_placeholder_\n");
      writeFileSync(file, readFileSync(file, "utf8").replace("_placeholder_", "by hand")); // the engineer's edit
      writeKeepingNotes(file, "# Run 2\n\n## Notes\n\n_placeholder_\n");
      expect(readFileSync(file, "utf8")).toBe("# Run 2\n\n## Notes\n\nby hand\n");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

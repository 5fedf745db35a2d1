import { describe, expect, it } from "vitest";
import { checkContent, formatCheckReport } from "@/lib/content/check";
import { mixedFolder, post, tempContentDir } from "../helpers/fixtures";

describe("lib/content/check", () => {
  it("names every broken post of a mixed folder with its line and reason, and warns about repairs", () => {
    const dir = mixedFolder();
    const report = checkContent(dir, dir);
    const lines = formatCheckReport(report);
    expect(lines).toEqual([
      "_posts/-202205262391921712.md:4: warning: date '+0800' has no date; the date in the file name (2022-05-26) stands in for it",
      "_posts/-202205262391921712.md:3: warning: title is empty; the summary stands in for it",
      "_posts/-202205262391921712.md: warning: has no source URL (the '<http://…>' line)",
      "_posts/2024-01-02-gbk.md: error: not UTF-8 (looks like GBK); save the file as UTF-8",
      "_posts/2024-01-03-unclosed.md:1: error: front matter never closed: add a '---' line after the last field",
      expect.stringMatching(/^_posts\/2024-01-04-quote\.md:\d+: error: YAML: .* on line \d+$/),
      "_posts/2024-01-05-bare.md:1: error: no front matter: the file must start with a '---' line",
      "_posts/2024-01-06-empty.md: error: the file is empty",
      "_posts/nothing.md: error: has neither a title nor a date",
      "2 posts published, 6 skipped, 3 warnings",
    ]);
    expect(report).toMatchObject({ published: 2, skipped: 6, warnings: 3, ok: false });
  });

  it("is ok for a folder where every post publishes, even with warnings", () => {
    const dir = tempContentDir({ "_posts/2024-01-01-a.md": post({ title: "A", date: "2024-01-01", categories: "emnews" }) });
    const report = checkContent(dir, dir);
    expect(report).toMatchObject({ ok: true, published: 1, skipped: 0, warnings: 1 });
  });

  it("shows paths relative to where the editor runs it", () => {
    const dir = tempContentDir({ "_posts/2024-01-06-empty.md": "" });
    const report = checkContent(dir, `${dir}/..`);
    expect(report.problems[0].file).toMatch(/^finews-content-[^/]+\/_posts\/2024-01-06-empty\.md$/);
  });
});

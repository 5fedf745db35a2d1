/**
 * When the render pipeline throws anyway (a body the depth measure did not
 * foresee, a bug), the post must not vanish silently: its page shows the
 * text as plain paragraphs, the server log names the file and the reason,
 * and `npm run check` reports it as an error.
 */
import { describe, expect, it, vi } from "vitest";
import { checkContent, formatCheckReport } from "@/lib/content/check";
import { renderPostBody } from "@/lib/content/parse";
import { getArticleBody, renderArticleFile } from "@/lib/content/content-store";
import { post, tempContentDir, textSource } from "../helpers/fixtures";

const TRIGGER = "这一段让渲染失败";

vi.mock("@/lib/content/render", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/content/render")>();
  return {
    ...actual,
    renderBody: (markdown: string) => {
      if (markdown.includes(TRIGGER)) throw new RangeError("Maximum call stack size exceeded");
      return actual.renderBody(markdown);
    },
  };
});

const BODY = `第一段。\n\n${TRIGGER}。\n\n<https://a.example/1>`;
const LOGGED = "content: _posts/2024-01-01-broken.md: error: could not be rendered (RangeError: Maximum call stack size exceeded); its page shows it as plain text";

function logged(run: () => unknown): { result: unknown; lines: string[] } {
  const spy = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    const result = run();
    return { result, lines: spy.mock.calls.map((call) => call.join(" ")) };
  } finally {
    spy.mockRestore();
  }
}

describe("a body the render pipeline throws on", () => {
  it("is logged in one line naming the file and the reason, and shown as plain text", () => {
    const file = textSource("_posts/2024-01-01-broken.md", post({ title: "坏", date: "2024-01-01" }, BODY));
    const { result, lines } = logged(() => renderPostBody(file));
    expect(lines).toEqual([LOGGED]);
    expect(result).toBe(`<p>第一段。</p><p>${TRIGGER}。</p>`);
  });

  it("is logged the same way when a page asks the store for it; a file gone since is logged too", async () => {
    const dir = tempContentDir({ "_posts/2024-01-01-broken.md": post({ title: "坏", date: "2024-01-01" }, BODY) });
    const { result, lines } = logged(() => renderArticleFile(dir, "_posts/2024-01-01-broken.md"));
    expect(lines).toEqual([LOGGED]);
    expect(result).toContain(TRIGGER);
    // What a page awaits is the same (rendered here: no server hands in its worker).
    expect(await getArticleBody({ file: "_posts/2024-01-01-broken.md" }, dir)).toBe(result);

    const gone = logged(() => renderArticleFile(dir, "_posts/2024-01-01-gone.md"));
    expect(gone.result).toBeUndefined();
    expect(gone.lines).toEqual([expect.stringMatching(/^content: _posts\/2024-01-01-gone\.md: error: its page cannot be shown: could not be read \(ENOENT/)]);
  });

  it("is an error in npm run check, which renders every post as its page would", () => {
    const dir = tempContentDir({
      "_posts/2024-01-01-broken.md": post({ title: "坏", date: "2024-01-01", categories: "emnews" }, BODY),
      "_posts/2024-01-02-fine.md": post({ title: "好", date: "2024-01-02", categories: "emnews" }, "正文。\n\n<https://a.example/2>"),
    });
    const report = checkContent(dir, dir);
    expect(formatCheckReport(report)).toEqual([
      "_posts/2024-01-01-broken.md: error: could not be rendered (RangeError: Maximum call stack size exceeded); its page shows it as plain text",
      "2 posts published, 0 skipped, 0 warnings",
    ]);
    expect(report.ok).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { exportEnv, reproduceCommand } from "../export-command";
import {
  checkFullVsHugo,
  checkIncremental,
  checkOutSize,
  checkPeakMemory,
  linearity,
  NOTES_PLACEHOLDER,
  ratioCell,
  renderExportReport,
  renderExportSummary,
  summarizeRuns,
  timeCell,
} from "../export-report";
import type { ExportBenchSettings, ExportSizeResult, PortalRun } from "../export-results";
import type { ExportTree } from "../export-tree";
import { keepNotesSection } from "../markdown";
import type { MeasuredRun } from "../proc";
import type { MachineInfo } from "../results";

const MiB = 1024 * 1024;

function run(wallMs: number, extra: Partial<MeasuredRun> = {}): MeasuredRun {
  return { ok: true, exitCode: 0, timedOut: false, wallMs, peakRssBytes: 500 * MiB, cpuMs: wallMs * 1.5, otherCpuMs: wallMs * 0.1, tail: "", ...extra };
}
const timedOut = (wallMs: number): MeasuredRun => run(wallMs, { ok: false, exitCode: null, timedOut: true });
const failed = (wallMs: number): MeasuredRun => run(wallMs, { ok: false, exitCode: 1, tail: "Error: boom" });

function tree(articles: number, bytes: number): ExportTree {
  return {
    bytes,
    files: articles * 2,
    diskBytes: bytes * 2,
    htmlFiles: articles + 100,
    articlePages: articles,
    articles: { bytes: articles * 8000, files: articles },
    searchIndex: { bytes: bytes / 10, files: 50 },
    topLevel: [
      { name: "articles", bytes: articles * 8000, files: articles },
      { name: "search-index", bytes: bytes / 10, files: 50 },
    ],
    payloadsBesideHtml: 0,
    segmentFiles: 0,
    foldersBesideHtml: { articles: 0, other: 12, examples: ["category/emnews/"] },
  };
}

const portalRun = (r: MeasuredRun, t?: ExportTree, extra: Partial<PortalRun> = {}): PortalRun => ({ run: r, nextBuildRan: true, phases: {}, tree: t, ...extra });

function sizeResult(posts: number, o: { hugoMs: number; fullMs: number; coldMs?: number; incrementalMs?: number; outBytes?: number; peak?: number; jekyll?: MeasuredRun }): ExportSizeResult {
  const t = tree(posts, o.outBytes ?? posts * 10_000);
  return {
    posts,
    validPosts: posts - posts / 1000,
    broken: posts / 1000,
    corpusBytes: posts * 3000,
    hugo: { generator: "hugo", runs: [{ run: run(o.hugoMs) }], output: { bytes: posts * 4000, diskBytes: posts * 8000, files: posts + 50, htmlFiles: posts + 40 } },
    jekyll: { generator: "jekyll", runs: [{ run: o.jekyll ?? timedOut(600_000) }] },
    portal: {
      cold: [portalRun(run(o.coldMs ?? o.fullMs + 30_000, { peakRssBytes: o.peak ?? 1500 * MiB }), t)],
      full: [portalRun(run(o.fullMs), t)],
      incremental: [portalRun(run(o.incrementalMs ?? 4000), t, { addedPosts: 10, nextBuildRan: false, changes: { added: 12, removed: 0, rewritten: 30, unchanged: posts, pagesWritten: 40 } })],
      unchanged: [portalRun(run(1500), t, { nextBuildRan: false, changes: { added: 0, removed: 0, rewritten: 0, unchanged: posts + 52, pagesWritten: 0 } })],
    },
    keptForFull: [
      { path: ".next", bytes: 300 * MiB, files: 4000 },
      { path: "next-env.d.ts", bytes: 250, files: 1 },
    ],
    errors: [],
    notes: [],
  };
}

const machine: MachineInfo = {
  cpuModel: "Test CPU",
  cpuCount: 2,
  totalMemBytes: 8 * 1024 * MiB,
  os: "Linux test",
  node: "v20.0.0",
  nextDeclared: "16.4.6",
  nextInstalled: "16.4.6",
  hugo: "hugo v0.111.3",
  jekyll: "jekyll 4.3.1",
  date: "2026-01-01T00:00:00Z",
  codeVersion: "abc1234",
};

const settings: ExportBenchSettings = {
  sizes: [5000, 20000, 100000],
  seed: 42,
  runs: 1,
  addPosts: 10,
  fullRemoves: ["out", ".cache"],
  portalTimeoutMs: 3_600_000,
  hugoTimeoutMs: 600_000,
  jekyllTimeoutMs: 600_000,
  skipHugo: false,
  skipJekyll: false,
  siteUrl: "https://news.example.com",
  command: "npm run bench:export -- --sizes 5000,20000,100000",
};

describe("summarizeRuns and timeCell", () => {
  it("gives the median of finished runs with their range", () => {
    const s = summarizeRuns([run(3000), run(1000), run(2000)]);
    expect(s).toMatchObject({ n: 3, ms: 2000, minMs: 1000, maxMs: 3000 });
    expect(timeCell(s)).toBe("2.0 s (median of 3: 1.0 s–3.0 s)");
  });

  it("reports a run cut off by its cap as 'over N min', never as a time", () => {
    const s = summarizeRuns([timedOut(600_000)]);
    expect(s.ms).toBeUndefined();
    expect(timeCell(s)).toBe("over 10 min (timeout)");
  });

  it("reports a failure with its exit code", () => {
    expect(timeCell(summarizeRuns([failed(1234)]))).toBe("failed (exit 1) after 1.2 s");
  });

  it("takes the highest peak of the runs", () => {
    expect(summarizeRuns([run(1, { peakRssBytes: 5 }), run(1, { peakRssBytes: 9 })]).peakBytes).toBe(9);
  });
});

describe("ratioCell", () => {
  it("divides medians, and gives a bound when one side hit its cap", () => {
    expect(ratioCell(summarizeRuns([run(3000)]), summarizeRuns([run(2000)]))).toBe("1.50×");
    expect(ratioCell(summarizeRuns([timedOut(600_000)]), summarizeRuns([run(20_000)]))).toBe("> 30.0×");
    expect(ratioCell(summarizeRuns([run(20_000)]), summarizeRuns([timedOut(600_000)]))).toBe("< 0.03×");
    expect(ratioCell(summarizeRuns([failed(10)]), summarizeRuns([run(10)]))).toBe("–");
  });
});

describe("target checks", () => {
  it("full export against Hugo: met within 2×, the stretch named when faster", () => {
    expect(checkFullVsHugo(sizeResult(20000, { hugoMs: 10_000, fullMs: 19_000 }), "full")).toEqual({ met: true, text: "1.90×: met" });
    expect(checkFullVsHugo(sizeResult(20000, { hugoMs: 10_000, fullMs: 8_000 }), "full").text).toBe("0.80× (stretch met: faster than Hugo): met");
    expect(checkFullVsHugo(sizeResult(20000, { hugoMs: 10_000, fullMs: 25_000 }), "full")).toEqual({ met: false, text: "2.50×: not met" });
    expect(checkFullVsHugo(sizeResult(20000, { hugoMs: 10_000, fullMs: 25_000, coldMs: 60_000 }), "cold").text).toBe("6.00×: not met");
  });

  it("peak memory: the highest of every portal run, against 2 × 10⁹ bytes", () => {
    expect(checkPeakMemory(sizeResult(20000, { hugoMs: 1, fullMs: 1, peak: 1.9e9 })).met).toBe(true);
    expect(checkPeakMemory(sizeResult(20000, { hugoMs: 1, fullMs: 1, peak: 2.1e9 })).met).toBe(false);
  });

  it("incremental export within 10 s", () => {
    expect(checkIncremental(sizeResult(20000, { hugoMs: 1, fullMs: 1, incrementalMs: 9_000 }))).toEqual({ met: true, text: "9.0 s: met" });
    expect(checkIncremental(sizeResult(20000, { hugoMs: 1, fullMs: 1, incrementalMs: 11_000 })).met).toBe(false);
  });

  it("out/ under 400 MB (4 × 10⁸ bytes)", () => {
    expect(checkOutSize(sizeResult(20000, { hugoMs: 1, fullMs: 1, outBytes: 399e6 })).met).toBe(true);
    expect(checkOutSize(sizeResult(20000, { hugoMs: 1, fullMs: 1, outBytes: 401e6 })).met).toBe(false);
  });

  it("says 'not measured' when there is nothing to check", () => {
    const r = sizeResult(20000, { hugoMs: 1, fullMs: 1 });
    r.portal = { cold: [], full: [], incremental: [], unchanged: [] };
    expect(checkFullVsHugo(r, "full").text).toBe("not measured");
    expect(checkIncremental(r).text).toBe("not measured");
    expect(checkOutSize(r).text).toBe("not measured");
    expect(checkPeakMemory(r).text).toBe("not measured");
  });
});

describe("linearity", () => {
  it("is met when the marginal cost per page stays flat, whatever the fixed start-up cost", () => {
    const l = linearity([
      { posts: 5000, pages: 10_000, ms: 20_000 + 10_000 * 2 },
      { posts: 20000, pages: 40_000, ms: 20_000 + 40_000 * 2 },
      { posts: 100000, pages: 200_000, ms: 20_000 + 200_000 * 2.1 },
    ]);
    expect(l.verdict.met).toBe(true);
    expect(l.rows.map((r) => r.marginalMsPerPage?.toFixed(2))).toEqual([undefined, "2.00", "2.13"]);
  });

  it("is not met when the cost per page grows with the archive", () => {
    const quadratic = [10_000, 40_000, 200_000].map((pages, i) => ({ posts: [5000, 20000, 100000][i], pages, ms: (pages * pages) / 10_000 }));
    expect(linearity(quadratic).verdict.met).toBe(false);
  });

  it("with two sizes compares ms per page; with one it says it needs more", () => {
    expect(linearity([{ posts: 1, pages: 100, ms: 100 }, { posts: 2, pages: 200, ms: 300 }]).verdict).toEqual({ met: false, text: "1.00 → 1.50 ms per page: not met" });
    expect(linearity([{ posts: 1, pages: 100, ms: 100 }]).verdict.met).toBeUndefined();
  });
});

describe("renderExportReport", () => {
  const results = [
    sizeResult(5000, { hugoMs: 3_000, fullMs: 6_000, jekyll: run(120_000) }),
    sizeResult(20000, { hugoMs: 10_000, fullMs: 18_000 }),
    sizeResult(100000, { hugoMs: 50_000, fullMs: 95_000 }),
  ];
  const text = renderExportReport(machine, { ...settings, label: "Trial of the old engine" }, results);

  it("has a table per size with Hugo, Jekyll and every portal run", () => {
    for (const heading of ["### 5,000 posts", "### 20,000 posts", "### 100,000 posts"]) expect(text).toContain(heading);
    for (const row of ["| Hugo full build |", "| Jekyll full build |", "| Portal cold (no out/, .cache/ or Next build) |", "| Portal full export, code already built |", "| Portal after adding 10 posts (incremental) |", "| Portal rerun, nothing changed |"]) {
      expect(text.split(row).length - 1).toBe(3);
    }
  });

  it("shows ratios to Hugo, a capped Jekyll as a bound, and what the reruns wrote", () => {
    expect(text).toContain("| Portal full export, code already built | 18.0 s | 1.80× |");
    expect(text).toContain("| Jekyll full build | over 10 min (timeout) | > 60.0× |");
    expect(text).toContain("40 pages (12 files added, 30 rewritten, 0 removed, 20,000 untouched)");
  });

  it("gives the targets at the target size, the machine, the label and how to reproduce", () => {
    expect(text).toContain("20,000 posts (the target size)");
    expect(text).toContain("| Full export (code already built) within 2× Hugo's full build (stretch: faster than Hugo) | 2.00×: met | 1.80×: met | 1.90×: met |");
    expect(text).toContain("> **Trial of the old engine**");
    expect(text).toContain("| CPU | Test CPU × 2 |");
    expect(text).toContain("| Node.js | v20.0.0 |");
    expect(text).toContain("npm run bench:export -- --sizes 5000,20000,100000");
    expect(text).toContain("100,000 posts reported: reported.");
  });

  it("says what 'code already built' kept", () => {
    expect(text).toContain("Before each full export, `out` and `.cache` were removed; kept from the earlier runs: `.next` 300.0 MiB (4,000 files), `next-env.d.ts` 250 B (1 file).");
  });

  it("prints per-article figures and what out/ holds", () => {
    // 20,000 articles, 200,000,000 bytes → 10,000 bytes per article.
    expect(text).toMatch(/\| Portal out\/ \| 190\.7 MiB \| [^|]+ \| 40,000 \| 20,100 \| 9\.8 KiB \| 2\.00 \|/);
    expect(text).toContain("React payloads (`X.txt` beside `X.html`): 0; segment payloads (`__next.*.txt`): 0.");
    expect(text).toContain("0 under `articles/`, 12 elsewhere");
  });

  it("never prints undefined or NaN", () => {
    expect(text).not.toMatch(/undefined|NaN/);
    const empty = renderExportReport(machine, settings, [{ ...results[0], portal: { cold: [], full: [], incremental: [], unchanged: [] }, hugo: { generator: "hugo", runs: [], skipped: "hugo is not on PATH" } }]);
    expect(empty).not.toMatch(/undefined|NaN/);
    expect(empty).toContain("| Hugo full build | hugo is not on PATH |");
  });

  it("ends with a Notes section that a regenerated report keeps", () => {
    expect(text.endsWith(`## Notes\n\n${NOTES_PLACEHOLDER}\n`)).toBe(true);
    const edited = text.replace(NOTES_PLACEHOLDER, "Measured by hand.");
    const again = keepNotesSection(edited, renderExportReport(machine, { ...settings, label: "Trial of the old engine" }, results));
    expect(again).toBe(edited);
  });

  it("summarizes for the terminal", () => {
    const summary = renderExportSummary(results);
    expect(summary).toContain("20,000 posts:");
    expect(summary).toContain("portal full: 18.0 s (1.80× Hugo)");
    expect(summary).not.toMatch(/undefined|NaN/);
  });
});

describe("the command measured and the one the report gives", () => {
  it("leaves out the options that only say where files go or how the report is titled", () => {
    expect(reproduceCommand(["--sizes", "1000", "--out", "/tmp/x.md", "--keep", "--json=/tmp/x.json", "--label", "Trial run", "--runs", "3"])).toBe("npm run bench:export -- --sizes 1000 --runs 3");
    expect(reproduceCommand([])).toBe("npm run bench:export");
  });

  it("gives the export the publisher's environment and clears what would move its folders", () => {
    const env = exportEnv("/corpus", "https://x.example", { NODE_ENV: "production", PATH: "/bin", NEXT_DIST_DIR: ".next-bench", EXPORT_DIR: "/elsewhere", CONTENT_CACHE_DIR: "off", npm_lifecycle_event: "bench:export", STATIC_EXPORT: "0" });
    expect(env).toEqual({ NODE_ENV: "production", PATH: "/bin", CONTENT_DIR: "/corpus", SITE_URL: "https://x.example", STATIC_EXPORT: "1", NEXT_TELEMETRY_DISABLED: "1" });
  });
});

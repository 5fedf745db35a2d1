/**
 * Real feed readers, for the tests that check what a subscriber sees:
 * Python's feedparser (Debian's python3-feedparser) and newsboat. Each is
 * `undefined`-or-reason when missing, so a test can skip saying why; CI
 * installs both (.ci/run). No test framework here: the unit tests and the
 * e2e tests both use it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/** Debian's python first: a pyenv `python3` earlier on PATH may not have Debian's packages. */
const PYTHON = ["/usr/bin/python3", "python3"].find((python) => spawnSync(python, ["-c", "import feedparser"], { stdio: "ignore" }).status === 0);
export const FEEDPARSER_MISSING = PYTHON ? undefined : "Python's feedparser is not installed (apt-get install python3-feedparser)";

const has = (command: string, args: string[]) => spawnSync(command, args, { stdio: "ignore" }).status === 0;
export const NEWSBOAT_MISSING = !has("newsboat", ["-v"])
  ? "newsboat is not installed (apt-get install newsboat)"
  : !has("sqlite3", ["-version"])
    ? "sqlite3 (to read newsboat's cache) is not installed (apt-get install sqlite3)"
    : undefined;
export const XMLLINT_MISSING = has("xmllint", ["--version"]) ? undefined : "xmllint is not installed (apt-get install libxml2-utils)";

export interface FeedparserEntry {
  link: string;
  title: string;
  /** feedparser's idea of the title: text/plain or text/html (then `title` is HTML). */
  titleType: string;
  summary: string;
  summaryType: string;
  author?: string;
  tags: string[];
}
export interface FeedparserResult {
  /** Set when feedparser met a malformed feed; it then guesses. */
  bozo: boolean;
  bozoException?: string;
  /** `atom10`, `rss20`… */
  version: string;
  title: string;
  titleType: string;
  entries: FeedparserEntry[];
}

const FEEDPARSER_SCRIPT = `
import feedparser, json, sys
d = feedparser.parse(sys.stdin.buffer.read())
detail = lambda o, k: (o.get(k + "_detail") or {}).get("type", "")
print(json.dumps({
  "bozo": bool(d.bozo),
  "bozoException": str(d.get("bozo_exception", "")) or None,
  "version": d.version,
  "title": d.feed.get("title", ""),
  "titleType": detail(d.feed, "title"),
  "entries": [{
    "link": e.get("link", ""), "title": e.get("title", ""), "titleType": detail(e, "title"),
    "summary": e.get("summary", ""), "summaryType": detail(e, "summary"),
    "author": e.get("author"), "tags": [t.get("term") for t in e.get("tags", [])],
  } for e in d.entries],
}))
`;

/** An XML feed's bytes as feedparser reads them. */
export function feedparserRead(feed: string): FeedparserResult {
  if (!PYTHON) throw new Error(FEEDPARSER_MISSING);
  return JSON.parse(execFileSync(PYTHON, ["-c", FEEDPARSER_SCRIPT], { input: feed, encoding: "utf8" }));
}

export interface NewsboatItem {
  title: string;
  author: string;
  /** What newsboat renders as HTML in the article view. */
  content: string;
  url: string;
}

/**
 * What newsboat stores after fetching `url` (http:, https: or file:) into a
 * fresh cache: the feed's title and its items, in the feed's order. Titles
 * are what its article list shows, as they are.
 */
export function newsboatRead(url: string): { title: string; items: NewsboatItem[] } {
  if (NEWSBOAT_MISSING) throw new Error(NEWSBOAT_MISSING);
  const home = mkdtempSync(path.join(os.tmpdir(), "finews-newsboat-"));
  try {
    const [urls, config, cache] = ["urls", "config", "cache.db"].map((name) => path.join(home, name));
    writeFileSync(urls, `${url}\n`);
    writeFileSync(config, "");
    const run = spawnSync("newsboat", ["-C", config, "-u", urls, "-c", cache, "-x", "reload"], { env: { ...process.env, HOME: home }, encoding: "utf8", timeout: 30_000 });
    if (run.status !== 0) throw new Error(`newsboat -x reload failed (${run.status}): ${run.stdout}${run.stderr}`);
    const query = (sql: string) => JSON.parse(execFileSync("sqlite3", ["-json", cache, sql], { encoding: "utf8" }) || "[]");
    const feeds: { title: string }[] = query("SELECT title FROM rss_feed");
    if (feeds.length !== 1) throw new Error(`newsboat stored ${feeds.length} feeds for ${url}: ${run.stdout}${run.stderr}`);
    const items: NewsboatItem[] = query("SELECT title, author, content, url FROM rss_item ORDER BY id");
    return { title: feeds[0].title, items };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** xmllint's complaints about a document (empty when it is well-formed). */
export function xmllintProblems(xml: string): string {
  if (XMLLINT_MISSING) throw new Error(XMLLINT_MISSING);
  const run = spawnSync("xmllint", ["--noout", "-"], { input: xml, encoding: "utf8" });
  return run.status === 0 ? "" : run.stderr || `xmllint exited ${run.status}`;
}

/** What a browser shows for an HTML text fragment with no tags (the decoding of the entities a feed writer adds). */
export function htmlToShownText(html: string): string {
  if (/<[a-z!/?]/i.test(html)) throw new Error(`not a plain-text HTML fragment: ${html}`);
  return html.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
}

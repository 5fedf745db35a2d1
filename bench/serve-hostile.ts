/**
 * `npm run bench:serve -- --hostile`: what a public `npm start` meets.
 *
 * 1. Hostile load: half the connections read real pages (the usual
 *    article:category:home mix), the other half send what crawlers and
 *    scanners send: a distinct unknown URL every request (unknown
 *    articles, tags, sources, listing pages, sitemaps, `/<x>/`) and
 *    malformed ones (`/%ff…`, `/articles/%c0%ae…`, bad search-index paths,
 *    8 KB paths). Reported: the real pages' requests/s, p50/p99 and non-2xx
 *    (must be 0), the hostile answers by status, the server's memory by
 *    quarter and the build folder's size before and after (both must stay
 *    flat).
 * 2. Hostile posts: while readers read, a 20 MB post and a post of 3,000
 *    `" \n"` lines are written into the content folder. Reported: the
 *    slowest answer to the readers in that window, against the same window
 *    with nothing written and with an ordinary post written (any change
 *    revalidates every page, whose re-renders readers then wait for).
 *
 * Everything goes to the loopback server the bench started; every loop is
 * bounded by the duration.
 */
import autocannon from "autocannon";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { dirSize } from "./fs-size";
import { get } from "./http";
import { markdownTable } from "./markdown";
import { processTree, sleep } from "./proc";
import { fmtBytes, fmtInt } from "./stats";

export interface HostileOptions {
  base: string;
  pid: number;
  /** The content folder the server watches (a copy: posts are written into it). */
  contentDir: string;
  /** The server's build folder. */
  distDir: string;
  paths: string[];
  connections: number;
  durationSec: number;
  warmupSec: number;
}

/** A different URL a stranger might send, for every n. */
export function hostileUrl(n: number): string {
  const kinds = [
    () => `/articles/scan-${n}`,
    () => `/tags/probe-${n}`,
    () => `/category/emnews/page/${1000 + n}`,
    () => `/category/no-such-${n}/feed.xml`,
    () => `/sitemaps/articles-${1000 + n}.xml`,
    () => `/wp-admin-${n}/`,
    () => `/%ff${n}`,
    () => `/articles/%c0%ae${n}`,
    () => `/search-index/%zz/${n}`,
    () => `/${"a".repeat(8 * 1024)}${n}`,
  ];
  return kinds[n % kinds.length]();
}

const rss = (pid: number) => processTree(pid).reduce((sum, p) => sum + p.rssBytes, 0);
const buildFolder = (dir: string) => {
  const size = dirSize(dir);
  return `${fmtBytes(size.bytes)} in ${fmtInt(size.files)} files`;
};

/** Statuses autocannon counted, as "404: 1,234; 400: 567". */
function statuses(result: autocannon.Result): string {
  const stats = result.statusCodeStats ?? {};
  return Object.entries(stats)
    .sort(([, a], [, b]) => b.count - a.count)
    .map(([code, { count }]) => `${code}: ${fmtInt(count)}`)
    .join("; ");
}

async function hostileLoad(o: HostileOptions): Promise<string[][]> {
  const half = Math.max(1, Math.floor(o.connections / 2));
  let n = 0;
  const readers = { url: o.base, connections: half, headers: { "accept-encoding": "gzip" }, timeout: 10, requests: o.paths.map((p) => ({ method: "GET" as const, path: p })) };
  const strangers = {
    url: o.base,
    connections: o.connections - half,
    timeout: 10,
    requests: [{ method: "GET" as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: hostileUrl(n++) }) }],
  };
  console.log(`hostile load, warm-up: ${o.warmupSec} s…`);
  await Promise.all([autocannon({ ...readers, duration: o.warmupSec }), autocannon({ ...strangers, duration: o.warmupSec })]);
  const diskBefore = buildFolder(o.distDir);
  const memory: number[] = [rss(o.pid)];
  const sampler = setInterval(() => memory.push(rss(o.pid)), 1000);
  console.log(`hostile load: ${half} readers and ${o.connections - half} strangers for ${o.durationSec} s…`);
  const [real, hostile] = await Promise.all([autocannon({ ...readers, duration: o.durationSec }), autocannon({ ...strangers, duration: o.durationSec })]);
  clearInterval(sampler);
  const quarters = [0, 0.25, 0.5, 0.75, 1].map((q) => memory[Math.min(memory.length - 1, Math.round(q * (memory.length - 1)))]);
  return [
    ["connections", `${half} readers + ${o.connections - half} strangers, ${o.durationSec} s after ${o.warmupSec} s warm-up`],
    ["real pages: requests/s", fmtInt(real.requests.average)],
    ["real pages: latency p50 / p99 / max", `${real.latency.p50} / ${real.latency.p99} / ${real.latency.max} ms`],
    ["real pages: non-2xx, errors, timeouts", `${real.non2xx}, ${real.errors}, ${real.timeouts}`],
    ["strangers: requests/s", fmtInt(hostile.requests.average)],
    ["strangers: distinct URLs sent (warm-up included)", fmtInt(n)],
    ["strangers: answers by status", statuses(hostile)],
    ["strangers: latency p50 / p99", `${hostile.latency.p50} / ${hostile.latency.p99} ms`],
    ["server memory at 0 / 25 / 50 / 75 / 100 % of the run", quarters.map(fmtBytes).join(" / ")],
    ["build folder before / after the run", `${diskBefore} / ${buildFolder(o.distDir)}`],
  ];
}

/** A post of `body`, in finews's shape. */
const postText = (title: string, body: string) => `---\ntitle: "${title}"\ndate: 2024-01-01 08:00:00 +0800\ncategories: emnews\ntags: 东财滚动新闻\n---\n\n${body}`;

async function readersWhile(o: HostileOptions, drop?: () => void): Promise<autocannon.Result> {
  const run = autocannon({ url: o.base, connections: 20, duration: 10, timeout: 30, headers: { "accept-encoding": "gzip" }, requests: o.paths.map((p) => ({ method: "GET" as const, path: p })) });
  await sleep(2_000);
  drop?.();
  return run;
}

async function hostilePosts(o: HostileOptions): Promise<string[][]> {
  console.log("readers for 10 s, nothing dropped…");
  const quiet = await readersWhile(o);
  const ordinary = path.join(o.contentDir, "_posts", "2024-01-01-bench-ordinary.md");
  console.log("readers for 10 s, an ordinary post dropped after 2 s…");
  const normal = await readersWhile(o, () => writeFileSync(ordinary, postText("普通的帖子", "正文一段。\n\n<https://example.com/a>\n")));
  await sleep(2_000);
  const big = path.join(o.contentDir, "_posts", "2024-01-01-bench-20mb.md");
  const whitespace = path.join(o.contentDir, "_posts", "2024-01-01-bench-whitespace.md");
  console.log("readers for 10 s, a 20 MB post and a 3,000-line post dropped after 2 s…");
  const dropped = await readersWhile(o, () => {
    writeFileSync(big, postText("二十兆的帖子", "大".repeat(7 * 1024 * 1024)));
    writeFileSync(whitespace, postText("三千行空白", " \n".repeat(3000)));
  });
  await sleep(2_000);
  // The article's page URL, with the `/` every page URL ends in (without it the answer is a 308, whatever the post).
  const status = async (file: string) => (await get(`${o.base}/articles/${path.basename(file, ".md")}/`)).status;
  return [
    ["readers, nothing dropped: latency p99 / max", `${quiet.latency.p99} / ${quiet.latency.max} ms (${fmtInt(quiet.requests.average)} requests/s)`],
    ["readers, an ordinary post dropped: latency p99 / max", `${normal.latency.p99} / ${normal.latency.max} ms (${fmtInt(normal.requests.average)} requests/s)`],
    ["readers, both posts dropped: latency p99 / max", `${dropped.latency.p99} / ${dropped.latency.max} ms (${fmtInt(dropped.requests.average)} requests/s)`],
    ["readers: non-2xx, errors (dropped run)", `${dropped.non2xx}, ${dropped.errors}`],
    ["the 20 MB post, then (skipped: over MAX_POST_BYTES)", String(await status(big))],
    ["the 3,000-line post, then", String(await status(whitespace))],
  ];
}

export async function runHostile(o: HostileOptions): Promise<string> {
  const table = (rows: string[][]) => markdownTable(["", ""], rows);
  const load = table(await hostileLoad(o));
  const posts = table(await hostilePosts(o));
  return `## Hostile traffic\n\n${load}\n\n## Hostile posts\n\n${posts}\n`;
}

/**
 * Generates a deterministic finews-like corpus for benchmarks: the real
 * shapes of the sample posts (digests with the legacy trailer in its three
 * forms, rich publisher HTML, source-category HTML paragraphs, very long
 * bodies), about 2,000 categories with Zipf-like sizes and awkward slugs,
 * dates over nine months in both date forms, and a few broken files.
 *
 *   tsx bench/generate-corpus.ts <out dir> <count> [seed]
 *
 * Same count and seed → byte-identical files. `addPosts` adds newer posts
 * of the same kinds to a generated corpus (the export bench's "+10 posts").
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/** mulberry32: small, fast, deterministic. */
export function makeRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)],
  };
}
type Random = ReturnType<typeof makeRandom>;

const SYLLABLES = ["zhong", "guo", "jing", "ji", "cai", "xin", "wang", "hua", "shang", "hai", "zheng", "quan", "bao", "dong", "fang", "tou", "zi", "jin", "rong", "ri", "kuai", "xun", "tong", "she", "shi", "chang", "bei", "nan", "an", "xiang", "gang", "tian", "di", "yin", "hang", "guan", "cha"];
const MEDIA_CHARS = ["中国", "经济", "财经", "证券", "日报", "新闻", "金融", "时报", "东方", "上海", "北京", "深圳", "香港", "投资", "网", "观察", "资讯", "商业", "周刊", "快讯", "21世纪", "第一", "华夏", "南方"];
const PHRASES = [
  "据公司公告", "央行今日开展", "逆回购操作", "融资余额", "较上一交易日", "增加", "减少", "新能源汽车", "销量同比增长",
  "沪深两市", "成交额", "北向资金", "净买入", "上证指数", "收盘", "上涨", "下跌", "个股", "涨停", "板块", "资金流入",
  "半导体", "光伏", "锂电", "券商", "银行", "保险", "地产", "消费", "医药", "白酒", "机构", "研报", "目标价", "评级",
  "业绩", "营业收入", "净利润", "同比", "环比", "季度", "年度", "发布", "宣布", "表示", "记者了解到", "市场人士认为",
  "政策", "监管", "发展", "改革", "创新", "项目", "投资", "产能", "出口", "进口", "数据显示", "国家统计局", "发改委",
];
const PUNCT = ["，", "，", "，", "、", "。"];
const LATIN = ["HFO-1234yf", "ET7", "00388.HK", "CS.N", "A股", "GDP", "CPI", "PMI", "ETF", "IPO", "5G", "AI"];

function sentence(r: Random, minPhrases = 6, maxPhrases = 14): string {
  const n = r.int(minPhrases, maxPhrases);
  let s = "";
  for (let i = 0; i < n; i++) {
    s += r.next() < 0.08 ? r.pick(LATIN) : r.pick(PHRASES);
    if (i < n - 1 && r.next() < 0.3) s += r.pick(PUNCT.slice(0, 4));
  }
  return `${s}${r.int(1, 999)}${r.pick(["亿元", "%", "万股", "点"])}。`;
}

function paragraph(r: Random, sentences: number): string {
  return Array.from({ length: sentences }, () => sentence(r)).join("");
}

interface Category {
  slug: string;
  tag: string;
}

/** About 2,000 sources; a few slugs have spaces, parentheses or capitals, as real ones do. */
export function makeCategories(r: Random, count = 2000): Category[] {
  const seen = new Set<string>();
  const out: Category[] = [{ slug: "emnews", tag: "东财滚动新闻" }];
  seen.add("emnews");
  while (out.length < count) {
    let slug = Array.from({ length: r.int(2, 5) }, () => r.pick(SYLLABLES)).join("");
    const odd = r.next();
    if (odd < 0.02) slug = `${slug}(xianggang)`;
    else if (odd < 0.03) slug = `${slug} ${r.int(10, 99)}caijingAPP`;
    else if (odd < 0.04) slug = slug[0].toUpperCase() + slug.slice(1);
    if (seen.has(slug)) continue;
    seen.add(slug);
    const name = Array.from({ length: r.int(2, 3) }, () => r.pick(MEDIA_CHARS)).join("");
    out.push({ slug, tag: `${name}${out.length}新闻` });
  }
  return out;
}

/** Zipf-like pick: category i has weight 1/(i+1)^1.05. */
function zipfPicker(r: Random, categories: Category[]) {
  const cumulative: number[] = [];
  let total = 0;
  categories.forEach((_, i) => cumulative.push((total += 1 / Math.pow(i + 1, 1.05))));
  return () => {
    const x = r.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return categories[lo];
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const quote = (s: string) => JSON.stringify(s);

function trailer(r: Random, category: Category, id: string): string {
  const url = `<http://finance.eastmoney.com/news/1355,${id}.html>`;
  const back = `[返回${category.tag}](../${category.slug}/)`;
  const home = "[返回首页](../)";
  const shape = r.next();
  if (shape < 0.6) return `\n\n${url}\n\n${back}\n${home}`;
  if (shape < 0.8) return `\n\n${url}`;
  if (shape < 0.95) return `\n\n${url}\n\n[返回${category.tag}](//finews.withounder.com/category/${category.slug}.html)｜[返回首页](//finews.withounder.com/)`;
  return `\n\n<>\n\n${back}\n${home}`;
}

function richBody(r: Random, paragraphs: number): string {
  const parts = ['<p style="display:none;height:1px;overflow:hidden;"><br /></p><!-- EM_StockImg_Start -->'];
  parts.push(`<p style="text-align:center;"><a href="http://quote.eastmoney.com/unify/r/1.600160" data-code="600160|1|7" class="EmImageRemark" target="_blank"><img src="https://webquoteklinepic.eastmoney.com/GetPic.aspx?nid=1.600160&imageType=k" border="0" alt="K图 600160_0" width="578" height="276" /></a></p><!-- EM_StockImg_End -->`);
  for (let i = 0; i < paragraphs; i++) {
    const stock = `<span id="stock_1.6${pad(i, 5)}"><a href="http://quote.eastmoney.com/unify/r/1.6${pad(i, 5)}" class="keytip" data-code="1,6${pad(i, 5)}">${r.pick(PHRASES)}</a></span><span id="quote_1.6${pad(i, 5)}"></span>`;
    parts.push(`<p>${sentence(r)}${stock}${paragraph(r, r.int(1, 3))}</p>`);
    if (i % 6 === 5) parts.push(`<p><strong>${sentence(r, 3, 5)}</strong></p>`);
  }
  parts.push(`<p class="em_media">（文章来源：${r.pick(MEDIA_CHARS)}${r.pick(MEDIA_CHARS)}）</p>`);
  return parts.join("");
}

/** Broken files of the kinds the checker must name. */
function brokenPost(r: Random, kind: number, date: string): Uint8Array | string {
  switch (kind % 4) {
    case 0:
      return `---\nlayout: post\ntitle: "未闭合的引号\ndate: ${date}\ncategories: emnews\n---\n\n${sentence(r)}`;
    case 1:
      // `---\ntitle: 国标\n---\n正文` saved as GBK, the scrapers' usual encoding mistake.
      return new Uint8Array([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xb9, 0xfa, 0xb1, 0xea, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a, 0xd5, 0xfd, 0xce, 0xc4]);
    case 2:
      return `${sentence(r)}\n\n没有前言的文件。`;
    default:
      return `---\nlayout: post\ntitle: ""\ndate:  +0800\ncategories: emnews\n---\n\n${sentence(r)}`;
  }
}

/** One clean post: front matter and a body of one of the sample posts' shapes, drawn from `r`. */
function postText(r: Random, category: Category, id: string, date: string): string {
  const shape = r.next();
  let body: string;
  if (shape < 0.8) body = `\n${paragraph(r, r.int(1, 4))}${trailer(r, category, id)}`;
  else if (shape < 0.9) body = `> ${sentence(r)}\n\n${richBody(r, r.int(6, 14))}${trailer(r, category, id)}`;
  else if (shape < 0.99) body = Array.from({ length: r.int(4, 10) }, () => ` <p>${paragraph(r, r.int(2, 5))}</p>`).join("\n") + trailer(r, category, id);
  else body = `> ${sentence(r)}\n\n${richBody(r, r.int(60, 120))}${trailer(r, category, id)}`;
  const title = sentence(r, 3, 6).replace(/。$/, "");
  const front = ["---", "layout: post", `title: ${quote(title)}`, `date: ${date}`, `categories: ${category.slug}`, `tags: ${category.tag}`, "---"];
  return `${front.join("\n")}\n${body}`;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
  /** One broken file per this many posts (0 for none). */
  brokenEvery?: number;
}

const START = Date.UTC(2021, 8, 1);
const SPAN = 270 * 24 * 3600 * 1000;

/** Post `index`'s file name, id and `date:` value, for a post at `utcMs` (written as Beijing wall-clock time). */
function postStamp(r: Random, index: number, utcMs: number) {
  const wall = new Date(utcMs + 8 * 3600 * 1000);
  const ymd = `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const hms = `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}:${pad(wall.getUTCSeconds())}`;
  const id = `${ymd.replace(/-/g, "")}${pad(index, 10)}`;
  // Both date forms the real posts use, half each.
  const date = r.next() < 0.5 ? `${ymd} ${hms} +0800` : `${ymd} ${hms}`;
  return { name: `${ymd}-${id}.md`, id, date };
}

/** Writes `<outDir>/_posts/*.md`; returns the number of broken files among them. */
export function generateCorpus(outDir: string, { count, seed = 42, brokenEvery = 1000 }: GenerateOptions): { broken: number } {
  const r = makeRandom(seed);
  const categories = makeCategories(r);
  const pickCategory = zipfPicker(r, categories);
  const postsDir = path.join(outDir, "_posts");
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(postsDir, { recursive: true });
  let broken = 0;
  for (let i = 0; i < count; i++) {
    // Evenly spread over nine months, newest last.
    const { name, id, date } = postStamp(r, i, START + Math.floor((SPAN * i) / Math.max(1, count)));
    const file = path.join(postsDir, name);
    if (brokenEvery > 0 && i % brokenEvery === brokenEvery - 1) {
      writeFileSync(file, brokenPost(r, broken++, date));
      continue;
    }
    writeFileSync(file, postText(r, pickCategory(), id, date));
  }
  return { broken };
}

export interface AddPostsOptions {
  /** Index of the first new post: at least the number of posts the corpus was generated with. */
  firstIndex: number;
  count: number;
  /** The corpus's seed: the new posts use its sources (categories). */
  seed?: number;
  brokenEvery?: number;
}

/**
 * Adds `count` clean posts to a generated corpus, newer than every post in
 * it, as the generator writes them (same shapes, same sources), as new posts
 * arriving in the folder would. Deterministic for the same options. Indices
 * that the file-name rule (corpus.ts) reads as broken are skipped, so every
 * added post is a valid one. Returns the new file names and the next free index.
 */
export function addPosts(outDir: string, { firstIndex, count, seed = 42, brokenEvery = 1000 }: AddPostsOptions): { files: string[]; nextIndex: number } {
  const categories = makeCategories(makeRandom(seed)); // generateCorpus draws the same list first
  const r = makeRandom((seed ^ 0x5eed) + firstIndex);
  const pickCategory = zipfPicker(r, categories);
  const postsDir = path.join(outDir, "_posts");
  mkdirSync(postsDir, { recursive: true });
  const files: string[] = [];
  let i = firstIndex;
  while (files.length < count) {
    if (brokenEvery > 0 && i % brokenEvery === brokenEvery - 1) {
      i++;
      continue;
    }
    // A minute apart, after the whole span generateCorpus fills: the newest posts of the folder.
    const { name, id, date } = postStamp(r, i, START + SPAN + (i + 1) * 60_000);
    writeFileSync(path.join(postsDir, name), postText(r, pickCategory(), id, date));
    files.push(name);
    i++;
  }
  return { files, nextIndex: i };
}

if (require.main === module) {
  const [outDir, count, seed] = process.argv.slice(2);
  if (!outDir || !count) {
    console.error("usage: tsx bench/generate-corpus.ts <out dir> <count> [seed]");
    process.exit(2);
  }
  const t = performance.now();
  const { broken } = generateCorpus(outDir, { count: Number(count), seed: seed ? Number(seed) : undefined });
  console.log(`${count} posts (${broken} broken) in ${outDir} in ${Math.round(performance.now() - t)} ms`);
}

/**
 * What the search benchmark asks, and what the right answers are.
 *
 * Queries come from generate-corpus.ts's phrase lists, so each is known to
 * occur (or, for two, known not to): whole phrases, words inside phrases
 * that a word segmenter may cut differently (能源 inside 新能源汽车, 余额
 * inside 融资余额), Latin and mixed tokens, and the same token in another
 * case. The right answer for a query is every record whose title, summary or
 * body contains it as a substring (NFKC, case-insensitive): what a reader
 * expects from a search box, whatever the engine's idea of a word is.
 */
import type { SearchRecord } from "../lib/search/types";

export type QueryKind = "han" | "mixed" | "latin";

export interface BenchQuery {
  q: string;
  kind: QueryKind;
  /** Why it is in the list, for the report. */
  note?: string;
}

const han = (q: string, note?: string): BenchQuery => ({ q, kind: "han", note });
const mixed = (q: string, note?: string): BenchQuery => ({ q, kind: "mixed", note });
const latin = (q: string, note?: string): BenchQuery => ({ q, kind: "latin", note });

/** In reading order: the first two are the "first query" and the "second query" of the byte figures. */
export const QUERIES: BenchQuery[] = [
  han("新能源汽车"),
  han("央行"),
  han("融资余额"),
  han("逆回购"),
  han("北向资金"),
  han("净买入"),
  han("上证指数"),
  han("半导体"),
  han("光伏"),
  han("锂电"),
  han("白酒"),
  han("券商"),
  han("目标价"),
  han("营业收入"),
  han("净利润"),
  han("国家统计局"),
  han("发改委"),
  han("成交额"),
  han("资金流入"),
  han("同比增长", "inside 销量同比增长"),
  han("数据显示"),
  han("市场人士", "inside 市场人士认为"),
  han("能源", "inside 新能源汽车: a segmenter may cut 新能|源"),
  han("余额", "inside 融资余额"),
  han("回购", "inside 逆回购"),
  han("统计局", "inside 国家统计局"),
  han("交易日", "inside 较上一交易日"),
  han("公司公告", "inside 据公司公告"),
  han("茅台", "not in the corpus: every hit is a false one"),
  han("央行 逆回购", "two words: both must occur"),
  mixed("HFO-1234yf"),
  mixed("ET7"),
  mixed("00388.HK"),
  mixed("CS.N"),
  mixed("A股"),
  mixed("5G"),
  mixed("hfo-1234YF", "another case"),
  mixed("1234yf", "the tail of HFO-1234yf"),
  mixed("00388", "the code without its market"),
  latin("GDP"),
  latin("CPI"),
  latin("PMI"),
  latin("ETF"),
  latin("IPO"),
  latin("etf", "lower case"),
  latin("Tesla", "not in the corpus"),
];

/** Prefix sequences typed one character at a time: the latency of search-as-you-type. */
export const TYPED: string[][] = [
  ["新", "新能", "新能源", "新能源汽车"],
  ["融", "融资", "融资余", "融资余额"],
  ["国", "国家", "国家统", "国家统计", "国家统计局"],
  ["H", "HF", "HFO", "HFO-", "HFO-1", "HFO-1234yf"],
];

export const normalize = (text: string) => text.normalize("NFKC").toLowerCase();

/** The text a record is searched in, normalized once: title, summary and body. */
export function searchableText(record: SearchRecord): string {
  return normalize(`${record.title}\n${record.summary}\n${record.body}`);
}

export interface Truth {
  /** Records that contain every space-separated term of the query as a substring. */
  substring: Set<string>;
  /**
   * Those where a term also starts a Latin word: not right after a Latin
   * letter or digit. The generator glues Latin tokens (`PMIGDP`,
   * `IPOHFO-1234yf`); a word index finds `GDP` at the start of a word, not
   * inside `PMIGDP`. This set tells such misses from real ones.
   */
  wordStart: Set<string>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function groundTruth(texts: { id: string; text: string }[], q: string): Truth {
  const terms = normalize(q).split(/\s+/).filter(Boolean);
  const starts = terms.map((t) => new RegExp(`(?<![a-z0-9])${escape(t)}`));
  const substring = new Set<string>();
  const wordStart = new Set<string>();
  for (const { id, text } of texts) {
    if (!terms.every((t) => text.includes(t))) continue;
    substring.add(id);
    if (starts.every((re) => re.test(text))) wordStart.add(id);
  }
  return { substring, wordStart };
}

export interface QueryAccuracy {
  q: string;
  kind: QueryKind;
  expected: number;
  returned: number;
  /** Returned and expected. */
  found: number;
  /** found / expected (1 when nothing was expected). */
  recall: number;
  /** found / returned (1 when nothing was returned). */
  precision: number;
  /** The same for the word-start answer (see `Truth`). */
  expectedAtWordStart: number;
  foundAtWordStart: number;
  /** A few expected ids the engine did not return, and returned ids it should not have: to look into. */
  missed: string[];
  extra: string[];
}

export function accuracy(query: BenchQuery, truth: Truth, returned: string[]): QueryAccuracy {
  const expected = truth.substring;
  const got = new Set(returned);
  let foundAtWordStart = 0;
  for (const id of truth.wordStart) if (got.has(id)) foundAtWordStart++;
  let found = 0;
  const extra: string[] = [];
  for (const id of got) {
    if (expected.has(id)) found++;
    else if (extra.length < 3) extra.push(id);
  }
  const missed: string[] = [];
  for (const id of expected) {
    if (missed.length >= 3) break;
    if (!got.has(id)) missed.push(id);
  }
  return {
    q: query.q,
    kind: query.kind,
    expected: expected.size,
    returned: got.size,
    found,
    recall: expected.size === 0 ? 1 : found / expected.size,
    precision: got.size === 0 ? 1 : found / got.size,
    expectedAtWordStart: truth.wordStart.size,
    foundAtWordStart,
    missed,
    extra,
  };
}

/** Recall over a group of queries, pooled (every expected hit counts once), so a frequent word weighs more. */
export function pooledRecall(rows: QueryAccuracy[]): { recall: number; wordStartRecall: number; precision: number; queries: number; perfect: number } {
  const sum = (f: (r: QueryAccuracy) => number) => rows.reduce((s, r) => s + f(r), 0);
  const expected = sum((r) => r.expected);
  const returned = sum((r) => r.returned);
  const found = sum((r) => r.found);
  const atWordStart = sum((r) => r.expectedAtWordStart);
  return {
    recall: expected === 0 ? 1 : found / expected,
    wordStartRecall: atWordStart === 0 ? 1 : sum((r) => r.foundAtWordStart) / atWordStart,
    precision: returned === 0 ? 1 : found / returned,
    queries: rows.length,
    perfect: rows.filter((r) => r.recall === 1 && r.precision === 1).length,
  };
}

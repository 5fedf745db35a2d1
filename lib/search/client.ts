/**
 * The reader's search, in the browser, over the static index files
 * (`layout.ts`) plus the few articles published since the index was built.
 *
 * A query, step by step:
 *  1. parse it into lookup terms and the words to check (`query.ts`);
 *  2. fetch the manifest, then the doc table and the shards of its terms
 *     together (once each), while the server is asked for fresh articles;
 *  3. intersect the postings inside the date range and source, and score each
 *     candidate (BM25; `candidates.ts`);
 *  4. walk the candidates in order, fetching each one's fragment (named by
 *     doc number, so straight from the postings), until a page of them is
 *     checked: the words really occur (contiguous Han phrases, adjacent Latin
 *     pieces), the article was not deleted since, its exact instant is inside
 *     the range. A failed check starts the next download at once (`walk.ts`).
 *     Fresh articles, matched by brute force, are merged into the same order;
 *  5. present the page: snippet and highlights (`snippet.ts`).
 * Candidates after the page are not checked, so `total` is then an estimate.
 *
 * Browser-safe: no Node imports here or in what it imports.
 */
import { indexedCandidates } from "./candidates";
import { decodeDocTable } from "./doc-table";
import { FileCache, type Fetch } from "./file-cache";
import { DOCS_FILE, FORMAT_VERSION, MANIFEST_PATH, fragmentFile, inBuild, shardFile, toFragment, type Fragment, type Manifest } from "./layout";
import { matchesAll, parseQuery, type Clause, type ParsedQuery } from "./query";
import { bm25, idf, termWeights } from "./scoring";
import { Shard, shardSpan, type Postings } from "./shard";
import { presentHit } from "./snippet";
import { normalize } from "./tokenize";
import type { FreshArticles, SearchQuery, SearchRecord, SearchResponse, SearchSort } from "./types";
import { walkInOrder, type Step } from "./walk";

export interface SearchClientOptions {
  /** URL folder of the index files (`/search`). */
  base: string;
  /** How a file is fetched (default: the global fetch); a server reads its own disk (`server.ts`). */
  fetch?: Fetch;
  extra?: () => Promise<FreshArticles>;
  /** How long one answer of `extra` is reused (default 60 s): typing a query runs a search per key. */
  extraMaxAgeMs?: number;
  /**
   * Keep every fragment (article text) fetched (default true: a page's readers see few).
   * A server answering strangers' queries for months sets it false: fragments are then
   * read per query, and only the manifest, doc table and shards stay in memory.
   */
  keepFragments?: boolean;
}

export interface SearchClient {
  search(query: SearchQuery): Promise<SearchResponse>;
  /** Every source in the index, `[key, name]`, for a source filter: from the manifest a search loads anyway. */
  sources(): Promise<Array<[key: string, name: string]>>;
}

const DEFAULT_LIMIT = 10;
const MAX_LIMIT = 100;
/** A prefix spanning more shards than this (a huge group like `20…`) is looked up in the first ones only. */
const MAX_PREFIX_SHARDS = 4;
/** An optional clause (a word's typed tail, checked on the text anyway) is looked up only when this few shards hold it. */
const MAX_OPTIONAL_SHARDS = 1;
/** Fragment downloads in flight at most, and failed checks a query may cost beyond its page. */
const MAX_IN_FLIGHT = 40;
const MAX_FAILED_CHECKS = 60;
/** Clause lookups remembered (a reader typing repeats them); the oldest is forgotten first, so a server's memory stays bounded. */
const MAX_REMEMBERED_LOOKUPS = 256;
const NOTHING: SearchResponse = { total: 0, exact: true, hits: [] };

/** A clause's docs (ascending) and weights, and whether a prefix was cut short. */
interface ClauseHits extends Postings {
  truncated: boolean;
}

/** A fresh article, prepared once per answer of `extra`. */
interface Fresh {
  fragment: Fragment;
  normalized: string[];
  weights: Map<string, number>;
  length: number;
}

interface FreshSet {
  fresh: Fresh[];
  /** Ids whose indexed copy must not be shown: deleted, or replaced by a fresh copy. */
  hidden: Set<string>;
}

/** One ranked result before it is checked: an indexed doc number, or a fresh article. */
type Entry = { score: number; at: number } & ({ doc: number } | { fresh: Fresh });
type FreshEntry = Extract<Entry, { fresh: Fresh }>;

export function createSearchClient(options: SearchClientOptions): SearchClient {
  const fetchFile: Fetch = options.fetch ?? ((url) => globalThis.fetch(url));
  const keepFragments = options.keepFragments ?? true;
  const files = new FileCache(options.base, fetchFile, (path) => keepFragments || !FRAGMENT_FILE.test(path));
  const extraMaxAge = options.extraMaxAgeMs ?? 60_000;
  let manifestLoad: Promise<Manifest> | undefined;
  let freshLoad: { at: number; value: Promise<FreshSet> } | undefined;
  const normalizedFields = new WeakMap<Fragment, string[]>();

  function manifest(): Promise<Manifest> {
    manifestLoad ??= files.json<Manifest>(MANIFEST_PATH).then((m) => {
      if (m.version !== FORMAT_VERSION) throw new Error(`search index: format ${m.version}, expected ${FORMAT_VERSION}`);
      return m;
    });
    manifestLoad.catch(() => (manifestLoad = undefined));
    return manifestLoad;
  }

  const docTable = (m: Manifest) => files.bytes(inBuild(m.buildId, DOCS_FILE), decodeDocTable);
  const shard = (m: Manifest, n: number) => files.bytes(inBuild(m.buildId, shardFile(n)), (bytes) => new Shard(bytes));

  // A reader typing `t`, `te`, `tes` repeats clauses: each is looked up (and a prefix's union built) once.
  const looked = new Map<string, Promise<ClauseHits>>();
  function lookup(m: Manifest, clause: Clause): Promise<ClauseHits> {
    const key = `${m.buildId}${clause.prefix ? "*" : "="}${clause.term}`;
    let hits = looked.get(key);
    if (!hits) {
      if (looked.size >= MAX_REMEMBERED_LOOKUPS) looked.delete(looked.keys().next().value!);
      looked.set(key, (hits = lookupUncached(m, clause)));
      hits.catch(() => looked.delete(key));
    }
    return hits;
  }

  async function lookupUncached(m: Manifest, clause: Clause): Promise<ClauseHits> {
    const [first, span] = shardSpan(m.shardFirst, clause.term, clause.prefix);
    if (span === 0) return { ...EMPTY_POSTINGS, truncated: false };
    if (!clause.prefix) {
      const postings = (await shard(m, first)).postings(clause.term) ?? EMPTY_POSTINGS;
      return { ...postings, truncated: false };
    }
    const count = Math.min(span, MAX_PREFIX_SHARDS);
    const shards = await Promise.all(Array.from({ length: count }, (_, i) => shard(m, first + i)));
    const lists: Postings[] = [];
    for (const s of shards) for (const term of s.terms()) if (term.startsWith(clause.term)) lists.push(s.postings(term)!);
    return { ...union(lists, m.docCount), truncated: span > count };
  }

  /**
   * The clauses worth looking up: an optional one spanning many shards (`1…` of
   * `hfo-1`) costs requests and narrows little, and the check on the text covers
   * it; it is kept when nothing else would be looked up.
   */
  function toLookUp(m: Manifest, clauses: Clause[]): Clause[] {
    const kept = clauses.filter((c) => !c.optional || shardSpan(m.shardFirst, c.term, c.prefix)[1] <= MAX_OPTIONAL_SHARDS);
    return kept.length > 0 ? kept : clauses;
  }

  function freshArticles(): Promise<FreshSet> {
    const extra = options.extra;
    if (!extra) return Promise.resolve(NO_FRESH);
    const now = Date.now();
    if (freshLoad && now - freshLoad.at < extraMaxAge) return freshLoad.value;
    // Without the server's answer the index alone still answers: better than no search.
    const value = extra().then(prepareFresh, () => {
      freshLoad = undefined;
      return NO_FRESH;
    });
    freshLoad = { at: now, value };
    return value;
  }

  function fieldsOf(fragment: Fragment): string[] {
    let fields = normalizedFields.get(fragment);
    if (!fields) normalizedFields.set(fragment, (fields = [fragment.title, fragment.summary, fragment.body].map(normalize)));
    return fields;
  }

  // Named by doc number: no ids file to read first (format 1 fetched one per hit, in series).
  const fragmentOf = (m: Manifest, doc: number) => files.json<Fragment>(inBuild(m.buildId, fragmentFile(doc)));

  async function search(query: SearchQuery): Promise<SearchResponse> {
    const limit = clampInt(query.limit, DEFAULT_LIMIT, 0, MAX_LIMIT);
    const offset = clampInt(query.offset, 0, 0, Number.MAX_SAFE_INTEGER);
    const parsed = parseQuery(query.q);
    // Only punctuation, or a single Han character: nothing the index can look up.
    if (parsed.clauses.length === 0) return NOTHING;

    // The server's fresh articles do not depend on the manifest: ask for them during its round trip.
    const freshPending = freshArticles();
    const m = await manifest();
    const asked = toLookUp(m, parsed.clauses);
    const [docs, clauses, freshSet] = await Promise.all([docTable(m), Promise.all(asked.map((c) => lookup(m, c))), freshPending]);
    const candidates = indexedCandidates(m, docs, clauses, query);
    const fresh = rankFresh(m, freshSet, asked, clauses, parsed, query);

    // Walk both lists in one order until offset + limit entries pass their check.
    const before = (a: Entry, b: Entry) => compareEntries(a, b, query.sort ?? "relevance") < 0;
    let nextIndexed = 0;
    let nextFresh = 0;
    /** Indexed entries among the first k handed out: `indexedBefore[k]`. */
    const indexedBefore = [0];
    const nextStep = (): Promise<Step<Fragment>> | undefined => {
      const a = nextIndexed < candidates.length ? candidates.at(nextIndexed) : undefined;
      const b = fresh[nextFresh];
      if (!a && !b) return undefined;
      if (b && (!a || before(b, a))) {
        nextFresh++;
        indexedBefore.push(nextIndexed);
        return Promise.resolve({ item: b.fresh.fragment, pass: true, checked: false });
      }
      nextIndexed++;
      indexedBefore.push(nextIndexed);
      return fragmentOf(m, a!.doc).then((f) => ({ item: f, pass: isIndexedMatch(f, parsed, query, freshSet.hidden, fieldsOf), checked: true }));
    };
    const walk = await walkInOrder(nextStep, offset + limit, { maxInFlight: MAX_IN_FLIGHT, maxFailed: MAX_FAILED_CHECKS });
    const { checked, passed, gaveUp } = walk;

    // Candidates handed out past the consumed prefix were fetched ahead, not checked.
    const unchecked = candidates.length - indexedBefore[walk.consumed];
    const truncated = clauses.some((c) => c.truncated);
    // Unchecked candidates all match when postings alone prove it (one term, no phrase) and nothing was deleted.
    const exact = !truncated && !gaveUp && (unchecked === 0 || (!parsed.needsCheck && freshSet.hidden.size === 0));
    const passRate = exact || checked === 0 ? 1 : passed / checked;
    return {
      total: fresh.length + passed + Math.round(unchecked * passRate),
      exact,
      hits: walk.accepted.slice(offset).map((fragment) => presentHit(parsed, fragment)),
    };
  }

  return { search, sources: async () => (await manifest()).sources };
}

/**
 * Fresh articles that match, scored like indexed ones (same weights, the index's
 * document frequencies, over the clauses looked up: `clauses[i]` is `asked[i]`'s).
 */
function rankFresh(m: Manifest, set: FreshSet, asked: Clause[], clauses: ClauseHits[], parsed: ParsedQuery, query: SearchQuery): FreshEntry[] {
  const entries: FreshEntry[] = [];
  for (const fresh of set.fresh) {
    const f = fresh.fragment;
    if (query.source !== undefined && f.sourceKey !== query.source) continue;
    if (!inRange(f.publishedAt, query) || !matchesAll(parsed, fresh.normalized)) continue;
    let score = 0;
    asked.forEach((clause, i) => {
      let weight = fresh.weights.get(clause.term) ?? 0;
      if (clause.prefix) {
        weight = 0;
        for (const [term, w] of fresh.weights) if (term.startsWith(clause.term)) weight += w;
      }
      score += bm25(weight, idf(clauses[i].docs.length + 1, m.docCount + 1), fresh.length, m.avgLength);
    });
    entries.push({ fresh, score, at: f.publishedAt });
  }
  return entries.sort((a, b) => compareEntries(a, b, query.sort ?? "relevance"));
}

/** Relevance: score, then newest. Newest: instant, then doc number (same second). A fresh article goes first on a tie. */
function compareEntries(a: Entry, b: Entry, sort: SearchSort): number {
  if (sort === "relevance" && a.score !== b.score) return b.score - a.score;
  if (a.at !== b.at) return b.at - a.at;
  const ad = "doc" in a ? a.doc : -1;
  const bd = "doc" in b ? b.doc : -1;
  return ad - bd;
}

/** The check on an indexed candidate's own text: still published, exactly inside the filters, every word really there. */
function isIndexedMatch(f: Fragment, parsed: ParsedQuery, query: SearchQuery, hidden: Set<string>, fieldsOf: (f: Fragment) => string[]): boolean {
  if (hidden.has(f.id)) return false;
  if (query.source !== undefined && f.sourceKey !== query.source) return false;
  return inRange(f.publishedAt, query) && matchesAll(parsed, fieldsOf(f));
}

function inRange(at: number, query: SearchQuery): boolean {
  return (query.from === undefined || at >= query.from) && (query.to === undefined || at < query.to);
}

/** A fragment's path inside a build folder (`layout.ts`'s `fragmentFile`). */
const FRAGMENT_FILE = /(?:^|\/)f\/\d+\.json$/;

const EMPTY_POSTINGS: Postings = { docs: new Uint32Array(0), weights: new Uint32Array(0) };
const NO_FRESH: FreshSet = { fresh: [], hidden: new Set() };

/** Several terms' postings as one (a prefix's completions): weights of one doc add up. */
function union(lists: Postings[], docCount: number): Postings {
  if (lists.length === 0) return EMPTY_POSTINGS;
  if (lists.length === 1) return lists[0];
  // One slot per doc: linear in the index size, and no sorting.
  const sum = new Uint32Array(docCount);
  for (const list of lists) list.docs.forEach((doc, k) => (sum[doc] += list.weights[k]));
  const docs: number[] = [];
  sum.forEach((weight, doc) => weight > 0 && docs.push(doc));
  return { docs: Uint32Array.from(docs), weights: Uint32Array.from(docs, (doc) => sum[doc]) };
}

function prepareFresh(answer: FreshArticles): FreshSet {
  const removed = new Set(answer.removedIds);
  const fresh = answer.records
    .filter((r) => !removed.has(r.id))
    .map((record): Fresh => {
      const fragment = toFragment(record);
      return { fragment, normalized: [fragment.title, fragment.summary, fragment.body].map(normalize), ...termWeights(fragment) };
    });
  return { fresh, hidden: new Set([...removed, ...fresh.map((f) => f.fragment.id)]) };
}

function clampInt(value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.min(max, Math.max(min, Math.floor(value)));
}

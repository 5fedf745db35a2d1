/**
 * The shapes that flow out of the content engine. Everything downstream of
 * `parsePost` sees these types, never raw front matter.
 */
import type { BodyImage } from "./body-image";

/** A post file as found on disk, before it is decoded or parsed. */
export interface SourceFile {
  /** Absolute path, used to read the file and in messages. */
  path: string;
  /** Path relative to the content folder (`_posts/2021-12-08-x.md`), shown to editors. */
  relativePath: string;
  bytes: Uint8Array;
  /** Modification time in ms since the epoch (the date of a draft without one). */
  mtimeMs: number;
}

export type Severity = "error" | "warning";

/**
 * What one post may cost: a file larger than `maxPostBytes` is not read; a
 * body nested deeper than `maxPostDepth` is shown as plain text. From
 * MAX_POST_BYTES and MAX_POST_DEPTH (`contentLimits()`), or given by tests.
 */
export interface ContentLimits {
  maxPostBytes: number;
  maxPostDepth: number;
}

/**
 * Something wrong with one post. An `error` means the post was skipped;
 * a `warning` means it was published with a repair (the reason says which).
 */
export interface ContentProblem {
  file: string;
  line?: number;
  severity: Severity;
  reason: string;
}

export interface CategoryRef {
  /** The slug exactly as the posts spell it (`anxinguojizhengquan(xianggang)`). */
  slug: string;
  /** The URL segment for that slug: stable, URL-safe, unique per slug. */
  key: string;
  /** Human name, from the posts' tags (`中国发展网新闻`). */
  name: string;
}

export interface ArticleSource {
  /** Media name: the `（文章来源：X）` credit, else the tag without its 新闻 suffix. */
  name: string;
  /** The original article (the legacy `<url>` line), when the post had one. */
  url?: string;
}

/**
 * Why a post is not public yet: a file in `_drafts/`, `published: false` in
 * its front matter, or a date still to come. Such posts exist only in
 * `npm run dev` (with a banner); production builds and servers leave them out.
 */
export type HiddenKind = "draft" | "unpublished" | "scheduled";

/**
 * An article as the index holds it: everything but the body, which
 * `renderPostBody` / `getArticleBody` render when a page needs it.
 */
export interface Article {
  /** Stable id from the file name (`2021-12-08-202112082206735975`); the URL uses it. */
  id: string;
  title: string;
  /** Published instant, ms since the epoch. Format it with `lib/time`. */
  publishedAt: number;
  category: CategoryRef;
  tags: string[];
  /** Plain text (never HTML): the `> ` lede, else the first sentences of the body. */
  summary: string;
  /** The post's own `> ` summary line, which left the body; shown as the standfirst. */
  lede?: string;
  source: ArticleSource;
  /** The body's first picture worth a link preview (lib/content/body-image.ts). */
  image?: BodyImage;
  /** Where it came from, for messages. */
  file: string;
  /**
   * Its URL on the old Jekyll site, percent-encoded as Jekyll wrote it
   * (`/21shijijingjibaodao/21caijingapp/2023/01/06/x.html`), for redirects
   * from old links; absent when Jekyll gave it none (lib/content/jekyll-permalink.ts).
   */
  jekyllUrl?: string;
  /** Set when the article is not public (only ever seen in `npm run dev`). */
  hidden?: HiddenKind;
}

/** A parsed post before the index has resolved its category's display name. */
export interface ParsedPost extends Omit<Article, "category" | "hidden"> {
  categorySlug: string;
  /** A file in `_drafts/`. */
  draft?: true;
  /** `published: false` in the front matter. */
  unpublished?: true;
}

/** What `parsePost` makes of one file: a post (maybe with warnings) or the reasons it was skipped. */
export type ParseResult =
  | { ok: true; post: ParsedPost; problems: ContentProblem[] }
  | { ok: false; problems: ContentProblem[] };

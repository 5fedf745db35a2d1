/**
 * The sanitize schema for publisher HTML: the structure of an article
 * (paragraphs, emphasis, lists, tables, quotes, links, images) and nothing
 * that can run code, load a frame, submit a form or restyle the page.
 * Everything not listed is unwrapped (its text stays); the `strip` list is
 * removed with its content, because that content is code or markup, never
 * reader text.
 */
import type { Options } from "rehype-sanitize";

const cellAttributes = ["colSpan", "rowSpan", "align", "scope"];

export const newsSchema: Options = {
  tagNames: [
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    "strong", "b", "em", "i", "u", "s", "del", "ins", "sub", "sup", "mark", "small", "abbr",
    "blockquote", "q", "cite", "code", "pre", "kbd",
    "ul", "ol", "li", "dl", "dt", "dd",
    "a", "img", "figure", "figcaption",
    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
  ],
  attributes: {
    a: ["href", "title"],
    img: ["src", "alt", "title", "width", "height"],
    ol: ["start", "reversed"],
    th: cellAttributes,
    td: cellAttributes,
    abbr: ["title"],
    "*": [],
  },
  protocols: {
    href: ["http", "https", "mailto", "tel"],
    src: ["http", "https"],
  },
  ancestors: {
    tbody: ["table"], thead: ["table"], tfoot: ["table"], tr: ["table"], td: ["table"], th: ["table"], caption: ["table"],
    li: ["ul", "ol"], dt: ["dl"], dd: ["dl"],
  },
  strip: [
    "script", "style", "template", "noscript", "textarea", "title", "xmp", "plaintext",
    "iframe", "frame", "frameset", "object", "embed", "applet", "noembed", "noframes",
    "head", "meta", "link", "base", "svg", "math", "select", "option", "canvas", "audio", "video",
  ],
  clobber: [],
  allowComments: false,
  allowDoctypes: false,
};

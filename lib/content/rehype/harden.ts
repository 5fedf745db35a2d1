/**
 * rehype plugin, after sanitizing: external links get
 * `rel="noopener noreferrer nofollow"`; images load lazily, decode off the
 * main thread and send no referrer (the source CDNs refuse foreign
 * referrers). Protocol-relative URLs become https.
 */
import type { Root } from "hast";
import { visit } from "unist-util-visit";

const ABSOLUTE = /^(?:https?:)?\/\//i;

function httpsIfProtocolRelative(url: string): string {
  return url.startsWith("//") ? `https:${url}` : url;
}

export default function rehypeHarden() {
  return (tree: Root) => {
    visit(tree, "element", (node) => {
      const props = node.properties;
      if (node.tagName === "a" && typeof props.href === "string") {
        props.href = httpsIfProtocolRelative(props.href);
        if (ABSOLUTE.test(props.href)) props.rel = ["noopener", "noreferrer", "nofollow"];
      }
      if (node.tagName === "img") {
        if (typeof props.src === "string") props.src = httpsIfProtocolRelative(props.src);
        props.loading = "lazy";
        props.decoding = "async";
        props.referrerPolicy = "no-referrer";
      }
    });
  };
}

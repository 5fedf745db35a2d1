import { describe, expect, it } from "vitest";
import { resolveHead } from "@/lib/pages/metadata";
import { sourcesMetadata, searchMetadata } from "@/lib/pages/site-pages";
import { previewMetadata } from "@/lib/site/open-graph";

describe("lib/pages/metadata resolveHead", () => {
  it("makes a large Twitter card with the Open Graph image, as Next.js does", () => {
    const image = { url: "https://img.example/a.jpg", alt: "图", width: 800, height: 420 };
    const head = resolveHead({ title: "t", ...previewMetadata({ title: "t", description: "d", url: "/x/", image }) });
    expect(head.openGraph?.images).toEqual([image]);
    expect(head.twitter).toEqual({ card: "summary_large_image", title: "t", description: "d", images: [image] });
  });

  it("gives /sources and /search Open Graph tags and the site's card", () => {
    for (const metadata of [sourcesMetadata(), searchMetadata()]) {
      const head = resolveHead(metadata);
      expect(head.openGraph).toMatchObject({ type: "website", title: metadata.title, url: expect.stringMatching(/^https?:\/\/.+\/$/) });
      expect(head.openGraph?.images?.[0]).toMatchObject({ url: expect.stringMatching(/\/share-card\.png$/), width: 1200, height: 630 });
      expect(head.twitter?.card).toBe("summary_large_image");
    }
  });
});

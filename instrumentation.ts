/**
 * Runs once when a Next.js server starts. Under `next start`, watch the
 * content folder so new and changed posts go live without a rebuild.
 * (`next dev` re-reads content on its own; a build has nothing to watch.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV !== "production" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.CONTENT_WATCH === "0") return;
  const { watchContent } = await import("./lib/content/watch");
  const { contentDir } = await import("./lib/site/config");
  const { watcherToken } = await import("./lib/site/revalidate-token");
  const { getContent } = await import("./lib/content/store");
  // Read the index now, not in the first reader's request (seconds at 100,000 posts without a warm cache).
  const started = performance.now();
  const content = getContent();
  console.log(`content: ${content.published} posts from ${contentDir()} (${content.parsed} parsed) in ${Math.round(performance.now() - started)} ms`);
  const port = process.env.PORT || "3000";
  watchContent({
    contentDir: contentDir(),
    onChange: async (files) => {
      const response = await fetch(`http://127.0.0.1:${port}/api/revalidate`, {
        method: "POST",
        headers: { authorization: `Bearer ${watcherToken()}`, "content-type": "application/json" },
        body: JSON.stringify({ files }),
      });
      const result = (await response.json()) as { summary?: string; ms?: number; error?: string };
      console.log(`content changed (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""}): ${result.summary ?? result.error} in ${result.ms ?? "?"} ms`);
    },
  });
}

/**
 * Runs once when a Next.js server starts. Under `npm start`: read the index
 * now, watch the content folder so new and changed posts go live without a
 * rebuild, and wake up when a scheduled post's time comes.
 * (`npm run dev` re-scans the folder on page loads; a build has nothing to watch.)
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NODE_ENV !== "production" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { watchContent } = await import("./lib/content/watch");
  const { scheduleAt } = await import("./lib/content/schedule");
  const { contentDir } = await import("./lib/site/config");
  const { watcherToken } = await import("./lib/site/revalidate-token");
  const { getContent } = await import("./lib/content/store");
  const { formatShanghai } = await import("./lib/time");
  // Read the index now, not in the first reader's request (seconds at 100,000 posts without a warm cache).
  const started = performance.now();
  const content = getContent();
  console.log(`content: ${content.published} posts from ${contentDir()} (${content.parsed} parsed) in ${Math.round(performance.now() - started)} ms`);
  const port = process.env.PORT || "3000";

  /** The same hook operators call: re-scan the folder, then revalidate the pages. */
  const revalidate = async (files: string[], why: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/api/revalidate`, {
      method: "POST",
      headers: { authorization: `Bearer ${watcherToken()}`, "content-type": "application/json" },
      body: JSON.stringify({ files }),
    });
    const result = (await response.json()) as { summary?: string; ms?: number; error?: string };
    console.log(`${why}: ${result.summary ?? result.error} in ${result.ms ?? "?"} ms`);
  };

  // One timer, for the earliest scheduled post; re-planned after every change of the index.
  let cancelScheduled = () => {};
  const planScheduled = () => {
    cancelScheduled();
    const next = getContent().index.nextScheduled;
    if (next) console.log(`content: next scheduled post goes live at ${formatShanghai(next.at)} (Beijing time)`);
    cancelScheduled = scheduleAt(next?.at, () => {
      // Named, so that their own URLs drop a 404 cached before they went live.
      void revalidate(next?.files ?? [], `scheduled post due (${next?.files.join(", ")})`).finally(planScheduled);
    });
  };
  planScheduled();

  if (process.env.CONTENT_WATCH === "0") return;
  watchContent({
    contentDir: contentDir(),
    onChange: async (files) => {
      await revalidate(files, `content changed (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""})`);
      planScheduled();
    },
  });
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { countNewer, LATEST_PATH, type LatestEntry } from "@/lib/site/latest";

const POLL_MS = 60_000;

/**
 * Not in components/: it reads the network. "N 条新消息": polls the small /latest.json at most once a minute, never
 * while the tab is hidden (it catches up when it comes back), and on click
 * re-renders the page in place (no full reload; the old site reloaded every
 * page every 60 s).
 */
export function FreshnessNotice({ since, categoryKey }: { since: number; categoryKey?: string }) {
  const router = useRouter();
  const [count, setCount] = useState(0);
  const lastPoll = useRef(0);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      // (A second of slack: interval timers fire a little early or late.)
      if (document.hidden || Date.now() - lastPoll.current < POLL_MS - 1_000) return;
      lastPoll.current = Date.now();
      try {
        const response = await fetch(LATEST_PATH, { cache: "no-store" });
        if (!response.ok || stopped) return;
        const { articles } = (await response.json()) as { articles: LatestEntry[] };
        setCount(countNewer(articles, since, categoryKey));
      } catch {
        // Offline for a moment: try again at the next tick.
      }
    };
    lastPoll.current = Date.now(); // the page itself is fresh: first poll in a minute
    const timer = setInterval(poll, POLL_MS);
    const onVisible = () => void poll();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [since, categoryKey]);

  return (
    <div aria-live="polite" className="freshness">
      {count > 0 ? (
        <button
          type="button"
          className="freshness-button"
          onClick={() => {
            setCount(0);
            router.refresh();
          }}
        >
          {count >= 100 ? "99+" : count} 条新消息，点击查看
        </button>
      ) : null}
    </div>
  );
}

/**
 * What a reader page does in the browser, and all it does: the theme
 * switch, the "N 条新消息" notice, 今天/昨天 in headline lists and `/` for the search box. Pages are complete HTML without it
 * (lib/serve/static-document.ts says why they carry no React runtime); this
 * file is bundled to /js/reader.js (scripts/bundle-browser.ts) and loaded
 * with `defer` by app/layout.tsx, so it runs once the document is parsed.
 */
import { countNewer, LATEST_PATH, type LatestEntry } from "../lib/site/latest";
import { formatListDate } from "../lib/time";

/** Where the reader's theme choice is kept: "light" or "dark"; none means follow the system. */
const THEME_KEY = "theme";
const POLL_MS = 60_000;

function storedTheme(): string | null {
  try {
    return localStorage.getItem(THEME_KEY);
  } catch {
    return null; // Storage blocked: the theme still follows the system.
  }
}

/**
 * The masthead's light/dark switch. The theme itself is on `<html data-theme>`
 * before first paint (the inline script in ThemeToggle.tsx); this keeps the
 * button's state and label in step, and follows the system and other tabs
 * while there is no choice of the reader's.
 */
function setUpThemeToggle(button: HTMLButtonElement): void {
  const root = document.documentElement;
  const media = matchMedia("(prefers-color-scheme: dark)");
  const show = (theme: string) => {
    if (root.dataset.theme !== theme) root.dataset.theme = theme;
    button.setAttribute("aria-pressed", String(theme === "dark"));
    button.setAttribute("aria-label", theme === "dark" ? "切换浅色模式" : "切换深色模式");
  };
  const follow = () => {
    const choice = storedTheme();
    show(choice === "light" || choice === "dark" ? choice : media.matches ? "dark" : "light");
  };
  follow();
  media.addEventListener("change", follow);
  window.addEventListener("storage", follow);
  button.addEventListener("click", () => {
    const theme = root.dataset.theme === "dark" ? "light" : "dark";
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // Not remembered, but switched for this page.
    }
    show(theme);
  });
}

/**
 * "N 条新消息" on home and source pages: polls the small /latest.json at
 * most once a minute and never while the tab is hidden (it catches up when
 * the tab comes back). A click fetches the page again and swaps in its main
 * content: no full reload, the scroll position and the header stay, and
 * focus goes to the newest headline. (The old site reloaded every page every
 * 60 s.)
 */
function setUpFreshness(region: HTMLElement, poll: { last: number }): void {
  const since = Number(region.dataset.since);
  const categoryKey = region.dataset.category || undefined;
  if (!Number.isFinite(since)) return;

  const show = (count: number) => {
    if (count === 0) return region.replaceChildren();
    const button = document.createElement("button");
    button.type = "button";
    button.className = "freshness-button";
    button.textContent = `${count >= 100 ? "99+" : count} 条新消息，点击查看`;
    button.addEventListener("click", () => void showNewArticles());
    region.replaceChildren(button);
  };

  const check = async () => {
    // (A second of slack: interval timers fire a little early or late.)
    if (document.hidden || Date.now() - poll.last < POLL_MS - 1_000) return;
    poll.last = Date.now();
    try {
      const response = await fetch(LATEST_PATH, { cache: "no-store" });
      if (!response.ok || !region.isConnected) return;
      const { articles } = (await response.json()) as { articles: LatestEntry[] };
      show(countNewer(articles, since, categoryKey));
    } catch {
      // Offline for a moment: try again at the next tick.
    }
  };
  const timer = setInterval(check, POLL_MS);
  const onVisible = () => void check();
  document.addEventListener("visibilitychange", onVisible);
  // The swapped-in page brings its own region; this one stops.
  const stop = () => {
    clearInterval(timer);
    document.removeEventListener("visibilitychange", onVisible);
  };
  region.addEventListener("freshness:stop", stop, { once: true });
}

async function showNewArticles(): Promise<void> {
  const main = document.getElementById("main");
  if (!main) return;
  try {
    const response = await fetch(location.href, { cache: "no-store" });
    if (!response.ok) throw new Error(String(response.status));
    const fresh = new DOMParser().parseFromString(await response.text(), "text/html").getElementById("main");
    if (!fresh) throw new Error("no main");
    main.querySelectorAll<HTMLElement>("[data-freshness]").forEach((r) => r.dispatchEvent(new Event("freshness:stop")));
    // Our own page from our own server, parsed inertly (DOMParser runs no scripts) and moved over node by node.
    main.replaceChildren(...Array.from(fresh.childNodes, (node) => document.adoptNode(node)));
    startFreshness(main);
    relabelListDates(main);
    main.querySelector<HTMLElement>("[data-freshness] ~ ul a, [data-freshness] ~ * ul a")?.focus();
  } catch {
    location.reload(); // The page could not be fetched in place: a plain reload still shows the news.
  }
}

/**
 * Headline-list times by the reader's own clock: 今天 10:39, 昨天 10:39, and
 * the year whenever it is not this one. The page may have been rendered days
 * ago (a cached or exported page), so only the browser can say 今天 truthfully.
 */
function relabelListDates(scope: ParentNode): void {
  const now = Date.now();
  scope.querySelectorAll<HTMLTimeElement>("time[data-list-date]").forEach((time) => {
    const instant = Date.parse(time.dateTime);
    if (!Number.isNaN(instant)) time.textContent = formatListDate(instant, now, { relativeDays: true });
  });
}

/** One poll clock per page, so a swapped-in notice does not poll again at once. */
const freshnessPoll = { last: Date.now() };

function startFreshness(scope: ParentNode): void {
  scope.querySelectorAll<HTMLElement>("[data-freshness]").forEach((region) => setUpFreshness(region, freshnessPoll));
}

/**
 * `/` anywhere but in a text field focuses the search box (the search
 * page's own, else the masthead's), as on most sites with search.
 */
function focusSearchOnSlash(event: KeyboardEvent): void {
  if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  const target = event.target as HTMLElement | null;
  if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
  const box = document.querySelector<HTMLInputElement>("#search-q") ?? document.querySelector<HTMLInputElement>("#site-search-q");
  if (!box) return;
  event.preventDefault();
  box.focus();
  box.select();
}

document.querySelectorAll<HTMLButtonElement>("button[data-theme-toggle]").forEach(setUpThemeToggle);
startFreshness(document);
relabelListDates(document);
document.addEventListener("keydown", focusSearchOnSlash);

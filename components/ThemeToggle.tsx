"use client";

import { useEffect, useState } from "react";

/** Where the reader's choice is kept: "light" or "dark"; none means follow the system. */
const KEY = "theme";

/**
 * Puts the theme on `<html data-theme>` before first paint, so a page never
 * shows the wrong one: the stored choice, else the system's. When scripts do
 * not run, globals.css follows the system on its own.
 */
const SCRIPT =
  "{let t;try{t=localStorage.theme}catch(e){}document.documentElement.dataset.theme=" +
  "t=='dark'||t!='light'&&matchMedia('(prefers-color-scheme:dark)').matches?'dark':'light'}";

/**
 * The inline script above, for `<head>` (app/layout.tsx). A client component
 * so that only the HTML carries its text: a server component's script would
 * be in every page twice, once more in the React payload. It is hydrated,
 * never created, on the client, so it runs once, from the HTML.
 */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: SCRIPT }} />;
}

function storedChoice(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null; // Storage blocked: the theme still follows the system.
  }
}

/**
 * The light/dark switch in the masthead. The theme itself is put on
 * `<html data-theme>` before first paint by `ThemeScript`; this button
 * reads it only after hydration, so server and client render the same
 * markup. Its icon is drawn in CSS from
 * `data-theme` (globals.css), so it is right from the first paint, and the
 * button stays hidden when scripts do not run.
 */
export function ThemeToggle() {
  const [dark, setDark] = useState(false);

  useEffect(() => {
    const root = document.documentElement;
    setDark(root.dataset.theme === "dark");
    const media = matchMedia("(prefers-color-scheme: dark)");
    // Without a stored choice, follow the system when it changes; follow other tabs' choices.
    const sync = () => {
      const choice = storedChoice();
      const theme = choice === "light" || choice === "dark" ? choice : media.matches ? "dark" : "light";
      root.dataset.theme = theme;
      setDark(theme === "dark");
    };
    media.addEventListener("change", sync);
    window.addEventListener("storage", sync);
    return () => {
      media.removeEventListener("change", sync);
      window.removeEventListener("storage", sync);
    };
  }, []);

  function toggle() {
    const theme = dark ? "light" : "dark";
    document.documentElement.dataset.theme = theme;
    try {
      localStorage.setItem(KEY, theme);
    } catch {
      // Not remembered, but switched for this page.
    }
    setDark(!dark);
  }

  return (
    // No `type`: outside a form a button submits nothing, and every byte is in each page.
    <button
      className="theme-toggle"
      aria-pressed={dark}
      aria-label={dark ? "切换浅色模式" : "切换深色模式"}
      onClick={toggle}
    />
  );
}

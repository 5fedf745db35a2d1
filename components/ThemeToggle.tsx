import { THEME_SCRIPT } from "@/lib/site/theme-script.cjs";

/**
 * Puts the theme on `<html data-theme>` before first paint (lib/site/theme-script.cjs).
 * Inline in `<head>` (app/layout.tsx) because a script file would arrive
 * after the first paint; the CSP allows this text by its hash. When
 * scripts do not run, globals.css follows the system on its own.
 */
export function ThemeScript() {
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}

/**
 * The light/dark switch in the masthead. browser/reader.ts gives it its
 * behaviour and keeps `aria-pressed` and the label in step; its icon is
 * drawn in CSS from `data-theme` (globals.css), so it is right from the
 * first paint, and it stays hidden when scripts do not run.
 * `suppressHydrationWarning`: in `npm run dev`, where React hydrates,
 * reader.js may have set the state first.
 */
export function ThemeToggle() {
  // No `type`: outside a form a button submits nothing, and every byte is in each page.
  return <button className="theme-toggle" data-theme-toggle="" aria-pressed="false" aria-label="切换深色模式" suppressHydrationWarning />;
}

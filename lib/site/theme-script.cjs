// @ts-check
/**
 * The one inline script of a production page: it puts the theme on
 * `<html data-theme>` before first paint (the stored choice, else the
 * system's), so a page never shows the wrong one. components/ThemeToggle.tsx
 * renders it; security-headers.cjs allows exactly this text by its hash.
 * (CommonJS: next.config.js reads the headers module without a bundler.)
 */
const THEME_SCRIPT =
  "{let t;try{t=localStorage.theme}catch(e){}document.documentElement.dataset.theme=" +
  "t=='dark'||t!='light'&&matchMedia('(prefers-color-scheme:dark)').matches?'dark':'light'}";

module.exports = { THEME_SCRIPT };

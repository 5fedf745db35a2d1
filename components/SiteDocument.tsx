import type { ReactNode } from "react";
import type { SiteChrome } from "@/lib/pages/site-pages";
import { SiteFooter } from "./SiteFooter";
import { SiteHeader } from "./SiteHeader";
import { ThemeScript } from "./ThemeToggle";

/**
 * Every page's document: head scripts, masthead, main, footer. The root
 * layout (app/layout.tsx) renders it with Next.js adding the head's
 * metadata and stylesheets; the static exporter passes them as `head`
 * (components/DocumentHead.tsx).
 */
export function SiteDocument({ chrome, head, readerScript, children }: { chrome: SiteChrome; head?: ReactNode; readerScript: string; children: ReactNode }) {
  return (
    // ThemeScript sets <html data-theme> before first paint; in `npm run dev`, React then hydrates an attribute it did not render.
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        {head}
        <ThemeScript />
        <script src={readerScript} defer />
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="skip-link">
          跳到正文
        </a>
        <SiteHeader siteName={chrome.siteName} homeHref={chrome.homeHref} sourcesHref={chrome.sourcesHref} draftsHref={chrome.draftsHref} searchHref={chrome.searchHref} />
        <main id="main" className="site-main">
          {children}
        </main>
        <SiteFooter siteName={chrome.siteName} sourcesHref={chrome.sourcesHref} />
      </body>
    </html>
  );
}

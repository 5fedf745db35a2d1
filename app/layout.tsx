import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/SiteFooter";
import { SiteHeader } from "@/components/SiteHeader";
import { ThemeScript } from "@/components/ThemeToggle";
import { getIndex } from "@/lib/content/store";
import { SITE_DESCRIPTION, SITE_NAME, showsDrafts, siteUrl } from "@/lib/site/config";
import { feedAlternates } from "@/lib/site/feeds";
import { draftsPath, homePath, searchPath, sourcesPath } from "@/lib/site/urls";
import "./globals.css";

/** The page's own few kilobytes of JavaScript (browser/reader.ts, bundled by scripts/bundle-browser.ts). */
const READER_SCRIPT = "/js/reader.js";

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: SITE_NAME, template: `%s | ${SITE_NAME}` },
  description: SITE_DESCRIPTION,
  // Feed discovery on every page; pages with their own alternates (canonical) repeat it.
  alternates: { types: feedAlternates() },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#b3121f",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  const index = getIndex();
  return (
    // ThemeScript sets <html data-theme> before first paint; in `npm run dev`, React then hydrates an attribute it did not render.
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <ThemeScript />
        <script src={READER_SCRIPT} defer />
      </head>
      <body className="flex min-h-screen flex-col">
        <a href="#main" className="skip-link">
          跳到正文
        </a>
        <SiteHeader siteName={SITE_NAME} homeHref={homePath()} sourcesHref={sourcesPath()} draftsHref={showsDrafts() ? draftsPath() : undefined} searchHref={searchPath()} />
        <main id="main" className="site-main">
          {children}
        </main>
        <SiteFooter siteName={SITE_NAME} articleCount={index.articles.length} sourceCount={index.categories.length} />
      </body>
    </html>
  );
}

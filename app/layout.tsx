import type { Viewport } from "next";
import type { ReactNode } from "react";
import { SiteDocument } from "@/components/SiteDocument";
import { SITE_VIEWPORT, siteMetadata } from "@/lib/pages/metadata";
import { siteChrome } from "@/lib/pages/site-pages";
import { browserScriptPath } from "@/lib/site/urls";
import "./globals.css";

export const metadata = siteMetadata();

export const viewport: Viewport = { ...SITE_VIEWPORT };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <SiteDocument chrome={siteChrome()} readerScript={browserScriptPath("reader")}>
      {children}
    </SiteDocument>
  );
}

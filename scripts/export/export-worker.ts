/**
 * A worker thread of the static exporter: takes batches of page jobs,
 * renders each (the article body from its post file, then the document;
 * or an article's share card) and writes it under the export folder. Started by export-site.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parentPort } from "node:worker_threads";
import { renderArticleFile } from "@/lib/content/content-store";
import { pageFile, type PageJob } from "@/lib/export/page-jobs";
import { renderCardPng } from "@/lib/share/card";
import { cardFontFile } from "@/lib/share/card-font";
import { renderPageDocument, type SiteAssets } from "./render-page";

export interface RenderBatch {
  jobs: PageJob[];
  outDir: string;
  contentDir: string;
  assets: SiteAssets;
}
export interface BatchResult {
  bytes: number;
  /** Articles whose file could not be read any more: their pages show an empty body (logged by the renderer). */
  unreadable: string[];
}

export function renderBatch({ jobs, outDir, contentDir, assets }: RenderBatch): BatchResult {
  let bytes = 0;
  const unreadable: string[] = [];
  for (const job of jobs) {
    if (job.view.kind === "card") {
      const png = renderCardPng(job.view.card, cardFontFile()!);
      writeFileSync(ensureFolder(path.join(outDir, pageFile(job.path))), png);
      bytes += png.length;
      continue;
    }
    let body: string | undefined;
    if (job.view.kind === "article") {
      body = renderArticleFile(contentDir, job.view.file);
      if (body === undefined) unreadable.push(job.view.file);
    }
    const html = renderPageDocument(job, assets, body);
    writeFileSync(ensureFolder(path.join(outDir, pageFile(job.path))), html);
    bytes += Buffer.byteLength(html);
  }
  return { bytes, unreadable };
}

function ensureFolder(file: string): string {
  mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

parentPort?.on("message", (batch: RenderBatch) => {
  try {
    parentPort!.postMessage({ ok: true, result: renderBatch(batch) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

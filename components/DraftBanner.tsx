import type { HiddenKind } from "@/lib/content/types";
import { hiddenLabel } from "@/lib/site/list-items";
import { PublishedTime } from "./PublishedTime";

const WHY: Record<HiddenKind, string> = {
  draft: "这篇文章在 _drafts/ 中，发布前读者看不到。",
  unpublished: "这篇文章设置了 published: false，读者看不到。",
  scheduled: "到发布时间前，读者看不到这篇文章。",
};

/** Marks a preview of a post readers cannot see (only `npm run dev` shows these). */
export function DraftBanner({ kind, publishedAt }: { kind: HiddenKind; publishedAt: number }) {
  return (
    <div role="note" aria-label="预览提示" className="rounded-md border-2 border-dashed border-accent bg-chip px-4 py-3 text-sm">
      <strong className="mr-2 rounded bg-accent px-2 py-0.5 font-bold text-surface">{hiddenLabel(kind)}</strong>
      {kind === "scheduled" ? (
        <>
          将于 <PublishedTime instant={publishedAt} /> 发布。
        </>
      ) : null}
      {WHY[kind]}
    </div>
  );
}

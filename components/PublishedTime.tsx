import { formatShanghai, toIsoShanghai } from "@/lib/time";

interface PublishedTimeProps {
  instant: number;
  /**
   * In headline lists, the short label lib/time's formatListDate made (`12月8日 10:39`,
   * `2021年12月8日`); the reader script refreshes it (今天/昨天) from the `datetime`.
   * Without it, the full date (2021-12-08 10:39).
   */
  listLabel?: string;
  className?: string;
}

/** A publication time: machine-readable `+08:00` instant, shown in Beijing time. */
export function PublishedTime({ instant, listLabel, className }: PublishedTimeProps) {
  return (
    <time
      dateTime={toIsoShanghai(instant)}
      className={className}
      title={`北京时间 ${formatShanghai(instant)}`}
      data-list-date={listLabel === undefined ? undefined : ""}
      // The reader script may say 今天 before React hydrates (only `npm run dev` hydrates): expected, not a bug.
      suppressHydrationWarning={listLabel !== undefined}
    >
      {listLabel ?? formatShanghai(instant)}
    </time>
  );
}

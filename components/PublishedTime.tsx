import { formatShanghai, formatShanghaiShort, toIsoShanghai } from "@/lib/time";

interface PublishedTimeProps {
  instant: number;
  /** `short` (12月8日 10:39) for dense lists, `full` (2021-12-08 10:39) elsewhere. */
  format?: "short" | "full";
  className?: string;
}

/** A publication time: machine-readable `+08:00` instant, shown in Beijing time. */
export function PublishedTime({ instant, format = "full", className }: PublishedTimeProps) {
  const text = format === "short" ? formatShanghaiShort(instant) : formatShanghai(instant);
  return (
    <time dateTime={toIsoShanghai(instant)} className={className} title={`北京时间 ${formatShanghai(instant)}`}>
      {text}
    </time>
  );
}

/**
 * Log lines a stranger can cause (one per refused request) with a budget:
 * the first `perMinute` lines of a minute are written, the rest are counted
 * and summed up in one line when the next line is written after the minute.
 * A scanner sending a thousand malformed URLs a second then costs the
 * operator's log about a line a second, not a thousand.
 */
export function budgetedLog(write: (line: string) => void, { perMinute = 60, now = Date.now }: { perMinute?: number; now?: () => number } = {}): (line: string) => void {
  let windowStart = now();
  let written = 0;
  let dropped = 0;
  return (line) => {
    const at = now();
    if (at - windowStart >= 60_000) {
      if (dropped > 0) write(`serve: ${dropped} more such lines in the minute before were not logged`);
      windowStart = at;
      written = 0;
      dropped = 0;
    }
    if (written < perMinute) {
      written++;
      write(line);
    } else dropped++;
  };
}

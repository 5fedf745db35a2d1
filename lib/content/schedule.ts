/**
 * Scheduled posts go live on time under `npm start`: a timer fires at the
 * earliest scheduled date the index knows (`ContentIndex.nextScheduled`)
 * and the server rebuilds its index and revalidates its pages then.
 */

/** setTimeout's longest delay (about 24.8 days); longer waits are taken in steps. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Calls `fire` once at `at` (ms since the epoch; at once if past). Returns
 * a cancel function. Nothing is scheduled for `undefined`.
 */
export function scheduleAt(at: number | undefined, fire: () => void, now: () => number = Date.now): () => void {
  if (at === undefined) return () => {};
  let timer: NodeJS.Timeout | undefined;
  const wait = () => {
    const delay = at - now();
    if (delay <= 0) return fire();
    timer = setTimeout(wait, Math.min(delay, MAX_DELAY_MS));
    // A pending scheduled post must not keep a stopping process alive.
    timer.unref?.();
  };
  wait();
  return () => clearTimeout(timer);
}

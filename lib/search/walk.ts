/**
 * Walking ranked results in order until a page of them passes its check,
 * with the fragment downloads overlapped: a failed check starts the next
 * download at once, while the others of the page are still on their way,
 * rather than after the whole batch has come back (one round trip per failure
 * wave instead of one per batch).
 *
 * The answer depends only on the order and the verdicts, never on which
 * download came back first: entries are accepted in order, and the counts are
 * over the consumed prefix (up to the last accepted entry). Downloads started
 * past it are left to finish into the file cache.
 */

/** One entry's verdict: whether it passed, and whether it counts as a check (a fresh article is not checked). */
export interface Step<T> {
  item: T;
  pass: boolean;
  checked: boolean;
}

export interface WalkLimits {
  /** Downloads in flight at most. */
  maxInFlight: number;
  /** Failed checks a walk may cost beyond its page: past them, it gives up. */
  maxFailed: number;
}

export interface WalkResult<T> {
  /** The passing entries' items, in order: `wanted` of them unless the entries ran out or the walk gave up. */
  accepted: T[];
  /** Entries consumed in order: the accepted ones and the failures before the last of them. */
  consumed: number;
  checked: number;
  passed: number;
  gaveUp: boolean;
}

/**
 * `next()` starts the next entry's download and check (undefined once there is
 * none). Without failures exactly `wanted` are started; once checks fail, as
 * many more as the pass rate seen so far says are needed, so a query whose
 * candidates mostly fail does not pay one round trip per failure.
 */
export async function walkInOrder<T>(next: () => Promise<Step<T>> | undefined, wanted: number, limits: WalkLimits): Promise<WalkResult<T>> {
  const started: Array<{ step?: Step<T>; error?: { cause: unknown } }> = [];
  const result: WalkResult<T> = { accepted: [], consumed: 0, checked: 0, passed: 0, gaveUp: false };
  if (wanted <= 0) return result;
  let exhausted = false;
  let pending = 0;
  // Verdicts of every settled entry, in any order: how many passes are in hand, and the pass rate of checks.
  let settledPassed = 0;
  let settledFailed = 0;
  let settledChecked = 0;
  let settledCheckedPassed = 0;
  let wake: () => void = () => {};

  const start = (): boolean => {
    const step = next();
    if (!step) return false;
    const slot: (typeof started)[number] = {};
    started.push(slot);
    pending++;
    step.then(
      (s) => {
        slot.step = s;
        if (s.pass) settledPassed++;
        else settledFailed++;
        if (s.checked) settledChecked++;
        if (s.checked && s.pass) settledCheckedPassed++;
      },
      (cause: unknown) => (slot.error = { cause }),
    ).finally(() => {
      pending--;
      wake();
    });
    return true;
  };

  for (;;) {
    // Consume what has come back, in order.
    while (result.consumed < started.length) {
      const slot = started[result.consumed];
      if (slot.error) throw slot.error.cause;
      if (!slot.step) break;
      result.consumed++;
      const { item, pass, checked } = slot.step;
      if (checked) result.checked++;
      if (checked && pass) result.passed++;
      if (pass) result.accepted.push(item);
      if (result.accepted.length >= wanted) return result;
    }
    // Start as many as the passes expected of those in flight leave missing (a failure is replaced at once).
    // Smoothed: 1 before any check, about half after a first failure (as doubling the next batch did).
    const passRate = (settledCheckedPassed + 1) / (settledChecked + 1);
    while (
      !exhausted &&
      pending < limits.maxInFlight &&
      settledFailed + pending <= limits.maxFailed + wanted &&
      settledPassed + pending * passRate < wanted
    ) {
      exhausted = !start();
    }
    if (pending === 0 && result.consumed === started.length) {
      result.gaveUp = !exhausted;
      return result;
    }
    await new Promise<void>((resolve) => (wake = resolve));
  }
}

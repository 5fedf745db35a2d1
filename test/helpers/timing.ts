/**
 * How a function's time grows with its input, for tests that must catch a
 * super-linear regex or loop without depending on the machine's speed: the
 * time at size n and at 4n, each the fastest of three measurements (a busy
 * machine only ever adds time, so the fastest is the closest to the code's
 * own cost), and their ratio. Linear code gives about 4, quadratic about 16,
 * cubic 64.
 *
 * A measurement repeats the call until it has taken at least MIN_BATCH_MS,
 * so calls of a few microseconds are not lost in timer noise.
 */

const MIN_BATCH_MS = 15;

export interface Growth {
  /** ms per call at n and at 4n (the fastest batch of each). */
  small: number;
  large: number;
  ratio: number;
}

/** Time of one call of `run(input)`, in ms, over a batch long enough to measure. */
function timePerCall<T>(input: T, run: (input: T) => unknown): number {
  let calls = 0;
  const started = performance.now();
  let elapsed = 0;
  do {
    run(input);
    calls++;
    elapsed = performance.now() - started;
  } while (elapsed < MIN_BATCH_MS);
  return elapsed / calls;
}

/** `run` on `make(n)` and on `make(4 * n)`, the fastest of three batches each. */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number): Growth {
  const small = make(n);
  const large = make(4 * n);
  run(small); // warm up: the first call also pays for compiling
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let i = 0; i < 3; i++) {
    smallTimes.push(timePerCall(small, run));
    largeTimes.push(timePerCall(large, run));
  }
  const s = Math.min(...smallTimes);
  const l = Math.min(...largeTimes);
  return { small: s, large: l, ratio: l / s };
}

/** The bound a 4× larger input may cost: generous (linear is 4, quadratic 16), for noisy shared machines. */
export const LINEAR_RATIO_BOUND = 12;

/** A readable line for an assertion message. */
export function describeGrowth(name: string, n: number, g: Growth): string {
  return `${name}: ${g.small.toFixed(2)} ms at ${n}, ${g.large.toFixed(2)} ms at ${4 * n} (×${g.ratio.toFixed(1)})`;
}

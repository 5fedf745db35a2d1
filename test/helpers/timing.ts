/**
 * How a function's time grows with its input, for tests that must catch a
 * super-linear regex or loop without depending on the machine's speed.
 *
 * The time is taken at n, 2n and 4n, each the fastest of three batches (a
 * busy machine only ever adds time, so the fastest is the closest to the
 * code's own cost). The growth reported is that of the gentler of the two
 * doublings, squared to read as the cost of a 4× larger input: linear code
 * gives about 4, quadratic about 16, cubic 64. Why not simply t(4n)/t(n):
 * V8's cost per byte steps up once, several fold, where strings or arrays
 * outgrow the young generation (between 32 K and 128 K characters, depending
 * on the shape), and a single 4× step across it read ×12–16 on linear code.
 * A step lies in one doubling; a super-linear loop shows in both.
 *
 * A measurement repeats the call until it has taken at least MIN_BATCH_MS,
 * so calls of a few microseconds are not lost in timer noise.
 */

const MIN_BATCH_MS = 15;

export interface Growth {
  /** ms per call at n, 2n and 4n (the fastest batch of each). */
  times: [number, number, number];
  /** The gentler doubling's ratio, squared: what a 4× input costs where no one-off step lies. */
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

/** `run` on `make(n)`, `make(2 * n)` and `make(4 * n)`, the fastest of three batches each. */
export function growth<T>(make: (n: number) => T, run: (input: T) => unknown, n: number): Growth {
  const inputs = [make(n), make(2 * n), make(4 * n)];
  run(inputs[0]); // warm up: the first call also pays for compiling
  const batches: number[][] = [[], [], []];
  for (let i = 0; i < 3; i++) inputs.forEach((input, size) => batches[size].push(timePerCall(input, run)));
  const times = batches.map((b) => Math.min(...b)) as Growth["times"];
  const gentler = Math.min(times[1] / times[0], times[2] / times[1]);
  return { times, ratio: gentler ** 2 };
}

/** The bound a 4× larger input may cost: generous (linear is 4, quadratic 16), for noisy shared machines. */
export const LINEAR_RATIO_BOUND = 12;

/** A readable line for an assertion message. */
export function describeGrowth(name: string, n: number, g: Growth): string {
  const [a, b, c] = g.times.map((t) => t.toFixed(2));
  return `${name}: ${a} ms at ${n}, ${b} ms at ${2 * n}, ${c} ms at ${4 * n} (×${g.ratio.toFixed(1)} for 4×)`;
}

import { describe, expect, it } from "vitest";
import { walkInOrder, type Step } from "@/lib/search/walk";

/** Entries whose verdicts the test hands out, in whatever order it likes. */
function entries(verdicts: boolean[]) {
  const started: number[] = [];
  const settle: Array<() => void> = [];
  const next = (): Promise<Step<number>> | undefined => {
    const i = started.length;
    if (i >= verdicts.length) return undefined;
    started.push(i);
    return new Promise((resolve) => settle.push(() => resolve({ item: i, pass: verdicts[i], checked: true })));
  };
  return { next, started, settle };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));
const LIMITS = { maxInFlight: 40, maxFailed: 60 };

describe("lib/search walk", () => {
  it("starts a page's worth, then replaces a failure at once, before the rest come back", async () => {
    const { next, started, settle } = entries([false, true, true, true, true]);
    const walk = walkInOrder(next, 3, LIMITS);
    await flush();
    expect(started).toEqual([0, 1, 2]);
    settle[0](); // fails while 1 and 2 are still on their way
    await flush();
    expect(started.length).toBeGreaterThan(3);
    for (const s of settle.slice(1)) s();
    expect(await walk).toEqual({ accepted: [1, 2, 3], consumed: 4, checked: 4, passed: 3, gaveUp: false });
  });

  it("gives the same answer whichever download comes back first", async () => {
    const verdicts = [true, false, true, false, false, true, true, false, true, true];
    const answers = [];
    for (const order of ["forward", "backward"]) {
      const { next, settle } = entries(verdicts);
      const walk = walkInOrder(next, 4, LIMITS);
      for (let round = 0; round < 10; round++) {
        await flush();
        const open = settle.splice(0);
        (order === "forward" ? open : open.reverse()).forEach((s) => s());
      }
      answers.push(await walk);
    }
    expect(answers[0]).toEqual({ accepted: [0, 2, 5, 6], consumed: 7, checked: 7, passed: 4, gaveUp: false });
    expect(answers[1]).toEqual(answers[0]);
  });

  it("stops after too many failed checks, and when the entries run out", async () => {
    const failing = entries(Array(500).fill(false));
    const walk = walkInOrder(failing.next, 10, LIMITS);
    for (let round = 0; round < 50; round++) {
      await flush();
      failing.settle.splice(0).forEach((s) => s());
    }
    const result = await walk;
    expect(result.gaveUp).toBe(true);
    expect(result.accepted).toEqual([]);
    expect(failing.started.length).toBeLessThanOrEqual(10 + 60 + 1);

    const few = entries([true, false]);
    const short = walkInOrder(few.next, 10, LIMITS);
    await flush();
    few.settle.forEach((s) => s());
    expect(await short).toEqual({ accepted: [0], consumed: 2, checked: 2, passed: 1, gaveUp: false });
  });

  it("rethrows a failed download it needs", async () => {
    const walk = walkInOrder(() => Promise.reject(new Error("404")), 2, LIMITS);
    await expect(walk).rejects.toThrow("404");
  });
});

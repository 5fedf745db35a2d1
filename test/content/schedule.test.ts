import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { scheduleAt } from "@/lib/content/schedule";

describe("lib/content/schedule", () => {
  beforeEach(() => vi.useFakeTimers({ now: Date.UTC(2024, 0, 1) }));
  afterEach(() => vi.useRealTimers());

  it("fires at the scheduled instant, not before", () => {
    const fire = vi.fn();
    scheduleAt(Date.now() + 60_000, fire);
    vi.advanceTimersByTime(59_999);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it("waits beyond setTimeout's 24.8-day limit in steps", () => {
    const fire = vi.fn();
    const in40Days = Date.now() + 40 * 86_400_000;
    scheduleAt(in40Days, fire);
    vi.advanceTimersByTime(30 * 86_400_000);
    expect(fire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10 * 86_400_000);
    expect(fire).toHaveBeenCalledTimes(1);
  });

  it("fires at once for a past instant, never for none, and not after cancel", () => {
    const fire = vi.fn();
    scheduleAt(Date.now() - 1, fire);
    expect(fire).toHaveBeenCalledTimes(1);
    scheduleAt(undefined, fire);
    const cancel = scheduleAt(Date.now() + 1000, fire);
    cancel();
    vi.advanceTimersByTime(2000);
    expect(fire).toHaveBeenCalledTimes(1);
  });
});

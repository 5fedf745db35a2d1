import { describe, expect, it } from "vitest";
import { budgetedLog } from "@/lib/serve/log-budget";

describe("lib/serve/log-budget", () => {
  it("writes the first lines of a minute, then one line that counts the rest", () => {
    let clock = 0;
    const lines: string[] = [];
    const log = budgetedLog((l) => lines.push(l), { perMinute: 3, now: () => clock });
    for (let i = 0; i < 1000; i++) log(`refused ${i}`);
    expect(lines).toEqual(["refused 0", "refused 1", "refused 2"]);
    clock = 60_000;
    log("refused again");
    expect(lines.slice(3)).toEqual(["serve: 997 more such lines in the minute before were not logged", "refused again"]);
  });
});

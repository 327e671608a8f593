import { describe, expect, it } from "vitest";
import { countTicks } from "./scale";

describe("count axis ticks", () => {
  it("starts at 0, ends at or above the data, in round steps", () => {
    expect(countTicks(5_612_345)).toEqual([0, 2_000_000, 4_000_000, 6_000_000]);
    expect(countTicks(4_000_000)).toEqual([0, 1_000_000, 2_000_000, 3_000_000, 4_000_000]);
    expect(countTicks(338_000)).toEqual([0, 100_000, 200_000, 300_000, 400_000]);
    expect(countTicks(90)).toEqual([0, 25, 50, 75, 100]);
  });

  it("never steps below one message", () => {
    expect(countTicks(1)).toEqual([0, 1]);
    expect(countTicks(3)).toEqual([0, 1, 2, 3]);
  });

  it("gives an axis for an empty range", () => {
    expect(countTicks(0)).toEqual([0, 1]);
  });

  it("keeps 3 to 6 intervals for any top", () => {
    for (let top = 1; top < 5e7; top = Math.ceil(top * 1.37)) {
      const ticks = countTicks(top);
      const max = ticks[ticks.length - 1]!;
      expect(max).toBeGreaterThanOrEqual(top);
      if (top >= 4) expect(ticks.length - 1).toBeGreaterThanOrEqual(2);
      expect(ticks.length - 1).toBeLessThanOrEqual(6);
      expect(ticks.every((t) => Number.isInteger(t))).toBe(true);
    }
  });
});

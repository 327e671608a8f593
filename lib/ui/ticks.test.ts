import { describe, expect, it } from "vitest";
import { labelWidth, tickShown, tickStep } from "./ticks";

describe("axis labels without measuring", () => {
  it("shows every label when they fit", () => {
    // 12 months of "Sept 2026" (9 chars ≈ 67 px + gap) on a 1,000 px axis
    expect(tickStep(12, 1000, labelWidth("Sept 2026"))).toBe(1);
  });

  it("thins labels that would overlap, so shown ones keep their width apart", () => {
    for (const [count, length] of [
      [58, 1080],
      [58, 260],
      [365, 1080],
      [31, 300],
    ] as const) {
      const widest = labelWidth("27 Nov");
      const step = tickStep(count, length, widest);
      const slot = length / count;
      expect(step * slot).toBeGreaterThanOrEqual(widest); // neighbours shown never overlap
      if (step > 1) expect((step - 1) * slot).toBeLessThan(widest + 14); // and no sparser than needed
    }
  });

  it("always shows the last (newest) label and counts the step back from it", () => {
    const shown = Array.from({ length: 10 }, (_, i) => i).filter((i) => tickShown(i, 10, 3));
    expect(shown).toEqual([0, 3, 6, 9]);
    expect(tickShown(6, 7, 4)).toBe(true);
    expect(tickShown(0, 7, 4)).toBe(false);
  });

  it("survives an axis not yet laid out", () => {
    expect(tickStep(12, 0, 60)).toBe(1);
    expect(tickStep(12, Number.NaN, 60)).toBe(1);
    expect(tickStep(1, 100, 600)).toBe(1);
  });
});

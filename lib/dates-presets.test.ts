// The date-range presets of lib/dates.ts: Istanbul calendar days, leap years, the range cap.
import { describe, expect, it } from "vitest";
import { addDays, eachDay, PRESETS, presetRange, rangeDays } from "./dates";

describe("presetRange: this year, last year, last 12 months", () => {
  it.each([
    // preset, today, start, end, days
    ["thisYear", "2026-11-27", "2026-01-01", "2026-11-27", 331],
    ["thisYear", "2026-01-01", "2026-01-01", "2026-01-01", 1],
    ["thisYear", "2028-12-31", "2028-01-01", "2028-12-31", 366],
    ["lastYear", "2026-11-27", "2025-01-01", "2025-12-31", 365],
    ["lastYear", "2029-01-01", "2028-01-01", "2028-12-31", 366],
    ["last12Months", "2026-11-27", "2025-11-28", "2026-11-27", 365],
    ["last12Months", "2026-01-01", "2025-01-02", "2026-01-01", 365],
    ["last12Months", "2026-12-31", "2026-01-01", "2026-12-31", 365],
    // A year ago 29 February did not exist: from 1 March, and the range holds 29 February.
    ["last12Months", "2028-02-29", "2027-03-01", "2028-02-29", 366],
    ["last12Months", "2029-02-28", "2028-02-29", "2029-02-28", 366],
    ["last12Months", "2028-03-01", "2027-03-02", "2028-03-01", 366],
  ] as const)("%s on %s is %s – %s (%i days)", (preset, today, start, end, days) => {
    const range = presetRange(preset, today, 366);
    expect(range).toEqual({ start, end });
    expect(rangeDays(range)).toBe(days);
  });

  it("every preset, every day 2023–2030: ends by today, fits 366 days, never cut at 366", () => {
    for (const today of eachDay({ start: "2023-01-01", end: "2030-12-31" })) {
      for (const preset of PRESETS) {
        const range = presetRange(preset, today, 366);
        expect(range).toEqual(presetRange(preset, today));
        expect(range.start <= range.end && range.end <= today).toBe(true);
        expect(rangeDays(range)).toBeLessThanOrEqual(366);
      }
      // The 12 months end today and start the day after the same date a year before.
      const last12 = presetRange("last12Months", today);
      const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
      expect(last12.start).toBe(
        today.slice(5) === "02-29" ? `${yearAgo.slice(0, 4)}-03-01` : addDays(yearAgo, 1),
      );
    }
  });

  it("cuts a preset longer than the cap to its last days", () => {
    expect(presetRange("lastYear", "2029-01-15", 90)).toEqual({
      start: "2028-10-03",
      end: "2028-12-31",
    });
    expect(presetRange("thisYear", "2028-12-31", 365)).toEqual({
      start: "2028-01-02",
      end: "2028-12-31",
    });
    expect(presetRange("last12Months", "2028-02-29", 365)).toEqual({
      start: "2027-03-02",
      end: "2028-02-29",
    });
    expect(presetRange("last90", "2026-11-27", 30)).toEqual(presetRange("last30", "2026-11-27"));
    for (const preset of PRESETS) {
      const range = presetRange(preset, "2026-11-27", 1);
      expect(range.start).toBe(range.end);
    }
  });
});

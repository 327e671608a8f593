import { describe, expect, it } from "vitest";
import { comparisonCutoff, comparisonRange } from "./dates";

const TODAY = "2026-11-27";
const r = (start: string, end: string) => ({ start, end });

describe("comparisonRange", () => {
  it.each([
    // [range, compare, expected, why]
    [
      r("2026-10-01", "2026-10-31"),
      "previous",
      r("2026-09-01", "2026-09-30"),
      "October vs September",
    ],
    [
      r("2026-03-01", "2026-03-31"),
      "previous",
      r("2026-02-01", "2026-02-28"),
      "a month vs a shorter one",
    ],
    [r("2026-07-01", "2026-09-30"), "previous", r("2026-04-01", "2026-06-30"), "a quarter"],
    [r("2026-01-01", "2026-01-31"), "previous", r("2025-12-01", "2025-12-31"), "across the year"],
    [r("2026-11-01", TODAY), "previous", r("2026-10-01", "2026-10-27"), "month to date"],
    [r("2026-03-01", "2026-03-30"), "previous", r("2026-01-30", "2026-02-28"), "not whole: days"],
    [r("2026-11-21", TODAY), "previous", r("2026-11-14", "2026-11-20"), "last 7 days"],
    [r(TODAY, TODAY), "previous", r("2026-11-26", "2026-11-26"), "today vs yesterday"],
    [r("2026-10-15", "2026-11-14"), "previous", r("2026-09-14", "2026-10-14"), "30 odd days"],
    [r("2028-02-29", "2028-02-29"), "year", r("2027-02-28", "2027-02-28"), "29 February"],
    [r("2028-02-01", "2028-02-29"), "year", r("2027-02-01", "2027-02-28"), "a leap February"],
    [r("2026-01-01", TODAY), "year", r("2025-01-01", "2025-11-27"), "year to date"],
    [r("2025-01-01", "2025-12-31"), "year", r("2024-01-01", "2024-12-31"), "a whole year"],
  ] as const)("%o %s → %o (%s)", (range, compare, expected, _why) => {
    expect(comparisonRange(range, compare, TODAY)).toEqual(expected);
  });

  it("has none for compare=none", () => {
    expect(comparisonRange(r(TODAY, TODAY), "none", TODAY)).toBeNull();
  });

  it("month-to-date in a 31-day month clips to the shorter month before", () => {
    // 31 March to date (today is the 31st: a whole month) and 30 May to date.
    expect(comparisonRange(r("2026-05-01", "2026-05-30"), "previous", "2026-05-30")).toEqual(
      r("2026-04-01", "2026-04-30"),
    );
  });
});

describe("comparisonCutoff", () => {
  const now = new Date("2026-11-27T06:20:00Z"); // 09:20 in Istanbul
  it("stops a range that ends today at the same time of day on the comparison's last day", () => {
    expect(comparisonCutoff(r(TODAY, TODAY), r("2026-11-26", "2026-11-26"), now)).toBe(
      "2026-11-26 09:20:00",
    );
    expect(comparisonCutoff(r("2026-11-01", TODAY), r("2026-10-01", "2026-10-27"), now)).toBe(
      "2026-10-27 09:20:00",
    );
  });

  it("has none for a range that is over", () => {
    expect(
      comparisonCutoff(r("2026-11-20", "2026-11-26"), r("2026-11-13", "2026-11-19"), now),
    ).toBeNull();
  });

  it("uses Istanbul's day, not UTC's (01:30 Istanbul is still the previous day in UTC)", () => {
    const early = new Date("2026-11-26T22:30:00Z"); // 27 Nov 01:30 Istanbul
    expect(comparisonCutoff(r(TODAY, TODAY), r("2026-11-26", "2026-11-26"), early)).toBe(
      "2026-11-26 01:30:00",
    );
  });
});

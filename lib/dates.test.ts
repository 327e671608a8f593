import { describe, expect, it } from "vitest";
import {
  addDays,
  epochDay,
  eachDay,
  instantOf,
  isCalendarDate,
  istanbulToday,
  presetRange,
  previousRange,
  rangeDays,
  splitWindows,
  wallSeconds,
  wallTimestamp,
} from "./dates";

function checkWindows(start: string, end: string) {
  const windows = splitWindows({ start, end });
  // Contiguous, non-overlapping, each ≤ 10 inclusive days, covering exactly the range.
  expect(windows[0]?.start).toBe(start);
  expect(windows.at(-1)?.end).toBe(end);
  for (const [i, w] of windows.entries()) {
    expect(rangeDays(w)).toBeGreaterThanOrEqual(1);
    expect(rangeDays(w)).toBeLessThanOrEqual(10);
    const next = windows[i + 1];
    if (next) expect(next.start).toBe(addDays(w.end, 1));
  }
  const covered = windows.reduce((n, w) => n + rangeDays(w), 0);
  expect(covered).toBe(rangeDays({ start, end }));
  return windows;
}

describe("splitWindows", () => {
  it.each([
    [1, 1],
    [10, 1],
    [11, 2],
    [31, 4],
    [95, 10],
    [366, 37],
  ])("splits a %i-day range into %i windows", (days, count) => {
    const start = "2026-01-05";
    const end = addDays(start, days - 1);
    expect(checkWindows(start, end)).toHaveLength(count);
  });

  it("follows the seed page's example: 04-01..04-10 then 04-11..04-20", () => {
    expect(splitWindows({ start: "2026-04-01", end: "2026-04-20" })).toEqual([
      { start: "2026-04-01", end: "2026-04-10" },
      { start: "2026-04-11", end: "2026-04-20" },
    ]);
  });

  it("crosses month ends and 29 February", () => {
    const w = checkWindows("2028-02-25", "2028-03-10");
    expect(w[0]).toEqual({ start: "2028-02-25", end: "2028-03-05" });
    expect(eachDay({ start: "2028-02-27", end: "2028-03-01" })).toEqual([
      "2028-02-27",
      "2028-02-28",
      "2028-02-29",
      "2028-03-01",
    ]);
    expect(eachDay({ start: "2026-02-27", end: "2026-03-01" })).toHaveLength(3);
    checkWindows("2026-12-25", "2027-01-31");
  });

  it("splits with a smaller window size", () => {
    expect(splitWindows({ start: "2026-04-01", end: "2026-04-03" }, 1)).toHaveLength(3);
  });
});

describe("calendar", () => {
  it("validates dates", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2028-02-29")).toBe(true);
    for (const bad of [
      "2026-02-29",
      "2026-02-30",
      "2026-13-01",
      "22/04/2026",
      "2026-4-1",
      "",
      "2026-04-01x",
    ]) {
      expect(isCalendarDate(bad)).toBe(false);
    }
  });

  it("computes today in Istanbul, not UTC, between 00:00 and 03:00", () => {
    // 2026-04-01 22:30 UTC is 2026-04-02 01:30 in Istanbul.
    const now = new Date("2026-04-01T22:30:00Z");
    expect(now.toISOString().slice(0, 10)).toBe("2026-04-01");
    expect(istanbulToday(now)).toBe("2026-04-02");
    expect(istanbulToday(new Date("2026-04-01T20:59:59Z"))).toBe("2026-04-01");
    expect(istanbulToday(new Date("2026-12-31T21:00:00Z"))).toBe("2027-01-01");
  });

  it("turns an Istanbul timestamp into its instant", () => {
    expect(instantOf("2026-04-02 01:30:00").toISOString()).toBe("2026-04-01T22:30:00.000Z");
  });

  it("computes presets and the previous period", () => {
    expect(presetRange("last7", "2026-03-03")).toEqual({ start: "2026-02-25", end: "2026-03-03" });
    expect(presetRange("lastMonth", "2026-03-03")).toEqual({
      start: "2026-02-01",
      end: "2026-02-28",
    });
    expect(presetRange("thisMonth", "2026-03-03")).toEqual({
      start: "2026-03-01",
      end: "2026-03-03",
    });
    expect(presetRange("yesterday", "2026-03-01")).toEqual({
      start: "2026-02-28",
      end: "2026-02-28",
    });
    expect(previousRange({ start: "2026-03-01", end: "2026-03-07" })).toEqual({
      start: "2026-02-22",
      end: "2026-02-28",
    });
  });
});

describe("wall-clock seconds", () => {
  it("round-trips every minute boundary of leap and common years, and orders like the strings", () => {
    let previous = -1;
    for (const day of eachDay({ start: "2023-12-30", end: "2024-03-02" }).concat([
      "1970-01-01",
      "2000-02-29",
      "2100-02-28",
      "2100-03-01",
      "2105-12-31",
    ])) {
      for (const time of ["00:00:00", "09:05:07", "23:59:59"]) {
        const s = `${day} ${time}`;
        const v = wallSeconds(s);
        expect(wallTimestamp(v)).toBe(s);
        expect(Math.floor(v / 86400)).toBe(epochDay(day));
        if (day.startsWith("202")) expect(v).toBeGreaterThan(previous);
        if (day.startsWith("202")) previous = v;
      }
    }
    expect(wallSeconds("1970-01-01 00:00:00")).toBe(0);
    expect(wallSeconds("2105-12-31 23:59:59")).toBeLessThan(2 ** 32 - 1);
  });

  it("has none for what is not a real timestamp of 1970–2105", () => {
    for (const s of [
      "2026-02-29 10:00:00",
      "2100-02-29 10:00:00",
      "2026-13-01 00:00:00",
      "2026-04-31 00:00:00",
      "2026-04-29 24:00:00",
      "2026-04-29 23:60:00",
      "2026-04-29 23:59:60",
      "1969-12-31 23:59:59",
      "2106-01-01 00:00:00",
      "2026-04-29T04:32:24",
      "2026-04-29 4:32:24",
      "2026-04-29 04:32:2x",
      "2026/04/29 04:32:24",
      "",
    ])
      expect(wallSeconds(s), s).toBe(-1);
  });
});

// Like-for-like comparisons against the simulator's truth (its clock: 29 April 2026, 12:00).
import { describe, expect, it } from "vitest";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { comparisonTruth, harness } from "@/lib/testing/harness";

const TODAY = "2026-04-29";
const query = (qs: string) =>
  parseReportQuery(new URLSearchParams(qs), { today: TODAY, maxRangeDays: 366 });

/** The answer once its comparison is in (it never holds the first numbers back). */
async function settled(h: ReturnType<typeof harness>, qs: string) {
  const q = query(qs);
  await h.engine.report(q);
  await h.engine.whenIdle();
  return h.engine.report(q);
}

describe("comparisons", () => {
  const h = harness({ ordersPerDay: 60 });

  it.each([
    [
      "today so far vs yesterday until the same time",
      "start=2026-04-29&end=2026-04-29",
      "2026-04-28",
      "2026-04-28",
      "2026-04-28T09:00:00.000Z",
    ],
    [
      "this month to date vs last month's same days",
      "start=2026-04-01&end=2026-04-29",
      "2026-03-01",
      "2026-03-29",
      "2026-03-29T09:00:00.000Z",
    ],
    [
      "a whole month vs the month before",
      "start=2026-03-01&end=2026-03-31",
      "2026-02-01",
      "2026-02-28",
      null,
    ],
    [
      "a whole year vs the year before",
      "start=2025-01-01&end=2025-12-31&compare=year",
      "2024-01-01",
      "2024-12-31",
      null,
    ],
    [
      "29 February vs 28 February a year before",
      "start=2024-02-29&end=2024-02-29&compare=year",
      "2023-02-28",
      "2023-02-28",
      null,
    ],
    [
      "the last 7 days vs the 7 before, to the same time",
      "start=2026-04-23&end=2026-04-29",
      "2026-04-16",
      "2026-04-22",
      "2026-04-22T09:00:00.000Z",
    ],
    [
      "the same days last year, to the same time",
      "start=2026-04-23&end=2026-04-29&compare=year",
      "2025-04-23",
      "2025-04-29",
      "2025-04-29T09:00:00.000Z",
    ],
  ])("%s", async (_name, qs, start, end, until) => {
    const report = await settled(h, qs);
    expect(report.previous).toMatchObject({ range: { start, end }, until, pending: false });
    expect(report.previous!.totals).toEqual({
      ...comparisonTruth(h.sim, report.previous!),
      deliveryRate: expect.anything(),
    });
  });

  it("leaves out what was sent after the same time of day (not the whole day)", async () => {
    const report = await settled(h, "start=2026-04-29&end=2026-04-29");
    const whole = h.sim.truth("2026-04-28", "2026-04-28").totals;
    expect(report.previous!.totals!.orders).toBeLessThan(whole.orders);
    expect(report.previous!.totals!.orders).toBeGreaterThan(0);
  });

  it("compares with nothing for compare=none, and walks nothing for it", async () => {
    const fresh = harness({ ordersPerDay: 60 });
    const report = await fresh.engine.report(query("start=2026-04-01&end=2026-04-10&compare=none"));
    await fresh.engine.whenIdle();
    expect(report.previous).toBeNull();
    const calls = fresh.sim.stats().requests;
    const again = await fresh.engine.report(query("start=2026-04-01&end=2026-04-10&compare=none"));
    expect(again.previous).toBeNull();
    expect(fresh.sim.stats().requests).toBe(calls);
  });

  it("refuses an unknown compare with a message naming the choices", () => {
    expect(() => query("compare=lastweek")).toThrow(/compare must be one of previous, year, none/);
  });
});

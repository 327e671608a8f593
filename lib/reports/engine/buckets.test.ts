// Buckets and the heatmap against the simulator's truth (its clock: 29 April 2026, 12:00).
import { describe, expect, it } from "vitest";
import { addDays, bucketStart, defaultBucket, eachDay, type Bucket } from "@/lib/dates";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { harness } from "@/lib/testing/harness";

const TODAY = "2026-04-29";
const query = (qs: string) =>
  parseReportQuery(new URLSearchParams(qs), { today: TODAY, maxRangeDays: 366 });
const FIELDS = ["orders", "messages", "delivered", "undelivered", "waiting"] as const;

describe("buckets and heatmap", () => {
  const h = harness({ ordersPerDay: 30 });

  it.each([
    ["2025-04-30", "2026-04-29", "week"],
    ["2025-04-30", "2026-04-29", "month"],
    ["2026-02-25", "2026-03-03", "week"], // a week across 29 February's absence (2026 is not leap)
    ["2026-01-01", "2026-04-29", "day"],
  ] as const)("%s..%s by %s sums to the daily truth", async (start, end, bucket) => {
    const answer = await h.engine.report(query(`start=${start}&end=${end}&bucket=${bucket}`));
    const truth = h.sim.truth(start, end);
    expect(answer.bucket).toBe(bucket);
    // Every bucket is named by its first day and holds the range's days that fall in it.
    const want = new Map<string, { days: number } & Record<(typeof FIELDS)[number], number>>();
    for (const day of truth.series) {
      const key = bucketStart(day.date, bucket);
      const w = want.get(key) ?? {
        days: 0,
        orders: 0,
        messages: 0,
        delivered: 0,
        undelivered: 0,
        waiting: 0,
      };
      w.days++;
      for (const f of FIELDS) w[f] += day[f];
      want.set(key, w);
    }
    expect(answer.series.map((p) => p.date)).toEqual([...want.keys()]);
    for (const p of answer.series) expect(p).toEqual({ date: p.date, ...want.get(p.date) });
    expect(answer.series.reduce((s, p) => s + p.days, 0)).toBe(eachDay({ start, end }).length);
    for (const f of FIELDS)
      expect(
        answer.series.reduce((s, p) => s + p[f], 0),
        f,
      ).toBe(truth.totals[f]);
  });

  it("weeks start on Monday and months on the 1st, the first one before the range when it starts mid-way", async () => {
    const answer = await h.engine.report(query("start=2026-03-04&end=2026-04-29&bucket=week"));
    // 4 March 2026 is a Wednesday: its week began on Monday 2 March.
    expect(answer.series[0]).toMatchObject({ date: "2026-03-02", days: 5 });
    for (const p of answer.series) expect(new Date(`${p.date}T00:00:00Z`).getUTCDay()).toBe(1);
    // 29 April 2026 is a Wednesday: the last week holds 3 of the range's days.
    expect(answer.series.at(-1)).toMatchObject({ date: "2026-04-27", days: 3 });
    const months = await h.engine.report(query("start=2026-01-15&end=2026-04-29&bucket=month"));
    expect(months.series.map((p) => [p.date, p.days])).toEqual([
      ["2026-01-01", 17],
      ["2026-02-01", 28],
      ["2026-03-01", 31],
      ["2026-04-01", 29],
    ]);
  });

  it.each([
    [62, "day"],
    [63, "week"],
    [200, "week"],
    [201, "month"],
    [366, "month"],
  ] as const)("a %s-day range is grouped by %s unless asked", async (days, bucket) => {
    const start = addDays(TODAY, -(days - 1));
    expect(defaultBucket({ start, end: TODAY })).toBe(bucket);
    const answer = await h.engine.report(query(`start=${start}&end=${TODAY}`));
    expect(answer.bucket).toBe(bucket);
  });

  it("the heatmap's 168 cells sum to the totals, by Istanbul weekday and hour of submitAt", async () => {
    const start = "2026-03-30";
    const answer = await h.engine.report(query(`start=${start}&end=${TODAY}`));
    expect(answer.heatmap).toHaveLength(168);
    for (const f of FIELDS)
      expect(
        answer.heatmap.reduce((s, c) => s + c[f], 0),
        f,
      ).toBe(answer.totals[f]);
    // Each order in its own cell, counted from the simulator's timestamps.
    const cells = new Array<number>(168).fill(0);
    for (const o of h.sim.orders(start, TODAY)) {
      const weekday = (new Date(`${o.submitAt.slice(0, 10)}T00:00:00Z`).getUTCDay() + 6) % 7;
      cells[weekday * 24 + Number(o.submitAt.slice(11, 13))]! += o.total;
    }
    expect(answer.heatmap.map((c) => c.messages)).toEqual(cells);
    expect(answer.heatmap.slice(0, 2).map((c) => [c.weekday, c.hour])).toEqual([
      [0, 0],
      [0, 1],
    ]);
  });

  it("weekday and hour filter every number but the heatmap, which keeps every cell pickable", async () => {
    const base = await h.engine.report(query("start=2026-03-30&end=2026-04-29"));
    const cell = base.heatmap.find((c) => c.weekday === 1 && c.hour === 10)!;
    expect(cell.orders).toBeGreaterThan(0);
    const one = await h.engine.report(query("start=2026-03-30&end=2026-04-29&weekday=1&hour=10"));
    expect(one.totals).toMatchObject({
      orders: cell.orders,
      messages: cell.messages,
      delivered: cell.delivered,
    });
    expect(one.heatmap).toEqual(base.heatmap);
    expect(one.orders.total).toBe(cell.orders);
    for (const o of one.orders.items) {
      expect(o.submitAt.slice(11, 13)).toBe("10");
      expect(new Date(`${o.submitAt.slice(0, 10)}T00:00:00Z`).getUTCDay()).toBe(2); // Tuesday
    }
    // A whole weekday row: the days of the series that are Tuesdays carry every order.
    const tuesdays = await h.engine.report(query("start=2026-03-30&end=2026-04-29&weekday=1"));
    const row = base.heatmap.filter((c) => c.weekday === 1).reduce((s, c) => s + c.orders, 0);
    expect(tuesdays.totals.orders).toBe(row);
    for (const p of tuesdays.series)
      if (new Date(`${p.date}T00:00:00Z`).getUTCDay() !== 2) expect(p.orders).toBe(0);
  });

  it("rejects a bucket, weekday or hour it does not know with a sentence", () => {
    const bad = (qs: string) => () => query(qs);
    expect(bad("bucket=year")).toThrow(/bucket must be one of day, week, month/);
    expect(bad("weekday=7")).toThrow(/weekday must be a list of weekdays from 0 \(Monday\)/);
    expect(bad("hour=24")).toThrow(/hour must be a list of hours from 0 to 23/);
    expect(bad("hour=9.5")).toThrow(/hour/);
  });
});

describe("bucketStart", () => {
  it.each([
    ["2026-03-01", "week", "2026-02-23"], // a Sunday belongs to the week before
    ["2026-03-02", "week", "2026-03-02"],
    ["2024-03-01", "week", "2024-02-26"], // across 29 February 2024
    ["2027-01-01", "week", "2026-12-28"], // across a new year
    ["2024-02-29", "month", "2024-02-01"],
    ["2026-12-31", "day", "2026-12-31"],
  ] as const)("%s by %s starts on %s", (date, bucket: Bucket, want) => {
    expect(bucketStart(date, bucket)).toBe(want);
  });
});

// The upstream call counts the engine promises (docs/performance.md), counted per request by the
// simulator's own fault hook: deterministic, no timing involved.
import { describe, expect, it } from "vitest";
import { addDays, splitWindows, type DateRange } from "@/lib/dates";
import type { FaultContext } from "@/lib/simulator";
import { comparisonTruth, harness } from "@/lib/testing/harness";
import { parseReportQuery } from "@/lib/reports/contract/report-query";

const TODAY = "2026-04-29";
const PAGE = 30;

const query = (qs: string) =>
  parseReportQuery(new URLSearchParams(qs), { today: TODAY, maxRangeDays: 366 });

/** A harness whose simulator records every get-reports request it answers. */
function counted(concurrency: number, ordersPerDay = 90) {
  const calls: FaultContext[] = [];
  const h = harness(
    {
      ordersPerDay,
      latencyMs: 1,
      fault: (ctx) => {
        if (ctx.endpoint === "get-reports") calls.push(ctx);
        return null;
      },
    },
    { concurrency },
  );
  return { ...h, calls };
}

/** Pages a window really has: its non-empty pages plus the empty one that ends the walk. */
function needed(h: ReturnType<typeof counted>, w: DateRange): number {
  return Math.ceil(h.sim.orders(w.start, w.end).length / PAGE) + 1;
}

describe("upstream call counts", () => {
  it.each([1, 2, 4, 8])(
    "wastes at most concurrency − 1 speculative calls in every window (concurrency %i)",
    async (c) => {
      const h = counted(c);
      const range = { start: "2026-01-01", end: "2026-04-20" };
      await h.ordersIn(range);
      const windows = splitWindows(range);
      expect(windows.length).toBe(11);
      let waste = 0;
      for (const w of windows) {
        const mine = h.calls.filter((x) => x.start === w.start && x.end === w.end);
        const pages = mine.map((x) => x.page).sort((a, b) => a - b);
        const need = needed(h, w);
        // Every page up to the empty one is asked for exactly once...
        expect(pages.slice(0, need)).toEqual(Array.from({ length: need }, (_, i) => i + 1));
        // ...and no more than c − 1 beyond it.
        expect(pages.length - need).toBeGreaterThanOrEqual(0);
        expect(pages.length - need).toBeLessThanOrEqual(c - 1);
        waste += pages.length - need;
      }
      // Nothing outside the range's windows was asked for.
      expect(h.calls.length).toBe(windows.reduce((n, w) => n + needed(h, w), 0) + waste);
    },
  );

  it("asks for no page at all of a settled window on a second report, with or without refresh", async () => {
    const h = counted(4);
    const qs = "start=2026-02-01&end=2026-04-10";
    const first = await h.engine.report(query(qs));
    await h.engine.whenIdle(); // the comparison's walk
    expect(h.calls.length).toBeGreaterThan(0);
    h.calls.length = 0;
    const second = await h.engine.report(query(qs));
    expect(h.calls).toEqual([]);
    expect(second.totals).toEqual(first.totals);
    await h.engine.report(query(`${qs}&refresh=1`));
    await h.engine.exportReport(query(qs));
    expect(h.calls).toEqual([]);
    // A range that overlaps the cached one walks only the days it adds.
    await h.ordersIn({ start: "2026-04-01", end: "2026-04-15" });
    expect(new Set(h.calls.map((x) => `${x.start}..${x.end}`))).toEqual(
      new Set(["2026-04-11..2026-04-15"]),
    );
  });

  it("re-walks only the unsettled days (yesterday and today) on refresh", async () => {
    const h = counted(4);
    await h.engine.report(query(`start=${addDays(TODAY, -20)}&end=${TODAY}`));
    await h.engine.whenIdle();
    h.calls.length = 0;
    await h.engine.report(query(`start=${addDays(TODAY, -20)}&end=${TODAY}&refresh=1`));
    const windows = new Set(h.calls.map((x) => `${x.start}..${x.end}`));
    expect(windows).toEqual(new Set([`${addDays(TODAY, -1)}..${TODAY}`]));
  });

  it("lets ten identical concurrent requests share one walk", async () => {
    const qs = "start=2026-02-01&end=2026-04-20";
    const one = counted(4);
    const single = await one.engine.report(query(qs));
    const ten = counted(4);
    const reports = await Promise.all(
      Array.from({ length: 10 }, () => ten.engine.report(query(qs))),
    );
    await Promise.all([one.engine.whenIdle(), ten.engine.whenIdle()]);
    expect(ten.calls.length).toBe(one.calls.length);
    // The same pages, each asked for once (the walk is shared, not repeated).
    const key = (x: FaultContext) => `${x.start}..${x.end}#${x.page}`;
    expect(new Set(ten.calls.map(key)).size).toBe(ten.calls.length);
    expect(ten.calls.map(key).sort()).toEqual(one.calls.map(key).sort());
    for (const r of reports)
      expect({ ...r, generatedAt: "" }).toEqual({ ...single, generatedAt: "" });
  });

  it("answers with the range's own walk; the comparison is walked after it, then filled in", async () => {
    const h = counted(4);
    const range = { start: "2026-03-01", end: "2026-04-20" };
    const first = await h.engine.report(query(`start=${range.start}&end=${range.end}`));
    expect(first.previous).toMatchObject({ totals: null, pending: true });
    await h.engine.whenIdle();
    const inRange = (x: FaultContext) => (x.start as string) >= range.start;
    const lastOwn = h.calls.findLastIndex(inRange);
    const firstPrevious = h.calls.findIndex((x) => !inRange(x));
    expect(firstPrevious).toBeGreaterThan(lastOwn);
    const second = await h.engine.report(query(`start=${range.start}&end=${range.end}`));
    const truth = comparisonTruth(h.sim, second.previous!);
    expect(second.previous).toMatchObject({ totals: truth, pending: false });
    expect({ ...second, previous: null, generatedAt: "" }).toEqual({
      ...first,
      previous: null,
      generatedAt: "",
    });
  });

  it("lets overlapping concurrent requests share the days they have in common", async () => {
    const h = counted(4);
    await Promise.all([
      h.ordersIn({ start: "2026-03-01", end: "2026-03-31" }),
      h.ordersIn({ start: "2026-03-11", end: "2026-03-20" }),
      h.ordersIn({ start: "2026-03-01", end: "2026-03-10" }),
    ]);
    const key = (x: FaultContext) => `${x.start}..${x.end}#${x.page}`;
    expect(new Set(h.calls.map(key)).size).toBe(h.calls.length);
    expect(new Set(h.calls.map((x) => x.start))).toEqual(
      new Set(["2026-03-01", "2026-03-11", "2026-03-21", "2026-03-31"]),
    );
  });
});

import { describe, expect, it } from "vitest";
import { addDays, splitWindows } from "@/lib/dates";
import { UpstreamError } from "@/lib/iletimerkezi/errors";
import type { SimulatorOptions } from "@/lib/simulator";
import { comparisonTruth, harness } from "@/lib/testing/harness";
import { parseReportQuery } from "@/lib/reports/contract/report-query";

const TODAY = "2026-04-29";

function query(qs: string) {
  return parseReportQuery(new URLSearchParams(qs), { today: TODAY, maxRangeDays: 366 });
}

function rangeOf(days: number, end = TODAY) {
  return { start: addDays(end, -(days - 1)), end };
}

async function expectTruth(h: ReturnType<typeof harness>, days: number, end = TODAY) {
  const { start } = rangeOf(days, end);
  let report = await h.engine.report(query(`start=${start}&end=${end}&pageSize=500&bucket=day`));
  const truth = h.sim.truth(start, end);
  const { deliveryRate: _rate, ...totals } = report.totals;
  expect(totals).toEqual(truth.totals);
  expect(report.series).toEqual(truth.series.map((p) => ({ ...p, days: 1 })));
  expect(report.orders.total).toBe(truth.totals.orders);
  // An answer does not wait for the previous period; once its walk is done, it is there.
  if (report.previous?.pending) {
    expect(report.previous.totals).toBeNull();
    await h.engine.whenIdle();
    report = await h.engine.report(query(`start=${start}&end=${end}&pageSize=500&bucket=day`));
  }
  const prev = comparisonTruth(h.sim, report.previous!);
  expect(report.previous).toMatchObject({ totals: prev, pending: false });
  return report;
}

const KNOBS: Array<[string, Partial<SimulatorOptions>]> = [
  ["page size 7", { pageSize: 7 }],
  ["page size 100", { pageSize: 100 }],
  ["count as range total", { countMode: "total" }],
  ["strict gap rule (≤ 9 days)", { maxGapDays: 9 }],
  ["HTTP status not mirrored", { mirrorHttpStatus: false }],
  ["numbers as strings", { numbersAsStrings: true }],
  ["newest first", { sort: "desc" }],
  ["shuffled", { sort: "shuffled" }],
  ["an order repeated across page boundaries", { duplicateAcrossPages: true }],
  ["latency with jitter", { latencyMs: 2, jitterMs: 2 }],
  ["a far larger first page", { oversizedPage: 95 }],
  // Every 5th request fails transiently; retries must recover every one of them.
  [
    "503 bursts",
    { fault: ({ requestNumber }) => (requestNumber % 5 === 0 ? "unavailable" : null) },
  ],
  ["HTTP 500s", { fault: ({ requestNumber }) => (requestNumber % 6 === 0 ? "http500" : null) }],
  ["timeouts", { fault: ({ requestNumber }) => (requestNumber % 40 === 0 ? "timeout" : null) }],
];

describe("report engine against the simulator's truth", () => {
  it.each([1, 10, 11, 95, 366])("matches the truth for a %i-day range", async (days) => {
    await expectTruth(harness({ ordersPerDay: 60 }), days);
  });

  it.each(KNOBS)(
    "matches the truth with %s for 1, 10, 11, 95 and 366 days",
    async (_name, knob) => {
      for (const days of [1, 10, 11, 95, 366]) {
        // A fresh engine per range: every range is walked cold, under the knob.
        const h = harness({ ordersPerDay: 20, ...knob }, { timeoutMs: 300 });
        await expectTruth(h, days);
      }
    },
  );

  it("matches the truth over a year with a small page size and duplicates", async () => {
    await expectTruth(
      harness({ ordersPerDay: 40, pageSize: 20, duplicateAcrossPages: true, sort: "desc" }),
      366,
    );
  });

  it("counts an order repeated across pages once", async () => {
    const h = harness({ duplicateAcrossPages: true });
    const report = await expectTruth(h, 10);
    const ids = (await h.ordersIn(rangeOf(10))).map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(report.orders.total).toBe(ids.length);
  });

  it("splits a window the upstream calls too long (458) and recovers", async () => {
    const h = harness({ maxGapDays: 3 });
    await expectTruth(h, 30);
    expect(h.logs.some((l) => l.event === "window_split")).toBe(true);
    // Later windows use the narrower size straight away: no more 458s after learning.
    const splitsBefore = h.logs.filter((l) => l.event === "window_split").length;
    await expectTruth(h, 30, "2026-02-20");
    expect(h.logs.filter((l) => l.event === "window_split").length).toBe(splitsBefore);
  });

  it("fails the report when one window keeps failing, and caches nothing partial", async () => {
    const h = harness(
      { fault: ({ start }) => (start === "2026-04-10" ? "unavailable" : null) },
      { failureBackoffMs: 50 },
    );
    const q = query("start=2026-04-10&end=2026-04-29");
    const error = await h.engine.report(q).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UpstreamError);
    expect((error as UpstreamError).kind).toBe("unavailable");
    h.sim.set({ fault: undefined });
    await new Promise((r) => setTimeout(r, 60)); // the failed window's back-off
    await expectTruth(h, 20);
  });

  it.each([
    ["401 in the middle of a walk", { code: 401 }, "auth"],
    ["malformed JSON", "malformed", "unavailable"],
  ] as const)("fails the report on %s", async (_name, fault, kind) => {
    const h = harness({ fault: ({ page }) => (page === 3 ? fault : null) });
    const error = await h.engine
      .report(query("start=2026-04-01&end=2026-04-29"))
      .catch((e: unknown) => e);
    expect((error as UpstreamError).kind).toBe(kind);
  });

  it("detects endless paging instead of looping", async () => {
    const h = harness({ endlessPaging: true });
    const error = await h.engine
      .report(query("start=2026-04-20&end=2026-04-22"))
      .catch((e: unknown) => e);
    expect((error as UpstreamError).kind).toBe("bad_response");
    expect((error as Error).message).toMatch(/same page twice/);
  });

  it("never exceeds the concurrency limit", async () => {
    const h = harness({ latencyMs: 3, jitterMs: 2 }, { concurrency: 3 });
    await expectTruth(h, 60);
    expect(h.sim.stats().maxInFlight).toBe(3);
  });

  it("wastes at most concurrency − 1 speculative calls per window", async () => {
    for (const concurrency of [1, 4, 8]) {
      const h = harness({ ordersPerDay: 80 }, { concurrency });
      const range = rangeOf(95, "2026-04-20");
      await h.ordersIn(range);
      const windows = splitWindows(range);
      // The minimum: every non-empty page once, plus one empty page per window.
      const needed = windows.reduce(
        (n, w) => n + Math.ceil(h.sim.orders(w.start, w.end).length / 30) + 1,
        0,
      );
      const calls = h.sim.stats().requests;
      expect(calls).toBeGreaterThanOrEqual(needed);
      expect(calls - needed).toBeLessThanOrEqual(windows.length * (concurrency - 1));
    }
  });

  it("makes no upstream call for settled windows on a second report", async () => {
    const h = harness();
    await expectTruth(h, 30, "2026-04-20");
    h.sim.resetStats();
    await expectTruth(h, 30, "2026-04-20");
    expect(h.sim.stats().requests).toBe(0);
    // refresh=1 re-fetches only what is unsettled: nothing here.
    await h.engine.report(query("start=2026-03-22&end=2026-04-20&refresh=1"));
    expect(h.sim.stats().requests).toBe(0);
  });

  it("re-fetches only the unsettled days on refresh", async () => {
    const h = harness();
    const q = query("start=2026-04-10&end=2026-04-29");
    await h.engine.report(q);
    await h.engine.whenIdle();
    h.sim.resetStats();
    await h.engine.report(q);
    expect(h.sim.stats().requests).toBe(0); // within the minute
    await h.engine.report({ ...q, refresh: true });
    const calls = h.sim.stats().requests;
    expect(calls).toBeGreaterThan(0);
    // Only the last days (today, yesterday: not yet settled) are walked again.
    const recent = h.sim.orders("2026-04-28", "2026-04-29").length;
    expect(calls).toBeLessThanOrEqual(Math.ceil(recent / 30) + 4);
  });

  it("shares one walk between identical concurrent requests", async () => {
    const one = harness({ latencyMs: 2 });
    await one.engine.report(query("start=2026-03-01&end=2026-04-29"));
    await one.engine.whenIdle();
    const single = one.sim.stats().requests;

    const ten = harness({ latencyMs: 2 });
    const q = query("start=2026-03-01&end=2026-04-29");
    const reports = await Promise.all(Array.from({ length: 10 }, () => ten.engine.report(q)));
    await ten.engine.whenIdle();
    expect(ten.sim.stats().requests).toBe(single);
    for (const r of reports) expect(r.totals).toEqual(reports[0]!.totals);
  });

  it("reports progress by window while loading", async () => {
    const h = harness({ latencyMs: 2 });
    const q = query("start=2026-01-01&end=2026-04-29");
    const pending = h.engine.report(q);
    await new Promise((r) => setTimeout(r, 30));
    const during = await h.engine.progress(q);
    expect(during.active).toBe(true);
    expect(during.windows.total).toBe(splitWindows(q).length); // the range (its comparison comes after)
    expect(during.windows.done).toBeLessThan(during.windows.total);
    await pending;
    const after = await h.engine.progress(q);
    expect(after).toEqual({
      active: false,
      windows: { total: during.windows.total, done: during.windows.total },
    });
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import type { ReportResponse } from "@/lib/reports/contract/types";

function report(over: Partial<ReportResponse> = {}): ReportResponse {
  return {
    range: { start: "2026-01-01", end: "2026-12-31" },
    generatedAt: "2026-12-31T10:00:00.000Z",
    provisional: false,
    totals: {
      orders: 3,
      messages: 9,
      delivered: 7,
      undelivered: 1,
      waiting: 1,
      deliveryRate: 0.875,
    },
    previous: null,
    bucket: "month",
    series: [
      {
        date: "2026-01-01",
        days: 31,
        orders: 1,
        messages: 4,
        delivered: 3,
        undelivered: 1,
        waiting: 0,
      },
      {
        date: "2026-02-01",
        days: 28,
        orders: 2,
        messages: 5,
        delivered: 4,
        undelivered: 0,
        waiting: 1,
      },
    ],
    senders: [],
    statuses: { 113: 1, 114: 2, 115: 0 },
    heatmap: [],
    orders: { total: 3, page: 1, pageSize: 50, items: [] },
    ...over,
  } as unknown as ReportResponse;
}

describe("shareReport", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it("keeps the identity of parts equal to the last answer, and takes the changed ones", async () => {
    vi.stubGlobal("window", {});
    const { shareReport } = await import("./share-report");
    const first = shareReport(report());
    // A sort: other rows and another generatedAt, the same series, totals and statuses.
    const sortedRaw = report({
      generatedAt: "2026-12-31T10:00:01.000Z",
      orders: { total: 3, page: 1, pageSize: 50, items: [{ id: 7 } as never] },
    });
    const sorted = shareReport(sortedRaw);
    expect(sorted.series).toBe(first.series);
    expect(sorted.totals).toBe(first.totals);
    expect(sorted.statuses).toBe(first.statuses);
    expect(sorted.range).toBe(first.range);
    expect(sorted.orders).not.toBe(first.orders);
    expect(sorted.orders).toEqual(sortedRaw.orders);
    expect(sorted.generatedAt).toBe("2026-12-31T10:00:01.000Z");
    // The same answer again (react-query calls select per render): the same object.
    expect(shareReport(sortedRaw)).toBe(sorted);

    // A filter: new totals and one changed point; the unchanged point is kept.
    const filteredRaw = report({
      totals: { ...report().totals, orders: 2 },
      series: [report().series[0]!, { ...report().series[1]!, orders: 1 }],
    });
    const filtered = shareReport(filteredRaw);
    expect(filtered.totals).not.toBe(sorted.totals);
    expect(filtered.totals.orders).toBe(2);
    expect(filtered.series).not.toBe(sorted.series);
    expect(filtered.series[0]).toBe(sorted.series[0]);
    expect(filtered.series[1]).toEqual(filteredRaw.series[1]);
    expect(filtered).toEqual(filteredRaw);
  });

  it("keeps nothing on the server", async () => {
    const { shareReport } = await import("./share-report");
    const a = report();
    const b = report();
    expect(shareReport(a)).toBe(a);
    expect(shareReport(b)).toBe(b);
    expect(shareReport(b).series).not.toBe(a.series);
  });
});

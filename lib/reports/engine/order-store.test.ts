// The loader's bookkeeping: callers in one process share a load from the moment it starts (also
// while its claims are on their way to the store), and fail with it when it fails.
import { describe, expect, it } from "vitest";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import type { DayClaims } from "@/lib/store/day-claims";
import type { DayArchive } from "@/lib/store/settled-days";
import { harness } from "@/lib/testing/harness";

const query = (qs: string) =>
  parseReportQuery(new URLSearchParams(qs), { today: "2026-04-29", maxRangeDays: 366 });

/** Claims that take their time and grant everything, as a slow store would. */
const slowClaims: DayClaims = {
  claim: async (days) => {
    await new Promise((r) => setTimeout(r, 60));
    return [...days];
  },
  renew: async () => {},
  release: async () => {},
};

describe("the order loader", () => {
  it("lets a caller that arrives during the claim's round trip wait for that load", async () => {
    const h = harness({ ordersPerDay: 30 }, { claims: slowClaims });
    const q = query("start=2026-03-01&end=2026-03-25");
    const first = h.engine.report(q);
    await new Promise((r) => setTimeout(r, 20));
    const second = h.engine.report(q);
    const [a, b] = await Promise.all([first, second]);
    const truth = h.sim.truth("2026-03-01", "2026-03-25").totals.orders;
    expect(a.totals.orders).toBe(truth);
    expect(b.totals.orders).toBe(truth);
    await h.engine.whenIdle();
    const pages = h.sim.stats().requests;
    const solo = harness({ ordersPerDay: 30 });
    await solo.engine.report(q);
    await solo.engine.whenIdle();
    expect(pages).toBe(solo.sim.stats().requests);
  });

  it("fails every caller of a load that fails, never answering with days missing", async () => {
    const h = harness(
      { fault: ({ start }) => (start === "2026-03-11" ? "unavailable" : null) },
      { claims: slowClaims },
    );
    const q = query("start=2026-03-01&end=2026-03-25");
    const first = h.engine.report(q);
    await new Promise((r) => setTimeout(r, 20));
    const results = await Promise.allSettled([first, h.engine.report(q), h.engine.report(q)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected", "rejected"]);
  });

  it("still walks yesterday and today again on refresh when claims and a store are in use", async () => {
    const rows = new Map<string, Parameters<DayArchive["write"]>[1]>();
    const archive: DayArchive = {
      read: async (days, freshSince) =>
        new Map(
          days.flatMap((d) => {
            const row = rows.get(d);
            return row && (row.settled || row.fetchedAt >= freshSince) ? [[d, row] as const] : [];
          }),
        ),
      write: async (day, row) => void rows.set(day, row),
    };
    const h = harness({ ordersPerDay: 30 }, { claims: slowClaims, archive });
    const q = query("start=2026-04-20&end=2026-04-29");
    await h.engine.report(q);
    await h.engine.whenIdle();
    h.sim.resetStats();
    await h.engine.report({ ...q, refresh: true });
    expect(h.sim.stats().requests).toBeGreaterThan(0);
  });

  it("fails a window that just failed at once, without a call, until its back-off ends", async () => {
    const h = harness(
      { fault: ({ start }) => (start === "2026-03-11" ? "unavailable" : null) },
      { failureBackoffMs: 300 },
    );
    const q = query("start=2026-03-11&end=2026-03-20");
    const first = await h.engine.report(q).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(Error);
    const calls = h.sim.stats().requests;
    const again = await h.engine.report(q).catch((e: unknown) => e);
    expect(again).toBe(first);
    expect(h.sim.stats().requests).toBe(calls);
    await new Promise((r) => setTimeout(r, 350));
    h.sim.set({ fault: undefined });
    const healed = await h.engine.report(q);
    expect(healed.totals.orders).toBe(h.sim.truth("2026-03-11", "2026-03-20").totals.orders);
    expect(h.sim.stats().requests).toBeGreaterThan(calls);
  });
});

// Bounded upstream work as the API answers it: a hostile upstream that invents orders forever,
// the per-user admission limit, and the request deadline.
import { describe, expect, it } from "vitest";
import { pageCap } from "@/lib/reports/engine/walk";
import { errorOf, get, noParams, use } from "@/lib/testing/routes";
import { GET as reports } from "./reports/route";

const report = async (qs: string) => reports(await get(`/api/reports?${qs}`), noParams);

describe("bounded upstream work", () => {
  it("fails a range whose upstream pages forever with new orders, after a bounded number of calls", async () => {
    const h = use({ inventedPaging: true, ordersPerDay: 40 });
    const res = await report("start=2026-04-20&end=2026-04-20");
    expect(await errorOf(res)).toMatchObject({ status: 502, code: "upstream_rejected" });
    const calls = h.sim.stats().requests;
    // One day holds at most 5,000 orders: 167 pages of 30, plus one speculative batch.
    expect(calls).toBeLessThanOrEqual(pageCap({ start: "2026-04-20", end: "2026-04-20" }) + 4);
    // Asked again at once: the same answer, no new walk.
    const again = await report("start=2026-04-20&end=2026-04-20");
    expect((await errorOf(again)).code).toBe("upstream_rejected");
    expect(h.sim.stats().requests).toBe(calls);
  });

  it("stops the other windows of a range as soon as one fails that way", async () => {
    const h = use({ inventedPaging: true, ordersPerDay: 40 });
    const res = await report("start=2026-03-01&end=2026-04-19"); // five 10-day windows
    expect(res.status).toBe(502);
    await new Promise((r) => setTimeout(r, 300));
    // Two windows walk at a time, each stopped by its first day over 5,000 orders: its 400 real
    // orders (14 pages), then 167 invented pages, plus one speculative batch. The three windows
    // behind them never start.
    expect(h.sim.stats().requests).toBeLessThanOrEqual(2 * (14 + 167 + 4));
  });

  it("answers a user's fourth concurrent cold report with 429 too_many_reports and Retry-After", async () => {
    use({ latencyMs: 40 }, { concurrency: 2 });
    const ranges = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01"].map(
      (start) => `start=${start}&end=${start.slice(0, 8)}10`,
    );
    const first = ranges.slice(0, 3).map((qs) => report(qs));
    await new Promise((r) => setTimeout(r, 30));
    const res = await report(ranges[3]!);
    const error = await errorOf(res);
    expect(error).toMatchObject({ status: 429, code: "too_many_reports" });
    expect(error.message).toMatch(/You already have 3 reports loading/);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    for (const r of await Promise.all(first)) expect(r.status).toBe(200);
  });

  it("answers 504 upstream_unavailable when a report outlasts its deadline", async () => {
    use({ latencyMs: 40 }, { concurrency: 1, deadlineMs: 250 });
    const res = await report("start=2026-01-01&end=2026-03-31");
    const error = await errorOf(res);
    expect(error).toMatchObject({ status: 504, code: "upstream_unavailable" });
    expect(error.message).toMatch(/longer than 0 s|longer than \d+ s/);
  });
});

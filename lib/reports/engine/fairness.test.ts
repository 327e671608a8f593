// Fair, bounded upstream work against the simulator's latency: a small report while a year walks,
// walks nobody waits for, the per-user admission limit, and the request deadline.
import { afterEach, describe, expect, it } from "vitest";
import { addDays } from "@/lib/dates";
import { UpstreamError } from "@/lib/iletimerkezi/errors";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { harness } from "@/lib/testing/harness";
import { MAX_COLD_WALKS_PER_USER, TooManyReportsError } from "./admission";

const TODAY = "2026-04-29";
const query = (start: string, end: string) =>
  parseReportQuery(new URLSearchParams({ start, end }), { today: TODAY, maxRangeDays: 366 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const controllers: AbortController[] = [];
afterEach(() => {
  for (const c of controllers.splice(0)) c.abort();
});
function leaveable() {
  const c = new AbortController();
  controllers.push(c);
  return c;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

describe("fair upstream work", () => {
  it("keeps a cold 1-day report within 3× its solo time while another user's cold year walks", async () => {
    const h = harness({ latencyMs: 40 }, { concurrency: 4, abandonAfterMs: 200 });
    const day = (i: number) => addDays(TODAY, -3 - i);
    const solo: number[] = [];
    for (let i = 0; i < 3; i++) {
      const d = day(i);
      solo.push(await timed(() => h.engine.report(query(d, d), { user: "mehmet" })));
    }
    const year = leaveable();
    const walking = h.engine
      .report(query(addDays(TODAY, -365), addDays(TODAY, -30)), {
        user: "ayse",
        signal: year.signal,
      })
      .catch((e: unknown) => e);
    await sleep(300); // the year's windows fill the queue
    const busy: number[] = [];
    for (let i = 3; i < 6; i++) {
      const d = day(i);
      busy.push(await timed(() => h.engine.report(query(d, d), { user: "mehmet" })));
    }
    expect(h.sim.stats().inFlight).toBeGreaterThan(0); // the year was still walking
    expect(median(busy)).toBeLessThan(3 * median(solo));
    year.abort();
    await walking;
  });

  it("stops issuing calls for 20 ranges their users left, soon after the grace", async () => {
    const grace = 300;
    const h = harness({ latencyMs: 20 }, { concurrency: 4, abandonAfterMs: grace });
    const left: Promise<unknown>[] = [];
    for (let i = 0; i < 20; i++) {
      const end = addDays(TODAY, -40 - i * 10);
      const tab = leaveable();
      // Twenty users, each with one 30-day range (the admission limit is per user).
      const asked = h.engine.report(query(addDays(end, -29), end), {
        user: `user${i}`,
        signal: tab.signal,
      });
      left.push(asked.catch((e: unknown) => e));
      setTimeout(() => tab.abort(), 200);
    }
    await sleep(200 + grace + 500);
    const after = h.sim.stats().requests;
    await sleep(1000);
    // A call already sent may still land; no new batch goes out.
    expect(h.sim.stats().requests - after).toBeLessThanOrEqual(4);
    const outcomes = await Promise.all(left);
    expect(outcomes.every((o) => o instanceof Error)).toBe(true);
  });

  it("keeps a walk going while its range is polled, though the request that started it is gone", async () => {
    const h = harness({ latencyMs: 20 }, { concurrency: 2, abandonAfterMs: 300 });
    const q = query(addDays(TODAY, -89), addDays(TODAY, -60));
    const tab = leaveable();
    const first = h.engine.report(q, { user: "ayse", signal: tab.signal }).catch((e) => e);
    await sleep(100);
    tab.abort();
    // The browser is gone but its progress poll is not: the walk goes on to the end.
    let progress = await h.engine.progress(q);
    while (progress.active) {
      await sleep(100);
      progress = await h.engine.progress(q);
    }
    await first;
    expect(progress.windows.done).toBe(progress.windows.total);
    const calls = h.sim.stats().requests;
    const report = await h.engine.report(q, { user: "ayse" });
    expect(report.totals.orders).toBe(h.sim.truth(q.start, q.end).totals.orders);
    expect(h.sim.stats().requests).toBe(calls); // all of it was kept
  });

  it(`admits ${MAX_COLD_WALKS_PER_USER} cold reports per user at once; the next is refused, others' are not`, async () => {
    const h = harness({ latencyMs: 30 }, { concurrency: 2 });
    const ranges = Array.from({ length: MAX_COLD_WALKS_PER_USER + 1 }, (_, i) => {
      const end = addDays(TODAY, -10 - i * 20);
      return query(addDays(end, -9), end);
    });
    const running = ranges
      .slice(0, -1)
      .map((q) => h.engine.report(q, { user: "ayse" }).catch((e: unknown) => e));
    await sleep(20);
    const refused = await h.engine
      .report(ranges.at(-1)!, { user: "ayse" })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyReportsError);
    expect((refused as TooManyReportsError).retryAfterS).toBeGreaterThan(0);
    // Someone else, and a range ayse's own walks already cover, still go through.
    await expect(h.engine.report(ranges.at(-1)!, { user: "mehmet" })).resolves.toBeTruthy();
    await expect(h.engine.report(ranges[0]!, { user: "ayse" })).resolves.toBeTruthy();
    for (const r of await Promise.all(running)) expect(r).not.toBeInstanceOf(Error);
    // Once they are done, ayse may start another.
    await expect(h.engine.report(ranges.at(-1)!, { user: "ayse" })).resolves.toBeTruthy();
  });

  it("answers 504 at the deadline while the walk goes on, and the next request gets the numbers", async () => {
    const h = harness({ latencyMs: 30 }, { concurrency: 2, deadlineMs: 300, abandonAfterMs: 5000 });
    const q = query(addDays(TODAY, -59), addDays(TODAY, -30));
    const started = performance.now();
    const error = await h.engine.report(q, { user: "ayse" }).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(UpstreamError.is(error) && error.kind === "unavailable" && error.timedOut).toBe(true);
    expect((error as Error).message).toMatch(/goes on loading in the background/);
    let progress = await h.engine.progress(q);
    expect(progress.active).toBe(true);
    while (progress.active) {
      await sleep(100);
      progress = await h.engine.progress(q);
    }
    const report = await h.engine.report(q, { user: "ayse" });
    expect(report.totals.orders).toBe(h.sim.truth(q.start, q.end).totals.orders);
  });
});

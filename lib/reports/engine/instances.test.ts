// Several engines on one Postgres act as one: a day is walked by one of them however many ask at
// once, the account's budget holds across them, and a walker that died is taken over once its
// claims run out.
import { describe, expect, it } from "vitest";
import { eachDay } from "@/lib/dates";
import { silent } from "@/lib/log";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import type { FaultContext } from "@/lib/simulator";
import { dayClaims } from "@/lib/store/day-claims";
import { openStore, type Store } from "@/lib/store/open";
import { settledDays } from "@/lib/store/settled-days";
import { upstreamSlots } from "@/lib/store/upstream-slots";
import { walkProgress } from "@/lib/store/walk-progress";
import { harness } from "@/lib/testing/harness";
import { afterAllCleanups, freshSchema, postgresForTests } from "@/lib/testing/postgres";
import { CLAIM_LEASE_MS } from "./store-sync";

const hasPostgres = await postgresForTests();
const cleanup = afterAllCleanups();

const query = (qs: string) =>
  parseReportQuery(new URLSearchParams(qs), { today: "2026-04-29", maxRangeDays: 366 });

async function twoStores(): Promise<Store[]> {
  const { url, drop } = await freshSchema();
  cleanup(drop);
  const stores: Store[] = [];
  for (let i = 0; i < 2; i++) {
    const store = await openStore({ databaseUrl: url, dataDir: "unused", log: silent });
    cleanup(() => store.close());
    stores.push(store);
  }
  return stores;
}

const BUDGET = 4;

/** Two engines, each on its own store connection, one upstream; every get-reports call recorded. */
async function twoInstances() {
  const [a, b] = await twoStores();
  const calls: FaultContext[] = [];
  const fault = (ctx: FaultContext) => {
    if (ctx.endpoint === "get-reports") calls.push(ctx);
    return null;
  };
  const on = (store: Store, sim?: ReturnType<typeof harness>["sim"]) =>
    harness(
      { ordersPerDay: 60, latencyMs: 4, jitterMs: 3, fault },
      {
        sim,
        concurrency: BUDGET,
        archive: settledDays(store.db, "acct"),
        claims: dayClaims(store.db, "acct"),
        progress: walkProgress(store.db, "acct"),
        shared: upstreamSlots(store.db, {
          account: "acct",
          size: BUDGET,
          leaseMs: 10_000,
          log: silent,
        }),
      },
    );
  const one = on(a!);
  const two = on(b!, one.sim);
  return { one, two, calls, stores: [a!, b!] };
}

/** The windows asked for, each once, as day lists: no day may be in two of them. */
function daysWalkedTwice(calls: FaultContext[]): string[] {
  const windows = new Set(calls.map((c) => `${c.start}..${c.end}`));
  const seen = new Map<string, number>();
  for (const w of windows) {
    const [start, end] = w.split("..") as [string, string];
    for (const day of eachDay({ start, end })) seen.set(day, (seen.get(day) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > 1).map(([day]) => day);
}

describe.skipIf(!hasPostgres)("two engines on one Postgres", () => {
  it("walk identical and overlapping cold ranges once, within one budget, and agree", async () => {
    const { one, two, calls } = await twoInstances();
    const same = query("start=2026-02-01&end=2026-04-20");
    const [r1, r2] = await Promise.all([one.engine.report(same), two.engine.report(same)]);
    expect(r2.totals).toEqual(r1.totals);
    expect(r1.totals.orders).toBe(one.sim.truth("2026-02-01", "2026-04-20").totals.orders);
    const [o1, o2] = await Promise.all([
      one.engine.report(query("start=2025-10-01&end=2025-11-15")),
      two.engine.report(query("start=2025-10-20&end=2025-12-05")),
    ]);
    expect(o1.totals.orders).toBe(one.sim.truth("2025-10-01", "2025-11-15").totals.orders);
    expect(o2.totals.orders).toBe(one.sim.truth("2025-10-20", "2025-12-05").totals.orders);
    await Promise.all([one.engine.whenIdle(), two.engine.whenIdle()]);
    expect(daysWalkedTwice(calls)).toEqual([]);
    // Each engine alone may have BUDGET calls in flight; together they still had no more.
    expect(one.sim.stats().maxInFlight).toBeLessThanOrEqual(BUDGET);
    expect(one.sim.stats().maxInFlight).toBeGreaterThan(1);
  });

  it("takes over the days of a walker that died, once its claims run out", async () => {
    const { one, stores } = await twoInstances();
    const range = { start: "2026-03-01", end: "2026-03-20" };
    // A walker that claimed the range and then died: it never renews nor releases its claims.
    await dayClaims(stores[1]!.db, "acct").claim(eachDay(range), "dead-walker", CLAIM_LEASE_MS);
    const started = Date.now();
    const report = await one.engine.report(query(`start=${range.start}&end=${range.end}`));
    const took = Date.now() - started;
    expect(report.totals.orders).toBe(one.sim.truth(range.start, range.end).totals.orders);
    expect(took).toBeGreaterThanOrEqual(CLAIM_LEASE_MS - 300);
    expect(took).toBeLessThan(CLAIM_LEASE_MS + 4000);
  });

  it("shows a walk's progress on the other instance too", async () => {
    const { one, two } = await twoInstances();
    const q = query("start=2025-06-01&end=2025-09-30");
    const walking = one.engine.report(q);
    let seen = await two.engine.progress(q);
    for (let i = 0; i < 100 && !(seen.active && seen.windows.done > 0); i++) {
      await new Promise((r) => setTimeout(r, 20));
      seen = await two.engine.progress(q);
    }
    expect(seen.active).toBe(true);
    expect(seen.windows.total).toBe(13);
    expect(seen.windows.done).toBeGreaterThan(0);
    await walking;
    await one.engine.whenIdle();
    expect(await two.engine.progress(q)).toEqual({
      active: false,
      windows: { total: 13, done: 13 },
    });
  });
});

// Settled days outlive the engine: written through to the store as they settle, read back by the
// next engine before any upstream call. Both store engines.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silent } from "@/lib/log";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import type { FaultContext } from "@/lib/simulator";
import { openStore, type StoreConfig } from "@/lib/store/open";
import { settledDays, type DayArchive } from "@/lib/store/settled-days";
import { harness } from "@/lib/testing/harness";
import { afterAllCleanups, freshSchema, postgresForTests } from "@/lib/testing/postgres";

const hasPostgres = await postgresForTests();
const cleanup = afterAllCleanups();

const query = (qs: string) =>
  parseReportQuery(new URLSearchParams(qs), { today: "2026-04-29", maxRangeDays: 366 });

/** A harness on an archive, counting its get-reports calls. */
function counted(archive: DayArchive, freshTtlMs?: number) {
  const calls: FaultContext[] = [];
  const fault = (ctx: FaultContext) => {
    if (ctx.endpoint === "get-reports") calls.push(ctx);
    return null;
  };
  return { ...harness({ ordersPerDay: 60, fault }, { archive, freshTtlMs }), calls };
}

const ENGINES: [string, () => Promise<StoreConfig>, boolean][] = [
  [
    "embedded",
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), "imr-archive-"));
      cleanup(() => rmSync(dataDir, { recursive: true, force: true }));
      return { dataDir, log: silent };
    },
    true,
  ],
  [
    "postgres",
    async () => {
      const { url, drop } = await freshSchema();
      cleanup(drop);
      return { databaseUrl: url, dataDir: "unused", log: silent };
    },
    hasPostgres,
  ],
];

describe.each(ENGINES.filter(([, , on]) => on))("with the %s store", (_name, config) => {
  it("a new engine on the same store answers a settled range with no upstream call", async () => {
    const cfg = await config();
    const qs = "start=2026-01-20&end=2026-04-20&sort=-total&pageSize=100";
    const first = await openStore(cfg);
    const before = counted(settledDays(first.db, "acct"));
    const cold = await before.engine.report(query(qs));
    expect(before.calls.length).toBeGreaterThan(0);
    await first.close();

    const second = await openStore(cfg);
    const after = counted(settledDays(second.db, "acct"));
    const warm = await after.engine.report(query(qs));
    expect(after.calls).toEqual([]);
    expect(after.logs.filter((l) => l.event === "store_error")).toEqual([]);
    expect({ ...warm, generatedAt: "" }).toEqual({ ...cold, generatedAt: "" });
    // Another account on the same store has nothing there.
    const stranger = counted(settledDays(second.db, "other-acct"));
    await stranger.engine.report(query("start=2026-04-01&end=2026-04-05"));
    expect(stranger.calls.length).toBeGreaterThan(0);
    await second.close();
  });

  it("keeps settled days for good, and yesterday and today for their fresh minute only", async () => {
    const cfg = await config();
    const qs = "start=2026-04-15&end=2026-04-29";
    const first = await openStore(cfg);
    await counted(settledDays(first.db, "acct")).engine.report(query(qs));
    await first.close();
    const second = await openStore(cfg);
    // Within the minute: another engine (a restart, another instance) uses the fresh days too.
    const within = counted(settledDays(second.db, "acct"));
    await within.engine.report(query(qs));
    expect(within.calls).toEqual([]);
    // Once the minute is over, only the unsettled days are walked again.
    const later = counted(settledDays(second.db, "acct"), 0);
    await later.engine.report(query(qs));
    expect(new Set(later.calls.map((c) => `${c.start}..${c.end}`))).toEqual(
      new Set(["2026-04-28..2026-04-29"]),
    );
    await second.close();
  });
});

describe("when the store fails", () => {
  it("answers from the upstream, logs the failure, and walks a day whose bytes are unreadable", async () => {
    const broken: DayArchive = {
      read: async () =>
        new Map([
          [
            "2026-04-02",
            { data: new Uint8Array([1, 2, 3]), orders: 1, settled: true, fetchedAt: 1 },
          ],
        ]),
      write: async () => {
        throw new Error("connection terminated");
      },
    };
    const h = counted(broken);
    const report = await h.engine.report(query("start=2026-04-01&end=2026-04-03"));
    expect(report.totals.orders).toBe(h.sim.truth("2026-04-01", "2026-04-03").totals.orders);
    expect(h.logs.filter((l) => l.event === "store_error").map((l) => l.op)).toEqual(
      expect.arrayContaining(["decode", "write"]),
    );
    const down: DayArchive = {
      read: async () => {
        throw new Error("connection refused");
      },
      write: async () => {},
    };
    const h2 = counted(down);
    const again = await h2.engine.report(query("start=2026-04-01&end=2026-04-03"));
    expect(again.totals).toEqual(report.totals);
  });
});

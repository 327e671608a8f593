// Labels as two report engines see them: set through one instance's store, the other's next
// report shows them (one Postgres); kept across a restart (the embedded store reopened).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silent } from "@/lib/log";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { labelCache } from "@/lib/store/label-cache";
import { labelStore } from "@/lib/store/labels";
import { openStore, type Store } from "@/lib/store/open";
import { harness } from "@/lib/testing/harness";
import { afterAllCleanups, freshSchema, postgresForTests } from "@/lib/testing/postgres";

const hasPostgres = await postgresForTests();
const cleanup = afterAllCleanups();
const ACCOUNT = "acct-labels";
const query = (qs: string) =>
  parseReportQuery(new URLSearchParams(qs), { today: "2026-04-29", maxRangeDays: 366 });
const RANGE = "start=2026-04-20&end=2026-04-27";

/** An engine on `sim` (or a new simulator) reading its labels from `store`. */
const engineOn = (store: Store, sim?: ReturnType<typeof harness>["sim"]) =>
  harness({ ordersPerDay: 25 }, { sim, labels: labelCache(labelStore(store.db, ACCOUNT)) });

describe.runIf(hasPostgres)("labels across instances on one Postgres", () => {
  it("a label set on one instance is in the other's next report, totals and campaigns", async () => {
    const { url, drop } = await freshSchema();
    cleanup(drop);
    const one = await openStore({ databaseUrl: url, dataDir: "unused", log: silent });
    const two = await openStore({ databaseUrl: url, dataDir: "unused", log: silent });
    cleanup(() => Promise.all([one.close(), two.close()]));
    const a = engineOn(one);
    const b = engineOn(two, a.sim);
    const before = await b.engine.report(query(`${RANGE}&pageSize=20`));
    expect(before.campaigns.map((c) => c.label)).toEqual([null]);

    const ids = before.orders.items.slice(0, 7).map((o) => o.id);
    await labelStore(one.db, ACCOUNT).setMany(ids, "Bayram 2026", { by: "ali", at: 1 });
    const after = await b.engine.report(query(`${RANGE}&label=Bayram 2026&pageSize=20`));
    expect(after.orders.items.map((o) => o.id).sort()).toEqual([...ids].sort());
    const all = await b.engine.report(query(RANGE));
    expect(all.campaigns.find((c) => c.label === "Bayram 2026")?.orders).toBe(7);
    // And back: removed on the second instance, gone from the first's next report.
    await labelStore(two.db, ACCOUNT).set(ids[0]!, null, { by: "ali", at: 2 });
    const onA = await a.engine.report(query(`${RANGE}&label=Bayram 2026`));
    expect(onA.totals.orders).toBe(6);
  });
});

describe("labels across a restart (embedded store)", () => {
  it("a report after reopening the store has the labels set before", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "imr-labels-restart-"));
    cleanup(() => rmSync(dataDir, { recursive: true, force: true }));
    const first = await openStore({ dataDir, log: silent });
    const h = engineOn(first);
    const r = await h.engine.report(query(`${RANGE}&pageSize=5`));
    const ids = r.orders.items.map((o) => o.id);
    await labelStore(first.db, ACCOUNT).setMany(ids, "Kasım OTP", { by: "ali", at: 1 });
    await first.close();

    const again = await openStore({ dataDir, log: silent });
    cleanup(() => again.close());
    const restarted = engineOn(again, h.sim);
    const got = await restarted.engine.report(query(`${RANGE}&label=Kasım OTP`));
    expect(got.totals.orders).toBe(5);
    expect(got.orders.items.every((o) => o.label === "Kasım OTP")).toBe(true);
  });
});

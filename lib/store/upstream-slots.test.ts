// The account's budget across instances, on one Postgres: never more calls in flight than slots,
// whoever asks; a slot held by an instance that died is free again once its lease runs out.
import { describe, expect, it } from "vitest";
import { silent } from "@/lib/log";
import { afterAllCleanups, freshSchema, postgresForTests } from "@/lib/testing/postgres";
import { openStore, type Store } from "./open";
import { upstreamSlots } from "./upstream-slots";

const hasPostgres = await postgresForTests();
const cleanup = afterAllCleanups();

/** `count` stores on one fresh schema: what several instances on one Postgres see. */
async function postgresStores(count: number): Promise<Store[]> {
  const { url, drop } = await freshSchema();
  cleanup(drop);
  const stores: Store[] = [];
  for (let i = 0; i < count; i++) {
    const store = await openStore({ databaseUrl: url, dataDir: "unused", log: silent });
    cleanup(() => store.close().catch(() => {}));
    stores.push(store);
  }
  return stores;
}

const postgresStore = async () => (await postgresStores(1))[0]!;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!hasPostgres)("upstream slots on Postgres", () => {
  it("keeps two instances together within the budget, and both get to run", async () => {
    const [a, b] = await postgresStores(2);
    const slotsA = upstreamSlots(a!.db, { account: "acct", size: 3, leaseMs: 10_000, log: silent });
    const slotsB = upstreamSlots(b!.db, { account: "acct", size: 3, leaseMs: 10_000, log: silent });
    let inFlight = 0;
    let most = 0;
    const ran = { a: 0, b: 0 };
    const call = (who: "a" | "b") => async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await sleep(10);
      inFlight--;
      ran[who]++;
    };
    await Promise.all([
      ...Array.from({ length: 20 }, () => slotsA(call("a"))),
      ...Array.from({ length: 20 }, () => slotsB(call("b"))),
    ]);
    expect(most).toBe(3);
    expect(ran).toEqual({ a: 20, b: 20 });
    // Another account has a budget of its own.
    const other = upstreamSlots(a!.db, { account: "other", size: 1, leaseMs: 10_000, log: silent });
    expect(await other(async () => "ran")).toBe("ran");
  });

  it("frees the slots of an instance that died once their lease runs out", async () => {
    const store = await postgresStore();
    const slots = upstreamSlots(store.db, {
      account: "acct",
      size: 2,
      leaseMs: 10_000,
      log: silent,
    });
    await slots(async () => {}); // creates the rows
    // A dead instance holds both slots, leases ending in 400 ms, and never releases them.
    await store.db
      .updateTable("upstream_slots")
      .set({ holder: "dead", expires_at: Date.now() + 400 })
      .where("account", "=", "acct")
      .execute();
    const started = Date.now();
    await slots(async () => {});
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThanOrEqual(350);
    expect(waited).toBeLessThan(3000);
  });

  it("runs the call on this instance's own budget when the store does not answer", async () => {
    const store = await postgresStore();
    const logs: unknown[] = [];
    const slots = upstreamSlots(store.db, {
      account: "acct",
      size: 1,
      leaseMs: 1000,
      log: (l) => void logs.push(l),
    });
    await store.close();
    expect(await slots(async () => 42)).toBe(42);
    expect(logs).toEqual([expect.objectContaining({ event: "store_error", op: "slot" })]);
  });
});

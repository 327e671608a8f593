// Campaign labels on both engines: set, change, remove, bulk all-or-nothing, autocomplete, kept
// across a restart; on Postgres, shared by two instances (store handles), the revision telling a
// cached copy that another one changed something.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silent } from "@/lib/log";
import { afterAllCleanups, freshSchema, postgresForTests } from "@/lib/testing/postgres";
import { labelCache } from "./label-cache";
import { labelStore, type LabelStore } from "./labels";
import { openStore, type StoreConfig } from "./open";
import type { AuditEvent } from "./audit";

const hasPostgres = await postgresForTests();
const cleanup = afterAllCleanups();

async function embeddedConfig(): Promise<StoreConfig> {
  const dataDir = mkdtempSync(join(tmpdir(), "imr-labels-"));
  cleanup(() => rmSync(dataDir, { recursive: true, force: true }));
  return { dataDir, log: silent };
}

async function postgresConfig(): Promise<StoreConfig> {
  const { url, drop } = await freshSchema();
  cleanup(drop);
  return { databaseUrl: url, dataDir: "unused", log: silent };
}

const ENGINES = [
  { name: "embedded", config: embeddedConfig, enabled: true },
  { name: "postgres", config: postgresConfig, enabled: hasPostgres },
] as const;

const by = (at: number, audit?: AuditEvent) => ({ by: "ali", at, audit });
const labelsOf = async (labels: LabelStore) =>
  Object.fromEntries([...(await labels.snapshot()).byOrder].sort(([a], [b]) => a - b));
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

describe.each(ENGINES.filter((e) => e.enabled))("labels on the $name store", ({ config }) => {
  it("sets, changes and removes one order's label, per account, moving the revision each time", async () => {
    const store = await openStore(await config());
    const a = labelStore(store.db, "acct-a");
    const b = labelStore(store.db, "acct-b");
    expect(await a.revision()).toBe(0);
    expect(await a.snapshot()).toEqual({ revision: 0, byOrder: new Map() });

    await a.set(312988299, "Bayram 2026", by(1000));
    await a.set(312988300, "Bayram 2026", by(1001));
    await b.set(312988299, "Black Friday SMS", by(1002));
    expect(await a.revision()).toBe(2);
    expect(await labelsOf(a)).toEqual({ 312988299: "Bayram 2026", 312988300: "Bayram 2026" });

    await a.set(312988299, "Şeker Bayramı", by(2000));
    expect(await labelsOf(a)).toEqual({ 312988299: "Şeker Bayramı", 312988300: "Bayram 2026" });
    expect(await a.revision()).toBe(3);
    const row = await store.db
      .selectFrom("labels")
      .selectAll()
      .where("account", "=", "acct-a")
      .where("order_id", "=", 312988299)
      .executeTakeFirstOrThrow();
    expect([Number(row.updated_at), row.updated_by]).toEqual([2000, "ali"]);

    await a.set(312988300, null, by(3000));
    await a.set(999, null, by(3001)); // removing a label nobody set: no error
    expect(await labelsOf(a)).toEqual({ 312988299: "Şeker Bayramı" });
    expect(await a.revision()).toBe(5);
    expect(await labelsOf(b)).toEqual({ 312988299: "Black Friday SMS" });
    expect(await b.revision()).toBe(1);
    await store.close();
  });

  it("labels thousands of orders in one go, all or nothing, and writes the audit event with them", async () => {
    const store = await openStore(await config());
    const labels = labelStore(store.db, "acct-a");
    const ids = range(10_000, 1200);
    // Duplicates count once.
    expect(await labels.setMany([...ids, 10_000, 10_001], "Kasım", by(1))).toBe(1200);
    expect((await labels.snapshot()).byOrder.size).toBe(1200);
    const revision = await labels.revision();

    // The audit event fails (a missing target) after every label was written: nothing stays.
    const broken = { at: 2, user: "ali", action: "label", target: null, ip: "x" };
    await expect(
      labels.setMany(range(9000, 5000), "Aralık", by(2, broken as unknown as AuditEvent)),
    ).rejects.toThrow();
    const after = await labels.snapshot();
    expect(after.revision).toBe(revision);
    expect(after.byOrder.size).toBe(1200);
    expect(new Set(after.byOrder.values())).toEqual(new Set(["Kasım"]));

    const audit: AuditEvent = { at: 3, user: "ali", action: "label", target: "t", ip: "10.0.0.1" };
    expect(await labels.setMany(range(10_500, 1000), null, by(3, audit))).toBe(1000);
    expect((await labels.snapshot()).byOrder.size).toBe(500);
    const events = await store.db.selectFrom("audit_events").selectAll().execute();
    expect(events.map((e) => [e.action, e.target, e.ip])).toEqual([["label", "t", "10.0.0.1"]]);
    await expect(labels.setMany(range(1, 5001), "x", by(4))).rejects.toThrow(/5000/);
    expect(await labels.setMany([], "x", by(5))).toBe(0);
    await store.close();
  });

  it("lists labels with their orders for autocomplete: most used first, prefix case- and I/İ/ı-insensitive", async () => {
    const store = await openStore(await config());
    const labels = labelStore(store.db, "acct-a");
    await labels.setMany(range(1, 5), "Bayram 2026", by(1));
    await labels.setMany(range(10, 2), "BİLGİLENDİRME", by(1));
    await labels.setMany(range(20, 2), "bayi duyurusu", by(1));
    await labels.setMany(range(30, 3), "IŞIK", by(1));
    await labelStore(store.db, "acct-b").set(99, "Bayram başka", by(1));

    expect(await labels.list("", 10)).toEqual([
      { label: "Bayram 2026", orders: 5 },
      { label: "IŞIK", orders: 3 },
      { label: "bayi duyurusu", orders: 2 },
      { label: "BİLGİLENDİRME", orders: 2 },
    ]);
    expect(await labels.list("BAY", 10)).toEqual([
      { label: "Bayram 2026", orders: 5 },
      { label: "bayi duyurusu", orders: 2 },
    ]);
    expect((await labels.list("bilgi", 10)).map((l) => l.label)).toEqual(["BİLGİLENDİRME"]);
    expect((await labels.list("BILGI", 10)).map((l) => l.label)).toEqual(["BİLGİLENDİRME"]);
    expect((await labels.list("ışı", 10)).map((l) => l.label)).toEqual(["IŞIK"]);
    expect(await labels.list("kampanya", 10)).toEqual([]);
    expect(await labels.list("", 1)).toEqual([{ label: "Bayram 2026", orders: 5 }]);
    await store.close();
  });

  it("keeps labels and the revision across a restart", async () => {
    const cfg = await config();
    const first = await openStore(cfg);
    await labelStore(first.db, "acct-a").setMany([1, 2, 3], "Bayram 2026", by(1));
    await labelStore(first.db, "acct-a").set(2, "Kurban", by(2));
    await first.close();
    const again = await openStore(cfg);
    const labels = labelStore(again.db, "acct-a");
    expect(await labelsOf(labels)).toEqual({ 1: "Bayram 2026", 2: "Kurban", 3: "Bayram 2026" });
    expect(await labels.revision()).toBe(2);
    await again.close();
  });

  it("caches the labels for the engine: one revision lookup while nothing changes, a re-read after a change", async () => {
    const store = await openStore(await config());
    const labels = labelStore(store.db, "acct-a");
    const calls = { revision: 0, snapshot: 0, changes: 0 };
    const cache = labelCache({
      revision: () => (calls.revision++, labels.revision()),
      snapshot: () => (calls.snapshot++, labels.snapshot()),
      changesSince: (since) => (calls.changes++, labels.changesSince(since)),
    });
    const empty = await cache.current();
    expect(empty.byOrder.size).toBe(0);
    await labels.setMany(range(1, 3000), "Yılbaşı", by(1));
    const first = await cache.current();
    expect(first.byOrder.get(2999)).toBe("Yılbaşı");
    // The whole set once; then what changed.
    expect([calls.snapshot, calls.changes]).toEqual([1, 1]);
    for (let i = 0; i < 5; i++) expect(await cache.current()).toBe(first);
    expect([calls.snapshot, calls.changes, calls.revision]).toEqual([1, 1, 7]);

    await labels.set(1, "Bayram", by(2));
    await labels.setMany([2, 3, 4000], null, by(3));
    const [x, y] = await Promise.all([cache.current(), cache.current()]);
    expect(x).toBe(y);
    expect([calls.snapshot, calls.changes]).toEqual([1, 2]);
    expect(x.byOrder).toEqual((await labels.snapshot()).byOrder);
    expect(x.byOrder.get(1)).toBe("Bayram");
    expect(x.byOrder.has(2)).toBe(false);
    expect(first.byOrder.get(1)).toBe("Yılbaşı"); // a snapshot handed out never changes
    expect(first.byOrder.get(2)).toBe("Yılbaşı");
    await store.close();
  });

  it("follows any sequence of changes with changed rows only, equal to a fresh read each time", async () => {
    const store = await openStore(await config());
    const labels = labelStore(store.db, "acct-a");
    const other = labelStore(store.db, "acct-b");
    const cache = labelCache(labels);
    let seed = 7;
    const random = (n: number) => {
      // mulberry32: deterministic and spread over every bit
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const names = ["Bayram", "Kurban", "Yılbaşı", null];
    for (let step = 0; step < 40; step++) {
      const ids = range(0, 1 + random(30)).map(() => 1 + random(60));
      const label = names[random(names.length)]!;
      const target = random(5) === 0 ? other : labels;
      if (ids.length === 1) await target.set(ids[0]!, label, by(step));
      else await target.setMany(ids, label, by(step));
      if (random(3) === 0) continue; // several changes between two reads, too
      const cached = await cache.current();
      const fresh = await labels.snapshot();
      expect(cached.revision).toBe(fresh.revision);
      expect(cached.byOrder).toEqual(fresh.byOrder);
    }
    const removals = await store.db.selectFrom("label_removals").selectAll().execute();
    expect(removals.length).toBeGreaterThan(5);
    // A tombstone only for an order that had a label and has none now.
    for (const r of removals)
      expect(
        (await labelStore(store.db, r.account).snapshot()).byOrder.has(Number(r.order_id)),
      ).toBe(false);
    await store.close();
  });
});

describe.runIf(hasPostgres)("labels shared by instances on one Postgres", () => {
  it("shows one instance's changes to the other, whose cached copy follows the revision", async () => {
    const cfg = await postgresConfig();
    const one = await openStore(cfg);
    const two = await openStore(cfg);
    const onOne = labelStore(one.db, "acct-a");
    const onTwo = labelStore(two.db, "acct-a");
    const cache = labelCache(onTwo);
    expect((await cache.current()).byOrder.size).toBe(0);

    await onOne.setMany([1, 2, 3], "Bayram 2026", by(1));
    const seen = await cache.current();
    expect(seen.revision).toBe(1);
    expect(Object.fromEntries(seen.byOrder)).toEqual({
      1: "Bayram 2026",
      2: "Bayram 2026",
      3: "Bayram 2026",
    });
    expect(await cache.current()).toBe(seen);

    await onTwo.set(2, null, by(2));
    await onOne.set(3, "Kurban", by(3));
    expect(await onOne.revision()).toBe(3);
    expect(Object.fromEntries((await cache.current()).byOrder)).toEqual({
      1: "Bayram 2026",
      3: "Kurban",
    });
    expect(await onOne.list("", 10)).toEqual([
      { label: "Bayram 2026", orders: 1 },
      { label: "Kurban", orders: 1 },
    ]);
    await Promise.all([one.close(), two.close()]);
  });

  it("counts every change of two instances writing at once", async () => {
    const cfg = await postgresConfig();
    const one = await openStore(cfg);
    const two = await openStore(cfg);
    const writes = range(1, 40).map((id) =>
      labelStore((id % 2 ? one : two).db, "acct-a").set(id, `L${id % 3}`, by(id)),
    );
    await Promise.all(writes);
    expect(await labelStore(one.db, "acct-a").revision()).toBe(40);
    expect((await labelStore(two.db, "acct-a").snapshot()).byOrder.size).toBe(40);

    // Bulk changes over the same orders, in opposite orders, at once: queued, none deadlocks.
    const ids = range(1000, 3000);
    const bulk = range(0, 6).map((i) =>
      labelStore((i % 2 ? one : two).db, "acct-a").setMany(
        i % 2 ? ids : [...ids].reverse(),
        i % 3 ? `B${i}` : null,
        by(100 + i),
      ),
    );
    expect(await Promise.all(bulk)).toEqual(range(0, 6).map(() => 3000));
    expect(await labelStore(one.db, "acct-a").revision()).toBe(46);
    const after = await labelStore(two.db, "acct-a").snapshot();
    // Whichever came last, all 3000 carry one label or none: no change was half applied.
    const states = new Set(ids.map((id) => after.byOrder.get(id) ?? null));
    expect(states.size).toBe(1);
    await Promise.all([one.close(), two.close()]);
  });
});

// One suite, both engines: the embedded store (SQLite under a temporary DATA_DIR) and Postgres
// (TEST_DATABASE_URL, a fresh schema per engine run).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { silent } from "@/lib/log";
import { afterAllCleanups, freshSchema, postgresForTests } from "@/lib/testing/postgres";
import { openStore, type StoreConfig } from "./open";
import { LoginThrottle } from "@/lib/auth/throttle";
import { loginFailures } from "./login-failures";
import { migrations } from "./migrations";
import { settledDays } from "./settled-days";

const hasPostgres = await postgresForTests();
const cleanup = afterAllCleanups();

async function embeddedConfig(): Promise<StoreConfig> {
  const dataDir = mkdtempSync(join(tmpdir(), "imr-store-"));
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

const bytes = (n: number, seed: number) =>
  Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff);

describe.each(ENGINES.filter((e) => e.enabled))("the $name store", ({ name, config }) => {
  it("migrates at open, says which engine it is, and opens again without migrating twice", async () => {
    const cfg = await config();
    const first = await openStore(cfg);
    expect(first.kind).toBe(name);
    await first.ping();
    await first.close();
    const again = await openStore(cfg);
    const ran = await again.db
      .selectFrom("kysely_migration" as never)
      .select("name" as never)
      .execute();
    expect(ran).toEqual(Object.keys(migrations("sqlite")).map((name) => ({ name })));
    await again.close();
  });

  it("keeps settled days per account across a restart, whole, and replaces a day written again", async () => {
    const cfg = await config();
    const store = await openStore(cfg);
    const a = settledDays(store.db, "acct-a");
    const b = settledDays(store.db, "acct-b");
    const big = bytes(40_000, 1);
    await a.write("2026-04-01", { data: big, orders: 1100, settled: true, fetchedAt: 1 });
    await a.write("2026-04-02", { data: bytes(100, 2), orders: 3, settled: true, fetchedAt: 1 });
    await b.write("2026-04-01", { data: bytes(10, 3), orders: 1, settled: true, fetchedAt: 1 });
    await a.write("2026-04-02", { data: bytes(120, 4), orders: 4, settled: true, fetchedAt: 1 });
    await store.close();

    const reopened = await openStore(cfg);
    const back = await settledDays(reopened.db, "acct-a").read(
      ["2026-03-31", "2026-04-01", "2026-04-02"],
      0,
    );
    expect([...back.keys()].sort()).toEqual(["2026-04-01", "2026-04-02"]);
    expect(Buffer.from(back.get("2026-04-01")!.data).equals(Buffer.from(big))).toBe(true);
    expect(Buffer.from(back.get("2026-04-02")!.data).equals(Buffer.from(bytes(120, 4)))).toBe(true);
    const other = await settledDays(reopened.db, "acct-b").read(["2026-04-01", "2026-04-02"], 0);
    expect([...other.keys()]).toEqual(["2026-04-01"]);
    expect(await settledDays(reopened.db, "acct-c").read([], 0)).toEqual(new Map());
    await reopened.close();
    await expect(reopened.ping()).rejects.toThrow();
  });
});

describe.each(ENGINES.filter((e) => e.enabled))(
  "the login throttle on the $name store",
  ({ config }) => {
    it("holds across openers (instances, restarts): the pair, the address, the user's delay and known addresses", async () => {
      const cfg = await config();
      let now = 5_000_000;
      const first = await openStore(cfg);
      const a = new LoginThrottle({ store: loginFailures(first.db), now: () => now });
      await a.succeed("ayse", "198.51.100.7");
      for (let i = 0; i < 5; i++) await a.fail("ayse", "10.0.0.1");
      for (let i = 0; i < 20; i++) await a.fail(`user${i}`, "192.0.2.7");
      await first.close();
      const second = await openStore(cfg);
      const b = new LoginThrottle({ store: loginFailures(second.db), now: () => now });
      expect(await b.retryAfter("AYSE", "10.0.0.1")).toBe(900);
      expect(await b.retryAfter("someone", "192.0.2.7")).toBe(900);
      // Five failures of ayse: a fresh address waits 1 s, the one she signed in from does not.
      expect(await b.retryAfter("ayse", "10.9.9.9")).toBe(1);
      expect(await b.retryAfter("ayse", "198.51.100.7")).toBe(0);
      expect(await b.retryAfter("mehmet", "10.9.9.9")).toBe(0);
      now += 900_000;
      expect(await b.retryAfter("ayse", "10.0.0.1")).toBe(0);
      expect(await b.retryAfter("someone", "192.0.2.7")).toBe(0);
      await b.fail("zeynep", "a");
      await b.succeed("zeynep", "a");
      expect(await b.retryAfter("zeynep", "a")).toBe(0);
      await second.close();
    });

    it("prunes failures past the window as it records one, and known addresses after 30 days", async () => {
      const cfg = await config();
      const store = await openStore(cfg);
      let now = 5_000_000;
      const t = new LoginThrottle({ store: loginFailures(store.db), now: () => now });
      const rows = async () =>
        (await store.db.selectFrom("login_failures").select("key").execute()).map((r) => r.key);
      await t.succeed("ayse", "198.51.100.7");
      await t.fail("ayse", "10.0.0.1");
      expect((await rows()).length).toBe(4);
      // Each query has its own `since`: only what came after it.
      const failures = loginFailures(store.db);
      expect(
        await failures.recent([
          ["user:ayse", now - 1],
          ["user:ayse", now],
          ["user:nobody", 0],
        ]),
      ).toEqual([[now], [], []]);
      now += 900_001;
      await t.fail("mehmet", "10.0.0.2");
      expect((await rows()).sort()).toEqual([
        "addr:10.0.0.2",
        'known:["ayse","198.51.100.7"]',
        'pair:["mehmet","10.0.0.2"]',
        "user:mehmet",
      ]);
      now += 30 * 24 * 3_600_000;
      await t.fail("mehmet", "10.0.0.2");
      expect((await rows()).some((k) => k.startsWith("known:"))).toBe(false);
      await store.close();
    });
  },
);

describe("the embedded store's folder", () => {
  it("is held by one opener at a time", async () => {
    const cfg = await embeddedConfig();
    const store = await openStore(cfg);
    await expect(openStore(cfg)).rejects.toThrow(/already open|in use/);
    await store.close();
    const again = await openStore(cfg);
    await again.close();
  });

  it("takes over a lock left by a process that is gone", async () => {
    const cfg = await embeddedConfig();
    writeFileSync(join(cfg.dataDir, "store.lock"), "999999999");
    const store = await openStore(cfg);
    await store.close();
  });

  it("refuses a folder that cannot be made, and a corrupt one, with one line", async () => {
    const base = mkdtempSync(join(tmpdir(), "imr-store-"));
    cleanup(() => rmSync(base, { recursive: true, force: true }));
    writeFileSync(join(base, "a-file"), "x");
    await expect(openStore({ dataDir: join(base, "a-file", "data"), log: silent })).rejects.toThrow(
      /^DATA_DIR .* cannot be created: /,
    );
    const cfg = await embeddedConfig();
    await (await openStore(cfg)).close();
    for (const file of ["store.sqlite-wal", "store.sqlite-shm"])
      rmSync(join(cfg.dataDir, file), { force: true });
    writeFileSync(join(cfg.dataDir, "store.sqlite"), "garbage, not a database ".repeat(100));
    const error = await openStore(cfg).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(
      /^the embedded store in DATA_DIR .* cannot be (opened|migrated): /,
    );
    expect((error as Error).message).not.toContain("\n");
  });
});

// Postgres going away and coming back, through a TCP proxy this test can cut: the store says so
// (ping rejects, writes reject), keeps nothing half-written, and serves again once it is back.
import { createServer, connect, type Server, type Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { silent } from "@/lib/log";
import { afterAllCleanups, freshSchema, postgresForTests } from "@/lib/testing/postgres";
import { openStore } from "./open";
import { settledDays } from "./settled-days";

const hasPostgres = await postgresForTests();
const cleanup = afterAllCleanups();

/** A proxy to `target` that can be cut (every connection dropped, the port closed) and restored. */
async function cuttableProxy(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on("close", () => sockets.delete(s));
          s.on("error", () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  return {
    port: () => port,
    cut: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
    restore: listen,
  };
}

describe.skipIf(!hasPostgres)("Postgres going away", () => {
  it("fails visibly while it is gone, writes nothing partial, and serves again when it is back", async () => {
    const { url, drop } = await freshSchema();
    cleanup(drop);
    const direct = new URL(url);
    const proxy = await cuttableProxy(direct);
    cleanup(() => proxy.cut().catch(() => {}));
    const viaProxy = new URL(url);
    viaProxy.hostname = "127.0.0.1";
    viaProxy.port = String(proxy.port());

    const store = await openStore({
      databaseUrl: viaProxy.toString(),
      dataDir: "unused",
      log: silent,
    });
    const days = settledDays(store.db, "acct");
    await days.write("2026-04-01", {
      data: new Uint8Array(50_000).fill(7),
      orders: 1,
      settled: true,
      fetchedAt: 1,
    });
    await store.ping();

    await proxy.cut();
    await expect(store.ping()).rejects.toThrow();
    await expect(
      days.write("2026-04-02", {
        data: new Uint8Array(50_000).fill(8),
        orders: 1,
        settled: true,
        fetchedAt: 1,
      }),
    ).rejects.toThrow();
    await expect(days.read(["2026-04-01"], 0)).rejects.toThrow();

    await proxy.restore();
    await store.ping();
    const back = await days.read(["2026-04-01", "2026-04-02"], 0);
    expect([...back.keys()]).toEqual(["2026-04-01"]);
    expect(back.get("2026-04-01")!.data.every((b) => b === 7)).toBe(true);
    await store.close();
  });
});

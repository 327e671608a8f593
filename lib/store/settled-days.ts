// The days of one account as the engine walked them: settled days are kept for good and read back
// before any upstream call; days not yet settled are kept with the time of their walk, so another
// instance can use them while they are fresh. One row per day, written in one statement, so a
// day is either whole or absent.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./schema";

type StoredDay = { data: Uint8Array; orders: number; settled: boolean; fetchedAt: number };

export type DayArchive = {
  /** Those of `days` that are stored settled, or unsettled but walked at `freshSince` or later. */
  read(days: readonly string[], freshSince: number): Promise<Map<string, StoredDay>>;
  write(day: string, stored: StoredDay): Promise<void>;
};

// Both drivers bind a Buffer as binary; a plain Uint8Array only some of them.
const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

export function settledDays(db: Kysely<Database>, account: string): DayArchive {
  return {
    async read(days, freshSince) {
      if (days.length === 0) return new Map();
      const rows = await db
        .selectFrom("settled_days")
        .select(["day", "data", "orders", "settled", "fetched_at"])
        .where("account", "=", account)
        .where("day", "in", days)
        .where((eb) => eb.or([eb("settled", "=", 1), eb("fetched_at", ">=", freshSince)]))
        .execute();
      return new Map(
        rows.map((r) => [
          r.day,
          {
            data: r.data,
            orders: r.orders,
            settled: r.settled === 1,
            fetchedAt: Number(r.fetched_at),
          },
        ]),
      );
    },
    async write(day, { data, orders, settled, fetchedAt }) {
      await db
        .insertInto("settled_days")
        .values({
          account,
          day,
          orders,
          data: asBuffer(data),
          settled: settled ? 1 : 0,
          fetched_at: fetchedAt,
          stored_at: new Date().toISOString(),
        })
        .onConflict((oc) =>
          oc.columns(["account", "day"]).doUpdateSet((eb) => ({
            orders: eb.ref("excluded.orders"),
            data: eb.ref("excluded.data"),
            settled: eb.ref("excluded.settled"),
            fetched_at: eb.ref("excluded.fetched_at"),
            stored_at: eb.ref("excluded.stored_at"),
          })),
        )
        .execute();
    },
  };
}

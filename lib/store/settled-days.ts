// Settled days of one account: read back before any upstream call, written through as they
// settle. One row per day, written in one statement, so a day is either whole or absent.
import type { Kysely } from "kysely";
import type { Database } from "./schema";

export type DayArchive = {
  /** The stored bytes of those of `days` that are stored. */
  read(days: readonly string[]): Promise<Map<string, Uint8Array>>;
  write(day: string, orders: number, data: Uint8Array): Promise<void>;
};

// Both drivers bind a Buffer as binary; a plain Uint8Array only some of them.
const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

export function settledDays(db: Kysely<Database>, account: string): DayArchive {
  return {
    async read(days) {
      if (days.length === 0) return new Map();
      const rows = await db
        .selectFrom("settled_days")
        .select(["day", "data"])
        .where("account", "=", account)
        .where("day", "in", days)
        .execute();
      return new Map(rows.map((r) => [r.day, r.data]));
    },
    async write(day, orders, data) {
      await db
        .insertInto("settled_days")
        .values({ account, day, orders, data: asBuffer(data), stored_at: new Date().toISOString() })
        .onConflict((oc) =>
          oc.columns(["account", "day"]).doUpdateSet((eb) => ({
            orders: eb.ref("excluded.orders"),
            data: eb.ref("excluded.data"),
            stored_at: eb.ref("excluded.stored_at"),
          })),
        )
        .execute();
    },
  };
}

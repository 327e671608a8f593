// Which instance walks which day right now. A walker claims the days it is about to walk; a day
// another instance holds is waited for (its walk ends in the store) unless the claim expires,
// which is what happens when its holder dies. One statement claims a whole range.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./schema";

export type DayClaims = {
  /** Claims those of `days` no one else holds; returns the ones now held by `holder`. */
  claim(days: readonly string[], holder: string, leaseMs: number): Promise<string[]>;
  /** Pushes the expiry of `holder`'s claims on `days` forward. */
  renew(days: readonly string[], holder: string, leaseMs: number): Promise<void>;
  release(days: readonly string[], holder: string): Promise<void>;
};

export function dayClaims(db: Kysely<Database>, account: string): DayClaims {
  return {
    async claim(days, holder, leaseMs) {
      if (days.length === 0) return [];
      const now = Date.now();
      const rows = await db
        .insertInto("day_claims")
        .values(days.map((day) => ({ account, day, holder, expires_at: now + leaseMs })))
        .onConflict((oc) =>
          oc
            .columns(["account", "day"])
            .doUpdateSet((eb) => ({
              holder: eb.ref("excluded.holder"),
              expires_at: eb.ref("excluded.expires_at"),
            }))
            .where("day_claims.expires_at", "<", now),
        )
        .returning("day")
        .execute();
      return rows.map((r) => r.day);
    },
    async renew(days, holder, leaseMs) {
      if (days.length === 0) return;
      await db
        .updateTable("day_claims")
        .set({ expires_at: Date.now() + leaseMs })
        .where("account", "=", account)
        .where("holder", "=", holder)
        .where("day", "in", days)
        .execute();
    },
    async release(days, holder) {
      if (days.length === 0) return;
      await db
        .deleteFrom("day_claims")
        .where("account", "=", account)
        .where("holder", "=", holder)
        .where("day", "in", days)
        .execute();
    },
  };
}

// How far each account's walks have come, by range, so that any instance answers the progress
// poll of a walk another instance runs (a balancer sends the poll where it likes).
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./schema";

type SharedProgress = { total: number; done: number; active: boolean; updatedAt: number };

export type ProgressStore = {
  write(range: string, progress: SharedProgress): Promise<void>;
  read(range: string): Promise<SharedProgress | null>;
};

export function walkProgress(db: Kysely<Database>, account: string): ProgressStore {
  return {
    async write(range, { total, done, active, updatedAt }) {
      await db
        .insertInto("walk_progress")
        .values({ account, range, total, done, active: active ? 1 : 0, updated_at: updatedAt })
        .onConflict((oc) =>
          oc.columns(["account", "range"]).doUpdateSet((eb) => ({
            total: eb.ref("excluded.total"),
            done: eb.ref("excluded.done"),
            active: eb.ref("excluded.active"),
            updated_at: eb.ref("excluded.updated_at"),
          })),
        )
        .execute();
    },
    async read(range) {
      const row = await db
        .selectFrom("walk_progress")
        .select(["total", "done", "active", "updated_at"])
        .where("account", "=", account)
        .where("range", "=", range)
        .executeTakeFirst();
      if (!row) return null;
      return {
        total: row.total,
        done: row.done,
        active: row.active === 1,
        updatedAt: Number(row.updated_at),
      };
    },
  };
}

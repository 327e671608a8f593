// Failed sign-ins, by username and by client address, kept in the store so that the login
// throttle holds across instances and restarts. Rows older than the window are dropped as
// failures are added.
import "server-only";
import type { Kysely } from "kysely";
import type { FailureStore } from "@/lib/auth/throttle";
import type { Database } from "./schema";

/** Failures older than this are of no use to any window the throttle may have. */
const KEEP_MS = 24 * 3_600_000;

export function loginFailures(db: Kysely<Database>): FailureStore {
  return {
    async recent(keys, now, windowMs) {
      const rows = await db
        .selectFrom("login_failures")
        .select(["key", "at"])
        .where("key", "in", [...keys])
        .where("at", ">", now - windowMs)
        .orderBy("at")
        .execute();
      return keys.map((key) => rows.filter((r) => r.key === key).map((r) => Number(r.at)));
    },
    async add(keys, now) {
      await db
        .insertInto("login_failures")
        .values(keys.map((key) => ({ key, at: now })))
        .execute();
      await db
        .deleteFrom("login_failures")
        .where("at", "<", now - KEEP_MS)
        .execute();
    },
    async clear(key) {
      await db.deleteFrom("login_failures").where("key", "=", key).execute();
    },
  };
}

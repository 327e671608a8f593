// The login throttle's memory in the store: failed sign-ins (by username and address, by address,
// by username) and sign-ins (the addresses a user is known at), one row per event, so the
// throttle holds across instances and restarts. The throttle prunes what its rules no longer
// look at as it records failures.
import "server-only";
import type { Kysely } from "kysely";
import { KNOWN_PREFIX, type ThrottleStore } from "@/lib/auth/throttle";
import type { Database } from "./schema";

export function loginFailures(db: Kysely<Database>): ThrottleStore {
  return {
    async recent(queries) {
      if (queries.length === 0) return [];
      const rows = await db
        .selectFrom("login_failures")
        .select(["key", "at"])
        .where((eb) =>
          eb.or(queries.map(([key, since]) => eb.and([eb("key", "=", key), eb("at", ">", since)]))),
        )
        .orderBy("at")
        .execute();
      return queries.map(([key, since]) =>
        rows
          .map((r) => ({ key: r.key, at: Number(r.at) }))
          .filter((r) => r.key === key && r.at > since)
          .map((r) => r.at),
      );
    },
    async add(keys, at) {
      if (keys.length === 0) return;
      await db
        .insertInto("login_failures")
        .values(keys.map((key) => ({ key, at })))
        .execute();
    },
    async clear(key) {
      await db.deleteFrom("login_failures").where("key", "=", key).execute();
    },
    async prune(failuresBefore, knownBefore) {
      // `known:` has no LIKE wildcard, so the pattern is the prefix itself.
      const known = `${KNOWN_PREFIX}%`;
      await db
        .deleteFrom("login_failures")
        .where((eb) =>
          eb.or([
            eb.and([eb("at", "<", failuresBefore), eb("key", "not like", known)]),
            eb.and([eb("at", "<", knownBefore), eb("key", "like", known)]),
          ]),
        )
        .execute();
    },
  };
}

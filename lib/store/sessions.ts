// Sessions in the store: the cookie carries a sealed id, the row says whether it still holds.
// Every instance reads the same rows, so a logout, a changed hash or role, or idle time ends a
// session everywhere at once.
import "server-only";
import type { Kysely } from "kysely";
import type { Database } from "./schema";

type SessionRow = {
  id: string;
  username: string;
  role: string;
  credential: string;
  createdAt: number;
  seenAt: number;
  endedAt: number | null;
};

export type SessionStore = {
  create(row: Omit<SessionRow, "endedAt">): Promise<void>;
  get(id: string): Promise<SessionRow | null>;
  touch(id: string, at: number): Promise<void>;
  end(id: string, at: number): Promise<void>;
  /** Drops rows that can no longer be used (ended or past the absolute limit) before `before`. */
  prune(before: number): Promise<void>;
};

export function sessionStore(db: Kysely<Database>): SessionStore {
  return {
    async create(row) {
      await db
        .insertInto("sessions")
        .values({
          id: row.id,
          username: row.username,
          role: row.role,
          credential: row.credential,
          created_at: row.createdAt,
          seen_at: row.seenAt,
          ended_at: null,
        })
        .execute();
    },
    async get(id) {
      const row = await db
        .selectFrom("sessions")
        .selectAll()
        .where("id", "=", id)
        .executeTakeFirst();
      if (!row) return null;
      return {
        id: row.id,
        username: row.username,
        role: row.role,
        credential: row.credential,
        createdAt: Number(row.created_at),
        seenAt: Number(row.seen_at),
        endedAt: row.ended_at === null ? null : Number(row.ended_at),
      };
    },
    async touch(id, at) {
      await db.updateTable("sessions").set({ seen_at: at }).where("id", "=", id).execute();
    },
    async end(id, at) {
      await db
        .updateTable("sessions")
        .set({ ended_at: at })
        .where("id", "=", id)
        .where("ended_at", "is", null)
        .execute();
    },
    async prune(before) {
      await db
        .deleteFrom("sessions")
        .where((eb) => eb.or([eb("ended_at", "<", before), eb("created_at", "<", before)]))
        .execute();
    },
  };
}

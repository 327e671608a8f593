// The audit log in the store: who did what, to what, from where. Newest first by (at, id); a
// cursor is the last event's (at, id), so pages hold still while new events arrive. Kept a year.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "./schema";

export type AuditEvent = { at: number; user: string; action: string; target: string; ip: string };
type AuditPage = { events: (AuditEvent & { id: string })[]; next: string | null };
type AuditFilter = { user?: string; action?: string };

/** How long events are kept. */
const AUDIT_KEEP_MS = 366 * 24 * 3_600_000;

export type AuditLog = {
  add(event: AuditEvent): Promise<void>;
  page(
    limit: number,
    before: { at: number; id: string } | null,
    filter: AuditFilter,
  ): Promise<AuditPage>;
  prune(now: number): Promise<void>;
  /** A user's events of these actions since `since`, and the oldest of them (for Retry-After). */
  count(
    user: string,
    actions: string[],
    since: number,
  ): Promise<{ count: number; oldest: number | null }>;
};

// On globalThis: Next bundles routes apart, and one process's events must keep one order.
const counter = globalThis as typeof globalThis & { __auditSequence?: number };
const nextSequence = () =>
  (counter.__auditSequence = ((counter.__auditSequence ?? 0) + 1) % 36 ** 6);

export function auditLog(db: Kysely<Database>): AuditLog {
  return {
    async add(event) {
      await db
        .insertInto("audit_events")
        .values({
          // Time, then this process's sequence: events of one millisecond keep their order here;
          // the random tail keeps instances apart.
          id: `${event.at.toString(36).padStart(9, "0")}${nextSequence().toString(36).padStart(6, "0")}${randomBytes(4).toString("hex")}`,
          at: event.at,
          username: event.user,
          action: event.action,
          target: event.target,
          ip: event.ip,
        })
        .execute();
    },
    async page(limit, before, filter) {
      let query = db
        .selectFrom("audit_events")
        .selectAll()
        .orderBy("at", "desc")
        .orderBy("id", "desc")
        .limit(limit + 1);
      if (before)
        query = query.where((eb) =>
          eb.or([
            eb("at", "<", before.at),
            eb.and([eb("at", "=", before.at), eb("id", "<", before.id)]),
          ]),
        );
      if (filter.user) query = query.where("username", "=", filter.user);
      if (filter.action) query = query.where("action", "=", filter.action);
      const rows = await query.execute();
      const events = rows.slice(0, limit).map((r) => ({
        id: r.id,
        at: Number(r.at),
        user: r.username,
        action: r.action,
        target: r.target,
        ip: r.ip,
      }));
      const last = events.at(-1);
      return { events, next: rows.length > limit && last ? `${last.at}.${last.id}` : null };
    },
    async count(user, actions, since) {
      const row = await db
        .selectFrom("audit_events")
        .select((eb) => [eb.fn.countAll<number | string>().as("n"), eb.fn.min("at").as("oldest")])
        .where("username", "=", user)
        .where("action", "in", actions)
        .where("at", ">", since)
        .executeTakeFirst();
      const oldest = row?.oldest;
      return {
        count: Number(row?.n ?? 0),
        oldest: oldest === null || oldest === undefined ? null : Number(oldest),
      };
    },
    async prune(now) {
      await db
        .deleteFrom("audit_events")
        .where("at", "<", now - AUDIT_KEEP_MS)
        .execute();
    },
  };
}

// The store's migrations, in order, run at start (a table records which ran). Append, never edit:
// an instance that started with an older list must find its own migrations unchanged. Both
// engines run the same list; only the binary column type differs between them.
import "server-only";
import type { Kysely, Migration } from "kysely";

export type Dialect = "sqlite" | "postgres";

export function migrations(dialect: Dialect): Record<string, Migration> {
  const bytes = dialect === "postgres" ? "bytea" : "blob";
  return {
    "0001-settled-days": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("settled_days")
          .addColumn("account", "text", (c) => c.notNull())
          .addColumn("day", "text", (c) => c.notNull())
          .addColumn("orders", "integer", (c) => c.notNull())
          .addColumn("data", bytes, (c) => c.notNull())
          .addColumn("stored_at", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("settled_days_pk", ["account", "day"])
          .execute();
      },
    },
    // Several instances on one Postgres share the account's budget of upstream calls in flight:
    // one row per slot, held until `expires_at` (ms since the epoch) unless released before.
    "0002-upstream-slots": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("upstream_slots")
          .addColumn("account", "text", (c) => c.notNull())
          .addColumn("slot", "integer", (c) => c.notNull())
          .addColumn("holder", "text")
          .addColumn("expires_at", "bigint", (c) => c.notNull().defaultTo(0))
          .addPrimaryKeyConstraint("upstream_slots_pk", ["account", "slot"])
          .execute();
      },
    },
    // Days not yet settled are kept too, for a minute, so that instances share a walk of today;
    // and a walker claims the days it walks, so that no two instances walk the same day at once.
    "0003-fresh-days-and-claims": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable("settled_days")
          .addColumn("settled", "integer", (c) => c.notNull().defaultTo(1))
          .execute();
        await db.schema
          .alterTable("settled_days")
          .addColumn("fetched_at", "bigint", (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createTable("day_claims")
          .addColumn("account", "text", (c) => c.notNull())
          .addColumn("day", "text", (c) => c.notNull())
          .addColumn("holder", "text", (c) => c.notNull())
          .addColumn("expires_at", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("day_claims_pk", ["account", "day"])
          .execute();
      },
    },
    // Failed sign-ins, so that the login throttle holds across instances and restarts.
    "0004-login-failures": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("login_failures")
          .addColumn("key", "text", (c) => c.notNull())
          .addColumn("at", "bigint", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("login_failures_key_at")
          .on("login_failures")
          .columns(["key", "at"])
          .execute();
      },
    },
    // How far walks have come, for the progress poll on any instance.
    "0005-walk-progress": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("walk_progress")
          .addColumn("account", "text", (c) => c.notNull())
          .addColumn("range", "text", (c) => c.notNull())
          .addColumn("total", "integer", (c) => c.notNull())
          .addColumn("done", "integer", (c) => c.notNull())
          .addColumn("active", "integer", (c) => c.notNull())
          .addColumn("updated_at", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("walk_progress_pk", ["account", "range"])
          .execute();
      },
    },
    // Sessions (the cookie carries only the id, sealed) and the audit log: ended sessions and
    // events are rows any instance reads, so a logout or a revocation holds everywhere at once.
    "0006-sessions-and-audit": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("sessions")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("username", "text", (c) => c.notNull())
          .addColumn("role", "text", (c) => c.notNull())
          .addColumn("credential", "text", (c) => c.notNull())
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addColumn("seen_at", "bigint", (c) => c.notNull())
          .addColumn("ended_at", "bigint")
          .execute();
        await db.schema
          .createIndex("sessions_username")
          .on("sessions")
          .column("username")
          .execute();
        await db.schema
          .createTable("audit_events")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("at", "bigint", (c) => c.notNull())
          .addColumn("username", "text", (c) => c.notNull())
          .addColumn("action", "text", (c) => c.notNull())
          .addColumn("target", "text", (c) => c.notNull())
          .addColumn("ip", "text", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("audit_events_at_id")
          .on("audit_events")
          .columns(["at", "id"])
          .execute();
        await db.schema
          .createIndex("audit_events_user_at")
          .on("audit_events")
          .columns(["username", "at"])
          .execute();
      },
    },
    // Campaign labels, one per order and account, and a revision per account that every change
    // bumps in the same transaction: a reader keeps the labels in memory and re-reads them only
    // when the revision moved (a change on any instance).
    "0007-labels": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("labels")
          .addColumn("account", "text", (c) => c.notNull())
          .addColumn("order_id", "bigint", (c) => c.notNull())
          .addColumn("label", "text", (c) => c.notNull())
          .addColumn("updated_at", "bigint", (c) => c.notNull())
          .addColumn("updated_by", "text", (c) => c.notNull())
          .addPrimaryKeyConstraint("labels_pk", ["account", "order_id"])
          .execute();
        await db.schema
          .createIndex("labels_account_label")
          .on("labels")
          .columns(["account", "label"])
          .execute();
        await db.schema
          .createTable("label_revisions")
          .addColumn("account", "text", (c) => c.primaryKey())
          .addColumn("revision", "bigint", (c) => c.notNull())
          .execute();
      },
    },
    // What changed since a revision, so that a reader's copy of 100,000 labels follows a change
    // of a few by reading those few: the revision that last wrote each label, and the orders whose
    // label was removed (with the revision that removed it) until they are labelled again.
    "0008-label-changes": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable("labels")
          .addColumn("revision", "bigint", (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createIndex("labels_account_revision")
          .on("labels")
          .columns(["account", "revision"])
          .execute();
        await db.schema
          .createTable("label_removals")
          .addColumn("account", "text", (c) => c.notNull())
          .addColumn("order_id", "bigint", (c) => c.notNull())
          .addColumn("revision", "bigint", (c) => c.notNull())
          .addPrimaryKeyConstraint("label_removals_pk", ["account", "order_id"])
          .execute();
        await db.schema
          .createIndex("label_removals_account_revision")
          .on("label_removals")
          .columns(["account", "revision"])
          .execute();
      },
    },
    // Follow-up lists (lib/store/followups.ts): a job's state, progress and finished file, so that
    // a status or download request on any instance sees the job another instance runs.
    "0009-followups": {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable("followups")
          .addColumn("id", "text", (c) => c.primaryKey())
          .addColumn("account", "text", (c) => c.notNull())
          .addColumn("username", "text", (c) => c.notNull())
          .addColumn("status", "text", (c) => c.notNull())
          .addColumn("target", "text", (c) => c.notNull())
          .addColumn("orders_total", "integer", (c) => c.notNull())
          .addColumn("orders_done", "integer", (c) => c.notNull())
          .addColumn("recipients", "integer", (c) => c.notNull())
          .addColumn("error_code", "text")
          .addColumn("error_message", "text")
          .addColumn("file_name", "text")
          .addColumn("file", bytes)
          .addColumn("created_at", "bigint", (c) => c.notNull())
          .addColumn("heartbeat_at", "bigint", (c) => c.notNull())
          .addColumn("expires_at", "bigint", (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex("followups_expires_at")
          .on("followups")
          .column("expires_at")
          .execute();
        await db.schema
          .createIndex("followups_username_status")
          .on("followups")
          .columns(["account", "username", "status"])
          .execute();
      },
    },
  };
}

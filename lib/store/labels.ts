// Campaign labels in the store: at most one per order, keyed by the account's fingerprint, shared
// by every instance on one Postgres and kept across restarts. Every change bumps the account's row
// in label_revisions in the same transaction and marks the rows it wrote (or removed) with the new
// revision, so a reader that keeps the labels in memory (label-cache.ts) asks one primary-key
// lookup per use and, after a change, reads only what changed since its copy.
import "server-only";
import { sql, type Kysely } from "kysely";
import { MAX_LABEL_IDS } from "@/lib/labels/label-rules";
import { fold } from "@/lib/reports/contract/search-text";
import { auditLog, type AuditEvent } from "./audit";
import type { Database } from "./schema";

/** Rows per statement: far under either engine's limit on parameters (SQLite 32766, pg 65535). */
const CHUNK = 500;

/** Who changes labels, when, and the audit event written in the same transaction. */
type LabelChange = { by: string; at: number; audit?: AuditEvent };

/** The account's labels at a revision: every labelled order id and its label. */
export type LabelSnapshot = { revision: number; byOrder: ReadonlyMap<number, string> };

type LabelCount = { label: string; orders: number };

export type LabelStore = {
  /** Labels one order (`null`: removes its label). `label` must have passed checkLabel. */
  set(orderId: number, label: string | null, change: LabelChange): Promise<void>;
  /**
   * Labels up to MAX_LABEL_IDS orders (`null`: removes theirs) in one transaction with the audit
   * event: all or nothing. Answers how many distinct orders now carry the label (or none).
   */
  setMany(orderIds: readonly number[], label: string | null, change: LabelChange): Promise<number>;
  /**
   * Labels in use and how many orders carry each, most used first (then alphabetically, Turkish
   * order); with a prefix, those whose folded text (search-text.ts fold: case, I/İ/ı) starts
   * with the folded prefix. At most `limit`.
   */
  list(prefix: string, limit: number): Promise<LabelCount[]>;
  /** The account's revision: 0 before any change; moves with every change on any instance. */
  revision(): Promise<number>;
  /** Every label of the account, with the revision read before them (see label-cache.ts). */
  snapshot(): Promise<LabelSnapshot>;
  /**
   * What changed after `since`: labels set (with their label) and removed (null), each order once
   * with its latest state, and the revision read before them (see label-cache.ts).
   */
  changesSince(since: number): Promise<LabelChanges>;
};

/** Changes after a revision: order id → its label now, or null when it was removed. */
export type LabelChanges = { revision: number; changed: [number, string | null][] };

const chunks = <T>(items: readonly T[]) =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) =>
    items.slice(i * CHUNK, (i + 1) * CHUNK),
  );

const collator = new Intl.Collator("tr");

export function labelStore(db: Kysely<Database>, account: string): LabelStore {
  async function write(
    trx: Kysely<Database>,
    ids: readonly number[],
    label: string | null,
    change: LabelChange,
  ) {
    // The revision first: its row lock (Postgres) queues the account's label changes one behind
    // the other, so two bulk changes over the same orders never deadlock on the labels' rows.
    const { revision } = await trx
      .insertInto("label_revisions")
      .values({ account, revision: 1 })
      .onConflict((oc) =>
        oc.column("account").doUpdateSet({ revision: sql`label_revisions.revision + 1` }),
      )
      .returning("revision")
      .executeTakeFirstOrThrow();
    for (const part of chunks(ids)) {
      if (label === null) {
        const gone = await trx
          .deleteFrom("labels")
          .where("account", "=", account)
          .where("order_id", "in", part)
          .returning("order_id")
          .execute();
        if (gone.length === 0) continue;
        await trx
          .insertInto("label_removals")
          .values(gone.map(({ order_id }) => ({ account, order_id, revision })))
          .onConflict((oc) =>
            oc.columns(["account", "order_id"]).doUpdateSet((eb) => ({
              revision: eb.ref("excluded.revision"),
            })),
          )
          .execute();
        continue;
      }
      await trx
        .insertInto("labels")
        .values(
          part.map((id) => ({
            account,
            order_id: id,
            label,
            updated_at: change.at,
            updated_by: change.by,
            revision,
          })),
        )
        .onConflict((oc) =>
          oc.columns(["account", "order_id"]).doUpdateSet((eb) => ({
            label: eb.ref("excluded.label"),
            updated_at: eb.ref("excluded.updated_at"),
            updated_by: eb.ref("excluded.updated_by"),
            revision: eb.ref("excluded.revision"),
          })),
        )
        .execute();
      await trx
        .deleteFrom("label_removals")
        .where("account", "=", account)
        .where("order_id", "in", part)
        .execute();
    }
    if (change.audit) await auditLog(trx).add(change.audit);
  }

  async function revision(): Promise<number> {
    const row = await db
      .selectFrom("label_revisions")
      .select("revision")
      .where("account", "=", account)
      .executeTakeFirst();
    return Number(row?.revision ?? 0);
  }

  return {
    async set(orderId, label, change) {
      await db.transaction().execute((trx) => write(trx, [orderId], label, change));
    },
    async setMany(orderIds, label, change) {
      const ids = [...new Set(orderIds)];
      if (ids.length > MAX_LABEL_IDS)
        throw new RangeError(`at most ${MAX_LABEL_IDS} orders at once, not ${ids.length}`);
      if (ids.length === 0) return 0;
      await db.transaction().execute((trx) => write(trx, ids, label, change));
      return ids.length;
    },
    async list(prefix, limit) {
      const rows = await db
        .selectFrom("labels")
        .select((eb) => ["label", eb.fn.countAll<number | string>().as("orders")])
        .where("account", "=", account)
        .groupBy("label")
        .execute();
      const start = fold(prefix.normalize("NFC").trim());
      return rows
        .filter((r) => fold(r.label).startsWith(start))
        .map((r) => ({ label: r.label, orders: Number(r.orders) }))
        .sort((a, b) => b.orders - a.orders || collator.compare(a.label, b.label))
        .slice(0, limit);
    },
    revision,
    async snapshot() {
      // The revision first: a change committed between the two reads leaves a snapshot newer
      // than its revision (read again later, harmless), never older (stale until the next change).
      const at = await revision();
      const rows = await db
        .selectFrom("labels")
        .select(["order_id", "label"])
        .where("account", "=", account)
        .execute();
      // One string per distinct label, however many orders carry it.
      const interned = new Map<string, string>();
      const byOrder = new Map<number, string>();
      for (const { order_id, label } of rows) {
        let text = interned.get(label);
        if (text === undefined) interned.set(label, (text = label));
        byOrder.set(Number(order_id), text);
      }
      return { revision: at, byOrder };
    },
    async changesSince(since) {
      const at = await revision();
      if (at <= since) return { revision: at, changed: [] };
      // One statement, so Postgres answers both tables from one moment: an order moves between
      // them only in a transaction, and each shows here in exactly one of them or in neither.
      const rows = await db
        .selectFrom("labels")
        .select((eb) => ["order_id", eb.ref("label").$castTo<string | null>().as("label")])
        .where("account", "=", account)
        .where("revision", ">", since)
        .unionAll(
          db
            .selectFrom("label_removals")
            .select(["order_id", sql<string | null>`null`.as("label")])
            .where("account", "=", account)
            .where("revision", ">", since),
        )
        .execute();
      return {
        revision: at,
        changed: rows.map(({ order_id, label }) => [Number(order_id), label]),
      };
    },
  };
}

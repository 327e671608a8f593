// The account's budget of upstream calls in flight, shared by every instance on one Postgres: a
// call holds one of `size` slot rows until it ends, or until the lease runs out if its instance
// dies mid-call (so a dead instance holds nothing for longer than the lease).
import "server-only";
import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { LogSink } from "@/lib/log";
import type { Database } from "./schema";

/** Runs a task within the budget. */
export type Limit = <T>(task: () => Promise<T>) => Promise<T>;

export type SlotOptions = {
  account: string;
  size: number;
  /** How long a slot is held at most: the call's timeout and some margin. */
  leaseMs: number;
  log: LogSink;
  /** Pause between attempts while every slot is held. */
  pollMs?: number;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function upstreamSlots(db: Kysely<Database>, opts: SlotOptions): Limit {
  const { account, size, leaseMs, log } = opts;
  const pollMs = opts.pollMs ?? 15;
  const instance = randomBytes(6).toString("hex");
  let calls = 0;
  let ready: Promise<void> | null = null;
  const ensureRows = () =>
    (ready ??= db
      .insertInto("upstream_slots")
      .values(
        Array.from({ length: size }, (_, slot) => ({ account, slot, holder: null, expires_at: 0 })),
      )
      .onConflict((oc) => oc.columns(["account", "slot"]).doNothing())
      .execute()
      .then(() => {}));

  async function acquire(holder: string): Promise<number> {
    await ensureRows();
    for (;;) {
      const now = Date.now();
      const { rows } = await sql<{ slot: number }>`
        update upstream_slots set holder = ${holder}, expires_at = ${now + leaseMs}
        where account = ${account} and slot = (
          select slot from upstream_slots
          where account = ${account} and slot < ${size} and (holder is null or expires_at < ${now})
          order by slot limit 1 for update skip locked)
        returning slot`.execute(db);
      const slot = rows[0]?.slot;
      if (slot !== undefined) return slot;
      await sleep(pollMs * (0.5 + Math.random()));
    }
  }

  const release = (slot: number, holder: string) =>
    db
      .updateTable("upstream_slots")
      .set({ holder: null, expires_at: 0 })
      .where("account", "=", account)
      .where("slot", "=", slot)
      .where("holder", "=", holder)
      .execute();

  return async (task) => {
    const holder = `${instance}:${++calls}`;
    let slot: number;
    try {
      slot = await acquire(holder);
    } catch (error) {
      // Without the store the budget is this instance's own; the health check says the store is down.
      log({
        event: "store_error",
        op: "slot",
        error: error instanceof Error ? error.message : "unknown",
      });
      return task();
    }
    try {
      return await task();
    } finally {
      await release(slot, holder).catch((error: unknown) =>
        log({
          event: "store_error",
          op: "slot_release",
          error: error instanceof Error ? error.message : "unknown",
        }),
      );
    }
  };
}

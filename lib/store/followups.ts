// Follow-up list jobs in the store: their state, progress and finished file, so that a status poll
// or a download that a balancer sends to another instance sees the job where it is. The file is
// written together with the "done" status in one statement (never half a file), and every row is
// dropped once it expires; an instance that dies mid-job stops its heartbeat, and readers then see
// the job as failed (lib/server/followups.ts).
import "server-only";
import { sql, type Kysely } from "kysely";
import type { Database } from "./schema";

type FollowupState = "running" | "done" | "failed";

export type FollowupRow = {
  id: string;
  user: string;
  status: FollowupState;
  target: string;
  ordersTotal: number;
  ordersDone: number;
  recipients: number;
  error: { code: string; message: string } | null;
  fileName: string | null;
  /** The finished file's size in bytes (the file itself is read apart). */
  fileBytes: number | null;
  createdAt: number;
  heartbeatAt: number;
  expiresAt: number;
};

type NewJob = { id: string; user: string; target: string; ordersTotal: number; at: number };
type Progress = { ordersDone: number; recipients: number; at: number };

export type FollowupStore = {
  create(job: NewJob, keepMs: number): Promise<void>;
  /** The user's jobs still running whose heartbeat is newer than `aliveSince`. */
  runningFor(user: string, aliveSince: number): Promise<number>;
  /** Progress and a heartbeat; false when the job is no longer running (failed as stale). */
  progress(id: string, progress: Progress, keepMs: number): Promise<boolean>;
  /** The file and "done" in one statement; false when the job was no longer running. */
  finish(
    id: string,
    done: Progress & { fileName: string; file: Uint8Array },
    keepMs: number,
  ): Promise<boolean>;
  /** Marks a running job failed; `staleBefore`: only if its heartbeat is older than that. */
  fail(
    id: string,
    error: { code: string; message: string },
    at: number,
    keepMs: number,
    staleBefore?: number,
  ): Promise<void>;
  read(id: string): Promise<FollowupRow | null>;
  file(id: string): Promise<{ name: string; data: Uint8Array } | null>;
  /** Drops expired jobs; answers how many. */
  prune(now: number): Promise<number>;
};

const STATES: readonly string[] = ["running", "done", "failed"];

export function followupStore(db: Kysely<Database>, account: string): FollowupStore {
  const job = (id: string) =>
    db.updateTable("followups").where("account", "=", account).where("id", "=", id);
  return {
    async create({ id, user, target, ordersTotal, at }, keepMs) {
      await db
        .insertInto("followups")
        .values({
          id,
          account,
          username: user,
          status: "running",
          target,
          orders_total: ordersTotal,
          orders_done: 0,
          recipients: 0,
          error_code: null,
          error_message: null,
          file_name: null,
          file: null,
          created_at: at,
          heartbeat_at: at,
          expires_at: at + keepMs,
        })
        .execute();
    },
    async runningFor(user, aliveSince) {
      const row = await db
        .selectFrom("followups")
        .select((eb) => eb.fn.countAll<number | string>().as("n"))
        .where("account", "=", account)
        .where("username", "=", user)
        .where("status", "=", "running")
        .where("heartbeat_at", ">=", aliveSince)
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    async progress(id, { ordersDone, recipients, at }, keepMs) {
      const result = await job(id)
        .set({
          orders_done: ordersDone,
          recipients,
          heartbeat_at: at,
          expires_at: at + keepMs,
        })
        .where("status", "=", "running")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async finish(id, { ordersDone, recipients, at, fileName, file }, keepMs) {
      const result = await job(id)
        .set({
          status: "done",
          orders_done: ordersDone,
          recipients,
          heartbeat_at: at,
          expires_at: at + keepMs,
          file_name: fileName,
          file,
        })
        .where("status", "=", "running")
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async fail(id, { code, message }, at, keepMs, staleBefore) {
      let update = job(id)
        .set({
          status: "failed",
          error_code: code,
          error_message: message,
          expires_at: at + keepMs,
        })
        .where("status", "=", "running");
      if (staleBefore !== undefined) update = update.where("heartbeat_at", "<", staleBefore);
      await update.execute();
    },
    async read(id) {
      const row = await db
        .selectFrom("followups")
        .select([
          "id",
          "username",
          "status",
          "target",
          "orders_total",
          "orders_done",
          "recipients",
          "error_code",
          "error_message",
          "file_name",
          "created_at",
          "heartbeat_at",
          "expires_at",
          sql<number | string | null>`length(file)`.as("file_bytes"),
        ])
        .where("account", "=", account)
        .where("id", "=", id)
        .executeTakeFirst();
      if (!row || !STATES.includes(row.status)) return null;
      return {
        id: row.id,
        user: row.username,
        status: row.status as FollowupState,
        target: row.target,
        ordersTotal: row.orders_total,
        ordersDone: row.orders_done,
        recipients: row.recipients,
        error:
          row.error_code === null
            ? null
            : { code: row.error_code, message: row.error_message ?? "" },
        fileName: row.file_name,
        fileBytes: row.file_bytes === null ? null : Number(row.file_bytes),
        createdAt: Number(row.created_at),
        heartbeatAt: Number(row.heartbeat_at),
        expiresAt: Number(row.expires_at),
      };
    },
    async file(id) {
      const row = await db
        .selectFrom("followups")
        .select(["file_name", "file"])
        .where("account", "=", account)
        .where("id", "=", id)
        .where("status", "=", "done")
        .executeTakeFirst();
      if (!row?.file || row.file_name === null) return null;
      return { name: row.file_name, data: new Uint8Array(row.file) };
    },
    async prune(now) {
      const result = await db
        .deleteFrom("followups")
        .where("expires_at", "<", now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

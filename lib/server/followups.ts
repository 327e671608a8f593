// Follow-up list jobs: the selection is read and the limits checked while the POST waits (a 400 or
// 429 before any get-report call), then the job runs in this process while its state lives in the
// store, so that a status poll or a download on any instance sees it. The job's instance beats a
// heartbeat into its row; a running job whose heartbeat stopped (its instance died) reads as
// failed. Jobs and their files are dropped an hour after their last change.
import "server-only";
import { randomBytes } from "node:crypto";
import { ApiError } from "@/lib/api/api-error";
import { toApiError } from "@/lib/api/errors";
import type { Role } from "@/lib/auth/roles";
import type { CallOwner } from "@/lib/iletimerkezi/scheduler";
import { logToStdout } from "@/lib/log";
import type { ExportQuery } from "@/lib/reports/contract/export-query";
import {
  FOLLOWUP_MAX_MESSAGES,
  FOLLOWUP_MAX_ORDERS,
  type FollowupOptions,
  type FollowupResponse,
} from "@/lib/reports/contract/followup-query";
import type { ReportQuery } from "@/lib/reports/contract/report-query";
import type { Order } from "@/lib/reports/contract/types";
import { collect, followupStream } from "@/lib/reports/engine/followup-file";
import { NumberTable } from "@/lib/reports/engine/followup-table";
import { ordersToWalk, selectionMessages, walkFollowup } from "@/lib/reports/engine/followup-walk";
import { maskNumber, RecipientSource } from "@/lib/reports/engine/recipients";
import { followupStore, type FollowupRow, type FollowupStore } from "@/lib/store/followups";
import { guarded } from "./access";
import { services, type Services } from "./services";
import { store } from "./store";

/** A job and its file are kept this long after their last change. */
export const FOLLOWUP_KEEP_MS = 3_600_000;
/** How often a running job says it is alive (and writes its progress, at the latest). */
const HEARTBEAT_MS = 5_000;
/** A running job silent this long is taken for dead: its instance stopped. */
export const FOLLOWUP_STALE_MS = 30_000;
/** Progress is written at most this often between heartbeats. */
const PROGRESS_EVERY_MS = 500;
/** Lists one user may have running at once, across instances. */
const RUNNING_PER_USER = 1;
/** Lists running at once in this process, all users together. */
const RUNNING_PER_PROCESS = 4;
/** Expired jobs are looked for at most this often per process. */
const PRUNE_EVERY_MS = 60_000;

const holder = globalThis as typeof globalThis & {
  __followups?: Set<Promise<void>>;
  __followupsPrunedAt?: number;
};
const running = (holder.__followups ??= new Set());

const fmt = (n: number) => n.toLocaleString("en-US");

async function withJobs<T>(use: (jobs: FollowupStore, s: Services) => Promise<T>): Promise<T> {
  const s = await services();
  return guarded(
    async () => use(followupStore((await store()).db, s.fingerprint), s),
    "follow-up lists can be neither started nor read",
  );
}

async function prune(jobs: FollowupStore, now: number): Promise<void> {
  if (now - (holder.__followupsPrunedAt ?? 0) < PRUNE_EVERY_MS) return;
  holder.__followupsPrunedAt = now;
  await jobs.prune(now);
}

/** A list ready to start: the selection's orders to walk, oldest first. */
export type FollowupPlan = {
  user: string;
  query: ReportQuery;
  options: FollowupOptions;
  orders: Order[];
};

/**
 * Reads the selection (loading its days as a report does) and checks the caps and the user's and
 * process's running lists; throws 400 invalid_query or 429 too_many_reports with what to do.
 */
export async function planFollowup(
  user: string,
  query: ReportQuery,
  options: FollowupOptions,
  signal?: AbortSignal,
): Promise<FollowupPlan> {
  const { engine } = await services();
  const selection = await engine.report(
    { ...query, compare: "none", page: 1, pageSize: FOLLOWUP_MAX_ORDERS, sort: "submitAt" },
    { user, signal },
  );
  const total = selection.orders.total;
  if (total > FOLLOWUP_MAX_ORDERS)
    throw new ApiError(
      "invalid_query",
      `This selection has ${fmt(total)} orders; a follow-up list takes at most ${FOLLOWUP_MAX_ORDERS}. Narrow it (a shorter range, a label, a sender or a status filter) and start again.`,
    );
  const messages = selectionMessages(selection.orders.items, options.messageStatus);
  if (messages > FOLLOWUP_MAX_MESSAGES)
    throw new ApiError(
      "invalid_query",
      `The orders of this selection hold ${fmt(messages)} messages with the chosen statuses; a follow-up list takes at most ${fmt(FOLLOWUP_MAX_MESSAGES)}. Narrow the selection or choose fewer statuses, and start again.`,
    );
  if (running.size >= RUNNING_PER_PROCESS)
    throw new ApiError(
      "too_many_reports",
      `The dashboard is preparing ${running.size} follow-up lists right now. Try again in a minute.`,
      undefined,
      { "retry-after": "30" },
    );
  const mine = await withJobs((jobs) => jobs.runningFor(user, Date.now() - FOLLOWUP_STALE_MS));
  if (mine >= RUNNING_PER_USER)
    throw new ApiError(
      "too_many_reports",
      "You already have a follow-up list being prepared; wait until it is ready, then start the next.",
      undefined,
      { "retry-after": "10" },
    );
  return {
    user,
    query,
    options,
    orders: ordersToWalk(selection.orders.items, options.messageStatus),
  };
}

/** The job's row as GET /api/followups/{id} answers it. */
function response(row: FollowupRow): FollowupResponse {
  return {
    id: row.id,
    status: row.status,
    orders: { total: row.ordersTotal, done: row.ordersDone },
    recipients: row.recipients,
    error: row.error,
    file:
      row.status === "done" && row.fileName !== null
        ? { name: row.fileName, bytes: row.fileBytes ?? 0 }
        : null,
    expiresAt: new Date(row.expiresAt).toISOString(),
  };
}

/** Creates the job's row and starts it in this process; answers its first state. */
export async function launchFollowup(
  plan: FollowupPlan,
  target: string,
  file: ExportQuery,
): Promise<FollowupResponse> {
  const id = randomBytes(16).toString("hex");
  const at = Date.now();
  const created = await withJobs(async (jobs, s) => {
    await prune(jobs, at);
    await jobs.create(
      { id, user: plan.user, target, ordersTotal: plan.orders.length, at },
      FOLLOWUP_KEEP_MS,
    );
    return { jobs, s };
  });
  const task = run(id, plan, file, created.jobs, created.s);
  running.add(task);
  void task.finally(() => running.delete(task));
  const row = await created.jobs.read(id);
  if (!row) throw new ApiError("internal", "The follow-up list was started but cannot be read.");
  return response(row);
}

async function run(
  id: string,
  plan: FollowupPlan,
  file: ExportQuery,
  jobs: FollowupStore,
  s: Services,
): Promise<void> {
  const owner: { user: string; background: boolean; abandoned: boolean } = {
    user: plan.user,
    background: false,
    abandoned: false,
  };
  const table = new NumberTable();
  let done = 0;
  let written = 0;
  const beat = async () => {
    written = Date.now();
    const alive = await jobs.progress(
      id,
      { ordersDone: done, recipients: table.size, at: written },
      FOLLOWUP_KEEP_MS,
    );
    // Taken for dead elsewhere (a heartbeat lost to a store outage): its queued calls are dropped.
    if (!alive) owner.abandoned = true;
  };
  const timer = setInterval(() => {
    beat().catch(() => {});
  }, HEARTBEAT_MS);
  timer.unref?.();
  try {
    await walkFollowup({
      source: new RecipientSource(s.client, 1),
      owner: owner satisfies CallOwner,
      orders: plan.orders,
      statuses: plan.options.messageStatus,
      table,
      maxAdded: 2 * FOLLOWUP_MAX_MESSAGES,
      onOrder: async (n) => {
        done = n;
        if (owner.abandoned) throw new Error("the follow-up list was taken for stopped");
        if (Date.now() - written >= PROGRESS_EVERY_MS) await beat();
      },
    });
    const { start, end } = plan.query;
    const show = plan.options.reveal ? (n: string) => n : maskNumber;
    const data = await collect(
      followupStream({
        table,
        orderIds: plan.orders.map((o) => o.id),
        file,
        sep: plan.query.sep,
        show,
        modified: new Date(),
      }),
    );
    await jobs.finish(
      id,
      {
        ordersDone: done,
        recipients: table.size,
        at: Date.now(),
        fileName: `followup-${start}-${end}.${file.format}`,
        file: data,
      },
      FOLLOWUP_KEEP_MS,
    );
    logToStdout({
      event: "followup_done",
      orders: done,
      recipients: table.size,
      bytes: data.byteLength,
    });
  } catch (error) {
    const { code, message } = toApiError(error);
    logToStdout({
      event: "followup_failed",
      code,
      error: error instanceof Error ? error.name : "unknown",
    });
    await jobs
      .fail(id, { code, message }, Date.now(), FOLLOWUP_KEEP_MS)
      .catch(() => logToStdout({ event: "followup_fail_unrecorded" }));
  } finally {
    clearInterval(timer);
  }
}

const notFound = () =>
  new ApiError(
    "followup_not_found",
    "There is no follow-up list with this id for you: it may have expired (lists are kept for an hour). Start it again from the report.",
  );

/** The job's row if the user may read it (theirs, or any for an admin), a stopped one failed. */
async function readable(jobs: FollowupStore, id: string, user: string, role: Role) {
  const now = Date.now();
  await prune(jobs, now);
  let row = await jobs.read(id);
  if (!row || row.expiresAt < now || (row.user !== user && role !== "admin")) throw notFound();
  if (row.status === "running" && row.heartbeatAt < now - FOLLOWUP_STALE_MS) {
    await jobs.fail(
      id,
      {
        code: "internal",
        message: `The server preparing this list stopped before it was done (no sign of it for ${FOLLOWUP_STALE_MS / 1000} s). Start the list again.`,
      },
      now,
      FOLLOWUP_KEEP_MS,
      now - FOLLOWUP_STALE_MS,
    );
    row = (await jobs.read(id)) ?? row;
  }
  return row;
}

export function followupStatus(id: string, user: string, role: Role): Promise<FollowupResponse> {
  return withJobs(async (jobs) => response(await readable(jobs, id, user, role)));
}

/** The finished file; 409 followup_not_ready while it runs, with its error when it failed. */
export function followupFile(
  id: string,
  user: string,
  role: Role,
): Promise<{ name: string; data: Uint8Array }> {
  return withJobs(async (jobs) => {
    const row = await readable(jobs, id, user, role);
    if (row.status === "failed")
      throw new ApiError(
        "followup_not_ready",
        `This follow-up list failed and has no file: ${row.error?.message ?? "unknown error"}`,
      );
    const file = row.status === "done" ? await jobs.file(id) : null;
    if (!file)
      throw new ApiError(
        "followup_not_ready",
        `This follow-up list is not ready yet (${row.ordersDone} of ${row.ordersTotal} orders walked). Ask again when its status is "done".`,
      );
    return file;
  });
}

/** Resolves once no list of this process is running (tests). */
export async function whenFollowupsIdle(): Promise<void> {
  while (running.size > 0) await Promise.allSettled([...running]);
}

// Recording what people do (lib/store/audit.ts keeps it): every reveal, export, sign-in, failed
// sign-in and logout, with the user, what it was about and the client's address. Reveals and
// exports also have an hourly quota per user, counted from the same log, so it holds on every
// instance. A store that fails refuses the action (503): nothing auditable happens unrecorded.
import "server-only";
import { withAudit } from "@/lib/server/access";
import type { AuditEvent } from "@/lib/store/audit";
import { ApiError } from "./api-error";
import type { AuditAction } from "./audit-actions";
import { clientAddress } from "./request-guards";

/** Reveals (JSON pages or CSVs with full numbers) one user may make in an hour. */
export const REVEALS_PER_HOUR = 120;
/** Exports (orders or recipients) one user may make in an hour. */
const EXPORTS_PER_HOUR = 60;

const HOUR_MS = 3_600_000;
/** Events older than a year are dropped at most this often, by whichever instance records. */
const PRUNE_EVERY_MS = HOUR_MS;
const holder = globalThis as typeof globalThis & { __auditPrunedAt?: number };

/** Targets and names are user input: kept short and on one line. */
const clip = (text: string) => text.replace(/[\r\n\t]+/g, " ").slice(0, 300);

/** An event as the log keeps it, for a change that writes it in its own transaction (labels). */
export function auditEvent(
  request: Request,
  user: string,
  action: AuditAction,
  target: string,
  at = Date.now(),
): AuditEvent {
  return { at, user: clip(user), action, target: clip(target), ip: clientAddress(request) };
}

export async function recordAudit(
  request: Request,
  user: string,
  action: AuditAction,
  target: string,
): Promise<void> {
  const at = Date.now();
  await withAudit(async (log) => {
    await log.add(auditEvent(request, user, action, target, at));
    if (at - (holder.__auditPrunedAt ?? 0) > PRUNE_EVERY_MS) {
      holder.__auditPrunedAt = at;
      await log.prune(at);
    }
  });
}

const QUOTAS: Partial<
  Record<AuditAction, { limit: number; actions: AuditAction[]; what: string }>
> = {
  reveal: { limit: REVEALS_PER_HOUR, actions: ["reveal"], what: "reveals of phone numbers" },
  export_orders: {
    limit: EXPORTS_PER_HOUR,
    actions: ["export_orders", "export_recipients"],
    what: "exports",
  },
  export_recipients: {
    limit: EXPORTS_PER_HOUR,
    actions: ["export_orders", "export_recipients"],
    what: "exports",
  },
};

/** Throws 429 rate_limited when the user has used up the hour's quota for the action. */
export async function checkQuota(user: string, action: AuditAction): Promise<void> {
  const quota = QUOTAS[action];
  if (!quota) return;
  const now = Date.now();
  const { count, oldest } = await withAudit((log) => log.count(user, quota.actions, now - HOUR_MS));
  if (count < quota.limit) return;
  const wait = Math.max(1, Math.ceil(((oldest ?? now) + HOUR_MS - now) / 1000));
  throw new ApiError(
    "rate_limited",
    `You have made ${quota.limit} ${quota.what} in the last hour, the most allowed. Try again in ${Math.ceil(wait / 60)} minute(s).`,
    429,
    { "retry-after": String(wait) },
  );
}

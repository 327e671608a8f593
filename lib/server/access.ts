// The store's sessions and audit log for the whole process (routes and pages are bundled apart,
// the store is one). A store that fails here answers 503 store_unavailable: without it nobody's
// session can be checked and nothing auditable may happen.
import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { auditLog, type AuditLog } from "@/lib/store/audit";
import { sessionStore, type SessionStore } from "@/lib/store/sessions";
import { store } from "./store";

/** Runs `run`; any failure but an ApiError becomes 503 store_unavailable, saying `what` fails. */
export async function guarded<T>(
  run: () => Promise<T>,
  what = "sessions and the audit log cannot be used",
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(
      "store_unavailable",
      `The dashboard's store is not answering, so ${what}. Try again in a minute.`,
    );
  }
}

/** Runs `use` on the store's sessions; 503 store_unavailable if the store fails. */
export function withSessions<T>(use: (s: SessionStore) => Promise<T>): Promise<T> {
  return guarded(async () => use(sessionStore((await store()).db)));
}

/** Runs `use` on the store's audit log; 503 store_unavailable if the store fails. */
export function withAudit<T>(use: (a: AuditLog) => Promise<T>): Promise<T> {
  return guarded(async () => use(auditLog((await store()).db)));
}

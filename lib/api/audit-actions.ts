// The audit log's actions (product.md "Roles"): what the API records and the admin page filters
// by. Safe for the browser.

export const AUDIT_ACTIONS = [
  "login",
  "login_failed",
  "logout",
  "reveal",
  "export_orders",
  "export_recipients",
  "label",
  "share_create",
  "share_revoke",
  "digest",
  "alert",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const isAuditAction = (value: string): value is AuditAction =>
  (AUDIT_ACTIONS as readonly string[]).includes(value);

/** One event as GET /api/audit answers it. */
export type AuditEventView = {
  at: string;
  user: string;
  action: AuditAction;
  target: string;
  ip: string;
};
export type AuditResponse = { events: AuditEventView[]; next: string | null };

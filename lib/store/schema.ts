// The store's tables as the query layer sees them: one schema for both engines (SQLite embedded,
// Postgres shared); queries keep to what both speak alike.

export type Database = {
  /**
   * Settled days of orders, one row per account and Istanbul day: the day's columns as bytes
   * (lib/reports/engine/day-codec.ts). `account` is the API key's fingerprint, never the key.
   */
  settled_days: {
    account: string;
    day: string;
    orders: number;
    data: Uint8Array;
    /** ISO instant of the write. */
    stored_at: string;
    /** 1: settled (kept for good); 0: fresh, good until fetched_at + the fresh TTL. */
    settled: number;
    /** ms since the epoch of the walk; pg hands bigint back as a string. */
    fetched_at: number | string;
  };
  /** Who walks which day right now, across instances: a claim ends when released or expired. */
  day_claims: {
    account: string;
    day: string;
    holder: string;
    expires_at: number | string;
  };
  /** The account's upstream budget across instances: a slot is free when unheld or expired. */
  upstream_slots: {
    account: string;
    slot: number;
    holder: string | null;
    /** ms since the epoch; pg hands bigint back as a string. */
    expires_at: number | string;
  };
  /** One row per failed sign-in and key (`user:<name>` or `addr:<address>`). */
  login_failures: {
    key: string;
    /** ms since the epoch; pg hands bigint back as a string. */
    at: number | string;
  };
  /** A walk's progress by range (`start..end`), written as it advances. */
  walk_progress: {
    account: string;
    range: string;
    total: number;
    done: number;
    active: number;
    updated_at: number | string;
  };
  /** A signed-in session; the cookie holds only its id. */
  sessions: {
    id: string;
    username: string;
    role: string;
    /** A fingerprint of the user's hash and role at sign-in: a changed one ends the session. */
    credential: string;
    created_at: number | string;
    seen_at: number | string;
    ended_at: number | string | null;
  };
  /** Who did what (product.md "Roles"), newest first by (at, id); kept a year. */
  audit_events: {
    id: string;
    at: number | string;
    username: string;
    action: string;
    target: string;
    ip: string;
  };
  /** A campaign label on an order (lib/store/labels.ts); no row: the order has none. */
  labels: {
    account: string;
    /** The iletiMerkezi order id; pg hands bigint back as a string. */
    order_id: number | string;
    /** Normalised by checkLabel (lib/labels/contract.ts): NFC, trimmed, 1–80 characters. */
    label: string;
    /** ms since the epoch; pg hands bigint back as a string. */
    updated_at: number | string;
    updated_by: string;
    /** The account's revision that last wrote this label (0: before migration 0008). */
    revision: number | string;
  };
  /** Orders whose label was removed, and by which revision, until they are labelled again. */
  label_removals: {
    account: string;
    order_id: number | string;
    revision: number | string;
  };
  /** One row per account: bumped by every label change, so a cached map knows when it is stale. */
  label_revisions: {
    account: string;
    revision: number | string;
  };
  /** A follow-up list being made or made (lib/store/followups.ts); dropped after expires_at. */
  followups: {
    /** 128 random bits, hex: the only handle on the job. */
    id: string;
    account: string;
    /** Who started it: only they (and admins) may read it. */
    username: string;
    /** "running" | "done" | "failed". */
    status: string;
    /** What the list is of, as the audit log names it. */
    target: string;
    orders_total: number;
    orders_done: number;
    recipients: number;
    error_code: string | null;
    error_message: string | null;
    file_name: string | null;
    /** The finished file, written with status "done" in one statement. */
    file: Uint8Array | null;
    /** ms since the epoch; pg hands bigint back as a string. */
    created_at: number | string;
    /** Last sign of life of the instance running it (ms). */
    heartbeat_at: number | string;
    expires_at: number | string;
  };
};

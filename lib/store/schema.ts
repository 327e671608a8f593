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
  };
  /** The account's upstream budget across instances: a slot is free when unheld or expired. */
  upstream_slots: {
    account: string;
    slot: number;
    holder: string | null;
    /** ms since the epoch; pg hands bigint back as a string. */
    expires_at: number | string;
  };
};

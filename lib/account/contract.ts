// GET /api/account's answer, shared by the route and the header card (browser-safe).

export type AccountResponse = {
  /** Lira and SMS credits as iletiMerkezi reports them; null when its answer had no readable value. */
  balance: { amount: number | null; sms: number | null };
  /** Approved sender ids. */
  senders: string[];
  /**
   * Messages a day over the last 30 full Istanbul days, and the whole days the credits last at
   * that pace. `pending`: those days are still being fetched from iletiMerkezi (ask again soon).
   */
  pace: { smsPerDay: number | null; daysLeft: number | null; pending: boolean };
};

/** Whole days `sms` credits last at `smsPerDay`; null when either is unknown or nothing is sent. */
export function daysLeft(sms: number | null, smsPerDay: number | null): number | null {
  if (sms === null || smsPerDay === null || !(smsPerDay > 0)) return null;
  return Math.max(0, Math.floor(sms / smsPerDay));
}

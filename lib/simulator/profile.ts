// The shape of the fake account's traffic: who sends, how well it lands, and when people send.

export type SenderProfile = {
  name: string;
  /** Share of the account's orders. */
  weight: number;
  /** Typical final delivery rate of its messages. */
  deliveryRate: number;
  /** Chance that one of its orders is a large campaign. */
  campaignShare: number;
  /** One-time passwords go to one phone each, immediately. */
  singleOnly: boolean;
};

// Plain names as the panel approves them; delivery rates differ so per-sender charts have a story.
export const SENDERS: readonly SenderProfile[] = [
  { name: "OTP-SMS", weight: 0.3, deliveryRate: 0.98, campaignShare: 0, singleOnly: true },
  { name: "eMarka Test", weight: 0.25, deliveryRate: 0.95, campaignShare: 0.02, singleOnly: false },
  { name: "BILGI", weight: 0.2, deliveryRate: 0.93, campaignShare: 0.02, singleOnly: false },
  { name: "ACME SHOP", weight: 0.15, deliveryRate: 0.9, campaignShare: 0.03, singleOnly: false },
  { name: "KAMPANYA", weight: 0.1, deliveryRate: 0.85, campaignShare: 0.12, singleOnly: false },
];

/** Relative sending activity per Istanbul hour: quiet nights, busy 09–21. */
const HOUR_WEIGHTS = [
  0.15, 0.1, 0.05, 0.05, 0.05, 0.1, 0.25, 0.5, 0.9, 1.4, 1.6, 1.6, 1.5, 1.5, 1.6, 1.6, 1.5, 1.5,
  1.4, 1.3, 1.2, 1.0, 0.6, 0.3,
];

function cumulative(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  let run = 0;
  return weights.map((w) => (run += w / total));
}

const HOUR_CDF = cumulative(HOUR_WEIGHTS);
const SENDER_CDF = cumulative(SENDERS.map((s) => s.weight));

function pick(cdf: readonly number[], u: number): number {
  for (let i = 0; i < cdf.length; i++) if (u < (cdf[i] ?? 1)) return i;
  return cdf.length - 1;
}

export function pickHour(u: number): number {
  return pick(HOUR_CDF, u);
}

export function pickSender(u: number): SenderProfile {
  return SENDERS[pick(SENDER_CDF, u)] ?? (SENDERS[0] as SenderProfile);
}

/** Weekend traffic is about 40% of a weekday's. */
export const WEEKEND_FACTOR = 0.4;
/** Share of orders that fail outright (115: nothing delivered). */
export const FAILED_SHARE = 0.015;
/** Share of non-OTP orders scheduled hours ahead. */
export const SCHEDULED_SHARE = 0.06;
/** Share of orders whose numbers come back bare national (older answers). */
export const BARE_NUMBER_SHARE = 0.08;
/** Nothing stays in the carrier queue longer than this after sendAt. */
export const MAX_SETTLE_MS = 3 * 3_600_000;

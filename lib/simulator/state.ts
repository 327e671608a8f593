// Applies the clock to a generated order: how many of its messages are final at `nowMs`, and each
// recipient's status. Counters and per-recipient statuses come from the same arithmetic, so they
// agree exactly without ever listing a 50,000-recipient order.
import type { DayOrder } from "./data";
import { affinePermutation, hash32 } from "./random";
import type { SimOrder, SimWireMessage } from "./types";

export type Counters = { status: number; delivered: number; undelivered: number; waiting: number };

/** Messages final at `nowMs`: none before sendAt, then fast at first with a tail, all by settleMs. */
function settledCount(order: DayOrder, nowMs: number): number {
  const elapsed = nowMs - order.sendMs;
  if (elapsed < 0) return 0;
  if (elapsed >= order.settleMs) return order.total;
  const x = elapsed / order.settleMs;
  return Math.floor(order.total * (1 - (1 - x) * (1 - x)));
}

// The final outcome is spread evenly over ranks (Bresenham): rank r is delivered iff the running
// quota floor(r·D/T) steps at r. The first S ranks then hold exactly floor(S·D/T) deliveries.
function deliveredAmongFirst(order: DayOrder, settled: number): number {
  return Math.floor((settled * order.finalDelivered) / order.total);
}

export function countersAt(order: DayOrder, nowMs: number): Counters {
  const settled = settledCount(order, nowMs);
  const delivered = deliveredAmongFirst(order, settled);
  const waiting = order.total - settled;
  const status = waiting > 0 ? 113 : delivered === 0 ? 115 : 114;
  return { status, delivered, undelivered: settled - delivered, waiting };
}

export function simOrder(order: DayOrder, nowMs: number): SimOrder {
  const c = countersAt(order, nowMs);
  return {
    id: order.id,
    status: c.status,
    total: order.total,
    delivered: c.delivered,
    undelivered: c.undelivered,
    waiting: c.waiting,
    submitAt: order.submitAt,
    sendAt: order.sendAt,
    sender: order.sender,
    // Priced in credits: one per delivered one-segment message; undelivered are not charged.
    price: c.delivered,
  };
}

/** Recipients [from, to) of an order with their status at `nowMs`. */
export function messagesAt(
  order: DayOrder,
  seed: number,
  nowMs: number,
  from: number,
  to: number,
): SimWireMessage[] {
  const rank = affinePermutation(order.total, hash32(seed, order.id, 0x9e5));
  const settled = settledCount(order, nowMs);
  const out: SimWireMessage[] = [];
  for (let i = Math.max(0, from); i < Math.min(order.total, to); i++) {
    const r = rank(i);
    const status =
      r >= settled
        ? 110
        : deliveredAmongFirst(order, r + 1) > deliveredAmongFirst(order, r)
          ? 111
          : 112;
    out.push({ number: phoneNumber(order, seed, i), status });
  }
  return out;
}

function phoneNumber(order: DayOrder, seed: number, index: number): string {
  const h = hash32(seed, order.id, index);
  // Turkish mobile prefixes 50x/53x/54x/55x, then seven more digits.
  const prefix = `5${"0345"[h % 4]}${(h >>> 4) % 10}`;
  const national = prefix + String(hash32(h, 7) % 10_000_000).padStart(7, "0");
  return order.bareNumbers ? national : `+90${national}`;
}

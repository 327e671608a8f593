// The account's balance and approved senders. Credits fall as the model's orders go out: the account
// buys a package at the start of every 60-day cycle, sized to that cycle's traffic plus a seeded
// margin, and every message sent since then costs one credit unless it ended undelivered (those
// are refunded, as the provider does). So "days left" moves with the data and never goes negative.
import { addDays, diffDays, instantOf, istanbulToday } from "@/lib/dates";
import { SENDERS } from "./profile";
import { hash32, unit } from "./random";
import { countersAt } from "./state";
import type { Model } from "./model";
import type { SimulatorOptions } from "./types";

const CYCLE_ANCHOR = "2020-01-01";
export const CYCLE_DAYS = 60;
const PACKAGE_STEP = 1000;

export type SimBalance = { amount: number; sms: number };

/** The first day of the purchase cycle `today` falls in (shifted per seed). */
export function cycleStart(today: string, seed: number): string {
  const offset = hash32(seed, 0xba1) % CYCLE_DAYS;
  const since = diffDays(addDays(CYCLE_ANCHOR, offset), today);
  return addDays(today, -(((since % CYCLE_DAYS) + CYCLE_DAYS) % CYCLE_DAYS));
}

/** Lira per credit, 0.18–0.32 TL by seed. */
function unitPrice(seed: number): number {
  return 0.18 + (hash32(seed, 0x7a1) % 15) / 100;
}

export function balanceAt(o: SimulatorOptions, model: Model): SimBalance {
  const nowMs = o.now().getTime();
  const start = cycleStart(istanbulToday(new Date(nowMs)), o.seed);
  const end = addDays(start, CYCLE_DAYS - 1);
  // The whole cycle as planned (future days included): what the package was bought for.
  const endMs = instantOf(`${end} 23:59:59`).getTime();
  let planned = 0;
  for (const order of model.range(start, end, endMs)) planned += order.total;
  const margin = 0.5 + unit(o.seed, diffDays(CYCLE_ANCHOR, start), 0x3a6);
  const bought = Math.ceil((planned * (1 + margin)) / PACKAGE_STEP) * PACKAGE_STEP + PACKAGE_STEP;
  let spent = 0;
  for (const order of model.range(start, end, nowMs)) {
    if (order.sendMs > nowMs) continue; // scheduled: not charged until it goes out
    spent += order.total - countersAt(order, nowMs).undelivered;
  }
  const sms = Math.max(0, bought - spent);
  return { sms, amount: Math.round(sms * unitPrice(o.seed) * 100) / 100 };
}

/** Sender ids the panel has approved: every sender the traffic uses. */
export function approvedSenders(): string[] {
  return SENDERS.map((s) => s.name);
}

/** "1234.5" → "1.234,50": Turkish grouping with a decimal comma. */
function grouped(value: number, decimals: number): string {
  const [whole = "0", fraction] = value.toFixed(decimals).split(".");
  const withDots = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return fraction === undefined ? withDots : `${withDots},${fraction}`;
}

/** get-balance's `balance` in the dialect the options ask for. */
export function balanceWire(
  b: SimBalance,
  format: SimulatorOptions["balanceFormat"],
): Record<string, unknown> {
  switch (format) {
    case "number":
      return { amount: b.amount, sms: b.sms };
    case "comma":
      return { amount: b.amount.toFixed(2).replace(".", ","), sms: String(b.sms) };
    case "grouped":
      return { amount: grouped(b.amount, 2), sms: grouped(b.sms, 0) };
    case "missing":
      return {};
    default:
      return { amount: b.amount.toFixed(2), sms: String(b.sms) };
  }
}

/** get-sender's `senders` in the shape the options ask for. */
export function sendersWire(names: string[], format: SimulatorOptions["sendersFormat"]): unknown {
  switch (format) {
    case "single":
      return { sender: names[0] ?? "" };
    case "objects":
      return { sender: names.map((name) => ({ name, status: "approved" })) };
    case "flat":
      return names;
    default:
      return { sender: names };
  }
}

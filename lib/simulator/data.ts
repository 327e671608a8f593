// Generates the account's orders one Istanbul day at a time. A day depends only on (seed,
// ordersPerDay, date), never on other days or on the clock; the clock is applied later (state.ts).
import { LRUCache } from "lru-cache";
import { addDays, diffDays, instantOf } from "@/lib/dates";
import {
  BARE_NUMBER_SHARE,
  FAILED_SHARE,
  MAX_SETTLE_MS,
  SCHEDULED_SHARE,
  WEEKEND_FACTOR,
  pickHour,
  pickSender,
} from "./profile";
import { hash32, intBetween, logUniformInt, rng, type Rng } from "./random";

/** An order as generated: its final outcome plus how fast it gets there. */
export type DayOrder = {
  id: number;
  submitAt: string;
  sendAt: string;
  submitMs: number;
  sendMs: number;
  sender: string;
  total: number;
  /** Delivered once every message is final. */
  finalDelivered: number;
  /** Time from sendAt until every message is final. */
  settleMs: number;
  /** Numbers shown as bare national "5XXXXXXXXX". */
  bareNumbers: boolean;
};

const EPOCH = "2020-01-01";
const A_MONDAY = "2024-01-01";
// Id space: one slot of 10,000 per day keeps ids unique and increasing with time; the base puts
// spring 2026 near 313,000,000 like the real examples.
const ID_BASE = 290_000_000;
const ID_SLOT = 10_000;
const DAY_SECONDS = 86_400;

function isWeekend(date: string): boolean {
  const weekday = ((diffDays(A_MONDAY, date) % 7) + 7) % 7; // 0 = Monday
  return weekday >= 5;
}

/** The day an id belongs to, or null when it is not in the generated id space. */
export function dayOfId(id: number): string | null {
  if (!Number.isSafeInteger(id) || id < ID_BASE - 7305 * ID_SLOT) return null;
  return addDays(EPOCH, Math.floor((id - ID_BASE) / ID_SLOT));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function timestamp(date: string, seconds: number): string {
  const days = Math.floor(seconds / DAY_SECONDS);
  const s = seconds - days * DAY_SECONDS;
  const day = days === 0 ? date : addDays(date, days);
  return `${day} ${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
}

function recipientsFor(r: Rng, campaignShare: number, singleOnly: boolean): number {
  if (singleOnly) return 1;
  const u = r();
  if (u < campaignShare) return logUniformInt(r, 1000, 50_000);
  if (u < campaignShare + 0.26) return logUniformInt(r, 2, 1000);
  return 1;
}

function settleFor(r: Rng, total: number): number {
  if (total === 1) return intBetween(r, 3_000, 15 * 60_000);
  if (total < 1000) return intBetween(r, 60_000, 60 * 60_000);
  return intBetween(r, 30 * 60_000, MAX_SETTLE_MS);
}

function generateDay(seed: number, ordersPerDay: number, date: string): DayOrder[] {
  const dayIndex = diffDays(EPOCH, date);
  const r = rng(hash32(seed, dayIndex, 0xda7));
  const mean = ordersPerDay * (isWeekend(date) ? WEEKEND_FACTOR : 1);
  const count = Math.min(ID_SLOT - 1, Math.round(mean * (0.85 + 0.3 * r())));
  const seconds: number[] = [];
  for (let i = 0; i < count; i++) seconds.push(pickHour(r()) * 3600 + Math.floor(r() * 3600));
  seconds.sort((a, b) => a - b);

  const dayStartMs = instantOf(`${date} 00:00:00`).getTime();
  const gap = Math.floor(ID_SLOT / (count + 1));
  const idBase = ID_BASE + dayIndex * ID_SLOT;
  return seconds.map((submitSec, k) => {
    const sender = pickSender(r());
    const total = recipientsFor(r, sender.campaignShare, sender.singleOnly);
    const failed = r() < FAILED_SHARE;
    const rate = Math.min(1, Math.max(0, sender.deliveryRate + (r() - 0.5) * 0.08));
    const finalDelivered = failed
      ? 0
      : total === 1
        ? r() < rate
          ? 1
          : 0
        : Math.round(total * rate);
    // Scheduled sends land on a quarter hour, 1–36 hours after submission.
    const scheduled = !sender.singleOnly && r() < SCHEDULED_SHARE;
    const sendSec = scheduled
      ? Math.ceil((submitSec + intBetween(r, 1, 36) * 3600) / 900) * 900
      : submitSec;
    return {
      id: idBase + k * gap + 1 + Math.floor(r() * gap),
      submitAt: timestamp(date, submitSec),
      sendAt: timestamp(date, sendSec),
      submitMs: dayStartMs + submitSec * 1000,
      sendMs: dayStartMs + sendSec * 1000,
      sender: sender.name,
      total,
      finalDelivered,
      settleMs: failed ? intBetween(r, 10_000, 5 * 60_000) : settleFor(r, total),
      bareNumbers: r() < BARE_NUMBER_SHARE,
    };
  });
}

/** Bounded LRU of generated days: a year of data stays warm, memory stays flat. */
export function createDayCache(limit = 400) {
  const days = new LRUCache<string, DayOrder[]>({ max: limit });
  return {
    get(seed: number, ordersPerDay: number, date: string): DayOrder[] {
      const hit = days.get(date);
      if (hit) return hit;
      const fresh = generateDay(seed, ordersPerDay, date);
      days.set(date, fresh);
      return fresh;
    },
    clear: () => days.clear(),
  };
}

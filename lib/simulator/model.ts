// The account's data as of a clock reading: range queries and id lookups over cached days.
import { eachDay, isCalendarDate, istanbulToday } from "@/lib/dates";
import { createDayCache, dayOfId, type DayOrder } from "./data";
import type { SimulatorOptions } from "./types";

export type Model = {
  /** Orders submitted in the inclusive range and not after nowMs, ascending by submitAt then id. */
  range(start: string, end: string, nowMs: number): DayOrder[];
  /** The order with this id if it exists at nowMs. */
  find(id: number, nowMs: number): DayOrder | null;
};

export function createModel(options: () => SimulatorOptions): Model {
  const cache = createDayCache();
  let generation = "";

  function day(date: string): DayOrder[] {
    const o = options();
    // A day is a function of seed and volume only; change either and the cache is stale.
    const key = `${o.seed}:${o.ordersPerDay}`;
    if (key !== generation) {
      cache.clear();
      generation = key;
    }
    return cache.get(o.seed, o.ordersPerDay, date);
  }

  return {
    range(start, end, nowMs) {
      const today = istanbulToday(new Date(nowMs));
      const out: DayOrder[] = [];
      for (const date of eachDay({ start, end: end < today ? end : today })) {
        for (const order of day(date)) {
          if (order.submitMs > nowMs) break; // days are sorted: the rest is in the future
          out.push(order);
        }
      }
      return out;
    },
    find(id, nowMs) {
      const date = dayOfId(id);
      if (!date || !isCalendarDate(date)) return null;
      const order = day(date).find((o) => o.id === id);
      return order && order.submitMs <= nowMs ? order : null;
    },
  };
}

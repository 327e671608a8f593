import { describe, expect, it } from "vitest";
import { addDays, eachDay } from "@/lib/dates";
import { createSimulator } from "./index";
import { at } from "./test-helpers";

const NOW = "2026-04-29T12:00:00+03:00";

describe("generated data", () => {
  it("is the same for the same seed and different for another", () => {
    const a = createSimulator({ seed: 7, now: at(NOW) }).orders("2026-04-01", "2026-04-10");
    const b = createSimulator({ seed: 7, now: at(NOW) }).orders("2026-04-01", "2026-04-10");
    const c = createSimulator({ seed: 8, now: at(NOW) }).orders("2026-04-01", "2026-04-10");
    expect(a.length).toBeGreaterThan(500);
    expect(b).toEqual(a);
    expect(c).not.toEqual(a);
  });

  it("generates a day the same alone or inside a longer range", () => {
    const alone = createSimulator({ now: at(NOW) }).orders("2026-03-15", "2026-03-15");
    const inside = createSimulator({ now: at(NOW) })
      .orders("2026-03-01", "2026-03-31")
      .filter((o) => o.submitAt.startsWith("2026-03-15"));
    expect(alone.length).toBeGreaterThan(0);
    expect(inside).toEqual(alone);
  });

  it("keeps ids unique and increasing with submitAt across days", () => {
    const orders = createSimulator({ now: at(NOW) }).orders("2026-04-01", "2026-04-29");
    for (let i = 1; i < orders.length; i++) {
      const [prev, cur] = [orders[i - 1]!, orders[i]!];
      expect(cur.id).toBeGreaterThan(prev.id);
      expect(cur.submitAt >= prev.submitAt).toBe(true);
    }
    expect(orders[0]!.id).toBeGreaterThan(300_000_000);
  });

  it("never has orders submitted after now()", () => {
    const sim = createSimulator({ now: at(NOW) });
    const today = sim.orders("2026-04-29", "2026-04-29");
    expect(today.length).toBeGreaterThan(0);
    expect(today.every((o) => o.submitAt <= "2026-04-29 12:00:00")).toBe(true);
    expect(sim.orders("2026-04-30", "2026-05-05")).toEqual([]);
  });

  it("looks like a real account: weekdays busier, mostly single sends, a few campaigns, senders differ", () => {
    const sim = createSimulator({ ordersPerDay: 300, now: at(NOW) });
    const orders = sim.orders("2026-01-05", "2026-04-26"); // 16 whole weeks, Monday to Sunday
    const perDay = sim.truth("2026-01-05", "2026-04-26").series;
    const weekday = perDay.filter((_, i) => i % 7 < 5).reduce((s, d) => s + d.orders, 0) / (16 * 5);
    const weekend =
      perDay.filter((_, i) => i % 7 >= 5).reduce((s, d) => s + d.orders, 0) / (16 * 2);
    expect(weekday).toBeGreaterThan(270);
    expect(weekday).toBeLessThan(330);
    expect(weekend / weekday).toBeCloseTo(0.4, 1);

    const singles = orders.filter((o) => o.total === 1).length / orders.length;
    expect(singles).toBeGreaterThan(0.74);
    expect(singles).toBeLessThan(0.86);
    const biggest = Math.max(...orders.map((o) => o.total));
    expect(biggest).toBeGreaterThan(20_000);
    expect(biggest).toBeLessThanOrEqual(50_000);

    const daytime = orders.filter(
      (o) => o.submitAt.slice(11, 13) >= "09" && o.submitAt.slice(11, 13) < "21",
    );
    expect(daytime.length / orders.length).toBeGreaterThan(0.75);

    const rates = new Map<string, number>();
    for (const name of new Set(orders.map((o) => o.sender))) {
      const mine = orders.filter((o) => o.sender === name);
      const d = mine.reduce((s, o) => s + o.delivered, 0);
      const u = mine.reduce((s, o) => s + o.undelivered, 0);
      rates.set(name, d / (d + u));
    }
    expect(rates.size).toBe(5);
    const sorted = [...rates.values()].sort();
    expect(sorted.at(-1)! - sorted[0]!).toBeGreaterThan(0.04);

    expect(orders.some((o) => o.status === 115 && o.delivered === 0 && o.total > 1)).toBe(true);
    expect(orders.some((o) => o.sendAt > o.submitAt)).toBe(true);
  });

  it("is final beyond three hours and partly waiting just before now", () => {
    const orders = createSimulator({ ordersPerDay: 400, now: at(NOW) }).orders(
      "2026-04-28",
      "2026-04-29",
    );
    const old = orders.filter((o) => o.sendAt < "2026-04-29 08:59:59");
    expect(old.every((o) => o.waiting === 0 && o.status !== 113)).toBe(true);
    const recent = orders.filter(
      (o) => o.sendAt >= "2026-04-29 11:00:00" && o.sendAt <= "2026-04-29 12:00:00",
    );
    expect(recent.some((o) => o.waiting > 0 && o.status === 113)).toBe(true);
    for (const o of orders) {
      expect(o.delivered + o.undelivered + o.waiting).toBe(o.total);
      expect(o.status).toBe(o.waiting > 0 ? 113 : o.delivered === 0 ? 115 : 114);
      expect(o.price).toBe(o.delivered);
    }
  });

  it("shrinks waiting as the clock advances", () => {
    let now = new Date(NOW);
    const sim = createSimulator({ ordersPerDay: 400, now: () => now });
    const waitingAt = () => sim.truth("2026-04-29", "2026-04-29").totals.waiting;
    const before = sim.orders("2026-04-29", "2026-04-29");
    const w0 = waitingAt();
    now = new Date(now.getTime() + 30 * 60_000);
    const w1 = waitingAt();
    now = new Date(now.getTime() + 48 * 3_600_000); // past every schedule (≤ 36 h) and settle time
    const after = new Map(sim.orders("2026-04-29", "2026-04-29").map((o) => [o.id, o]));
    expect(w0).toBeGreaterThan(0);
    expect(w1).toBeLessThan(w0);
    // Orders submitted before the first reading only move towards final, never back.
    for (const o of before) {
      const later = after.get(o.id)!;
      expect(later.waiting).toBeLessThanOrEqual(o.waiting);
      expect(later.delivered).toBeGreaterThanOrEqual(o.delivered);
      expect(later.waiting).toBe(0);
    }
  });

  it("truth is the orders summed, zero-filled per day", () => {
    const sim = createSimulator({ now: at(NOW) });
    const { totals, series } = sim.truth("2026-04-25", "2026-05-02");
    expect(series.map((d) => d.date)).toEqual(eachDay({ start: "2026-04-25", end: "2026-05-02" }));
    expect(series.at(-1)).toEqual({
      date: "2026-05-02",
      orders: 0,
      messages: 0,
      delivered: 0,
      undelivered: 0,
      waiting: 0,
    });
    const orders = sim.orders("2026-04-25", "2026-05-02");
    expect(totals.orders).toBe(orders.length);
    expect(totals.messages).toBe(orders.reduce((s, o) => s + o.total, 0));
    expect(series.reduce((s, d) => s + d.delivered, 0)).toBe(totals.delivered);
  });

  it("computes truth over a year at 500 orders a day quickly", () => {
    const sim = createSimulator({ ordersPerDay: 500, now: at(NOW) });
    const t0 = performance.now();
    const { totals, series } = sim.truth(addDays("2026-04-29", -365), "2026-04-29");
    const ms = performance.now() - t0;
    expect(series).toHaveLength(366);
    expect(totals.orders).toBeGreaterThan(140_000);
    expect(ms).toBeLessThan(2000); // ~0.6 s measured; head-room for slow CI
  });
});

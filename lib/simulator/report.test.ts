import { describe, expect, it } from "vitest";
import { createSimulator } from "./index";
import { report } from "./test-helpers";
import type { SimOrder } from "./types";

const NOW = new Date("2026-04-29T12:00:00+03:00");

function tally(statuses: number[]) {
  return {
    delivered: statuses.filter((s) => s === 111).length,
    undelivered: statuses.filter((s) => s === 112).length,
    waiting: statuses.filter((s) => s === 110).length,
  };
}

describe("get-report and recipients", () => {
  it("counts a campaign's recipients exactly as its counters, mid-flight and when final", () => {
    let now = NOW;
    const sim = createSimulator({ ordersPerDay: 500, now: () => now });
    const campaign = sim
      .orders("2026-04-20", "2026-04-20")
      .find((o) => o.total >= 1000 && o.undelivered > 0);
    expect(campaign).toBeDefined();
    // Campaigns take 30 min to 3 h to settle: twenty minutes after sendAt it is mid-flight.
    now = new Date(new Date(`${campaign!.sendAt.replace(" ", "T")}+03:00`).getTime() + 20 * 60_000);
    const c = sim.orders("2026-04-20", "2026-04-20").find((o) => o.id === campaign!.id) as SimOrder;
    expect(c.waiting).toBeGreaterThan(0);
    expect(c.waiting).toBeLessThan(c.total);
    const mid = sim.recipients(c.id);
    expect(mid).toHaveLength(c.total);
    expect(tally(mid.map((m) => m.status))).toEqual({
      delivered: c.delivered,
      undelivered: c.undelivered,
      waiting: c.waiting,
    });

    now = NOW;
    const final = sim.orders("2026-04-20", "2026-04-20").find((o) => o.id === c.id)!;
    expect(final.waiting).toBe(0);
    const after = sim.recipients(c.id);
    expect(tally(after.map((m) => m.status))).toEqual({
      delivered: final.delivered,
      undelivered: final.undelivered,
      waiting: 0,
    });
    // A recipient that was final stays what it was.
    mid.forEach((m, i) => {
      if (m.status !== 110) expect(after[i]!.status).toBe(m.status);
    });
  });

  it("pages recipients by rowCount, counters covering the whole order, 1000 at most per page", async () => {
    const sim = createSimulator({ ordersPerDay: 500, now: () => NOW });
    const big = sim
      .orders("2026-04-20", "2026-04-24")
      .find((o) => o.total > 2500 && o.total < 10_000)!;
    const all = sim.recipients(big.id);
    const walked: unknown[] = [];
    for (let page = 1; ; page++) {
      const a = await report(sim, { id: big.id, page, rowCount: 5000 });
      const order = a.body.response.order;
      expect(order).toMatchObject({
        id: String(big.id),
        total: big.total,
        delivered: big.delivered,
        waiting: big.waiting,
      });
      expect(order.price).toBe(big.delivered);
      if (order.message.length === 0) break;
      expect(order.message.length).toBeLessThanOrEqual(1000);
      walked.push(...order.message);
    }
    expect(walked).toEqual(all);
    const small = await report(sim, { id: big.id, page: 2, rowCount: 7 });
    expect(small.body.response.order.message).toEqual(all.slice(7, 14));
  });

  it("writes numbers as +905… mostly and as bare national numbers for some orders", () => {
    const sim = createSimulator({ now: () => NOW });
    const numbers = sim.orders("2026-04-01", "2026-04-10").flatMap((o) =>
      sim
        .recipients(o.id)
        .slice(0, 3)
        .map((m) => m.number),
    );
    const plus = numbers.filter((n) => /^\+905\d{9}$/.test(n)).length;
    const bare = numbers.filter((n) => /^5\d{9}$/.test(n)).length;
    expect(plus + bare).toBe(numbers.length);
    expect(plus / numbers.length).toBeGreaterThan(0.8);
    expect(bare).toBeGreaterThan(0);
  });

  it("answers 456 for a scheduled order until its send time, then 200", async () => {
    let now = NOW;
    const sim = createSimulator({ now: () => now });
    const scheduled = sim
      .orders("2026-04-27", "2026-04-29")
      .find((o) => o.sendAt > "2026-04-29 12:00:00")!;
    expect(scheduled).toMatchObject({ status: 113, delivered: 0, undelivered: 0 });
    expect(scheduled.waiting).toBe(scheduled.total);
    const before = await report(sim, { id: scheduled.id });
    expect([before.http, before.code, before.body.response.status.message]).toEqual([
      456,
      456,
      "Sipariş gönderim tarihi henüz gelmedi",
    ]);
    now = new Date(new Date(scheduled.sendAt.replace(" ", "T") + "+03:00").getTime() + 1000);
    const after = await report(sim, { id: scheduled.id });
    expect(after.code).toBe(200);
    expect(after.body.response.order.sendAt).toBe(scheduled.sendAt);
  });
});

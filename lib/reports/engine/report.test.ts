// The GET /api/reports answer's shape: filters, search, sort and pages, provisional, zero-filling.
import { describe, expect, it } from "vitest";
import { diffDays, rangeDays } from "@/lib/dates";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import { harness, NOW } from "@/lib/testing/harness";

const TODAY = "2026-04-29";

function query(qs: string) {
  return parseReportQuery(new URLSearchParams(qs), { today: TODAY, maxRangeDays: 366 });
}

describe("report shape", () => {
  it("applies filters to totals, series, statuses and orders, and every filter but sender to senders", async () => {
    const h = harness();
    const base = await h.engine.report(query("start=2026-04-01&end=2026-04-28"));
    const sender = base.senders[1]!.sender;
    const r = await h.engine.report(
      query(
        `start=2026-04-01&end=2026-04-28&sender=${encodeURIComponent(sender)}&status=114,115&pageSize=500`,
      ),
    );
    const truth = h.sim
      .orders("2026-04-01", "2026-04-28")
      .filter((o) => o.sender === sender && (o.status === 114 || o.status === 115));
    expect(r.totals.orders).toBe(truth.length);
    expect(r.totals.messages).toBe(truth.reduce((n, o) => n + o.total, 0));
    expect(r.series.reduce((n, p) => n + p.delivered, 0)).toBe(r.totals.delivered);
    expect(r.statuses["113"]).toBe(0);
    expect(r.statuses["114"] + r.statuses["115"]).toBe(truth.length);
    expect(r.senders.map((s) => s.sender).sort()).toEqual(base.senders.map((s) => s.sender).sort());
    expect(r.orders.items.every((o) => o.sender === sender)).toBe(true);
  });

  it("searches by order id and by sender, ignoring case and Turkish dotted i", async () => {
    const h = harness();
    const base = await h.engine.report(query("start=2026-04-20&end=2026-04-28"));
    const id = base.orders.items[3]!.id;
    const byId = await h.engine.report(query(`start=2026-04-20&end=2026-04-28&q=${id}`));
    expect(byId.orders.items.map((o) => o.id)).toEqual([id]);
    const sender = base.senders[0]!.sender;
    const bySender = await h.engine.report(
      query(`start=2026-04-20&end=2026-04-28&q=${encodeURIComponent(sender.toLowerCase())}`),
    );
    expect(bySender.totals.orders).toBe(base.senders[0]!.orders);
  });

  it("sorts, pages stably, and answers a page past the end with no items", async () => {
    const h = harness();
    const q = "start=2026-04-20&end=2026-04-22";
    const all = (await h.engine.report(query(`${q}&sort=-total&pageSize=500`))).orders.items;
    expect(all.length).toBeLessThan(500);
    for (let i = 1; i < all.length; i++)
      expect(all[i - 1]!.total).toBeGreaterThanOrEqual(all[i]!.total);
    const p2 = await h.engine.report(query(`${q}&sort=-total&pageSize=25&page=2`));
    expect(p2.orders.items).toEqual(all.slice(25, 50));
    const past = await h.engine.report(query(`${q}&page=9999`));
    expect(past.orders.items).toEqual([]);
    expect(past.orders.total).toBe(all.length);
    // Today's orders still wait, so some have no delivery rate yet: they sort last, both ways.
    for (const sort of ["deliveryRate", "-deliveryRate"]) {
      const byRate = (
        await h.engine.report(query(`start=2026-04-28&end=2026-04-29&sort=${sort}&pageSize=500`))
      ).orders.items;
      const rates = byRate.map((o) => deliveryRate(o.delivered, o.undelivered));
      const firstNull = rates.indexOf(null);
      expect(firstNull, sort).toBeGreaterThan(0);
      expect(rates.slice(firstNull).every((r) => r === null)).toBe(true);
      const known = rates.slice(0, firstNull) as number[];
      const dir = sort.startsWith("-") ? -1 : 1;
      for (let i = 1; i < known.length; i++)
        expect((known[i]! - known[i - 1]!) * dir).toBeGreaterThanOrEqual(0);
    }
  });

  it("marks a range with waiting messages provisional, and an old one not", async () => {
    const h = harness();
    expect((await h.engine.report(query("start=2026-04-29&end=2026-04-29"))).provisional).toBe(
      true,
    );
    expect((await h.engine.report(query("start=2026-03-01&end=2026-03-10"))).provisional).toBe(
      false,
    );
  });

  it("zero-fills the series for days without orders", async () => {
    const h = harness({ ordersPerDay: 0 });
    const r = await h.engine.report(query("start=2026-04-01&end=2026-04-05"));
    expect(r.series).toHaveLength(5);
    expect(r.series.every((p) => p.orders === 0)).toBe(true);
    expect(r.totals.deliveryRate).toBeNull();
    expect(diffDays(r.previous!.range.start, r.previous!.range.end) + 1).toBe(rangeDays(r.range));
    expect(NOW.toISOString()).toBe(r.generatedAt);
  });

  it("says so when the comparison's walk failed, without failing the range, and tries again later", async () => {
    const h = harness({
      fault: ({ start }) => (start && start < "2026-04-01" ? "unavailable" : null),
    });
    const q = query("start=2026-04-01&end=2026-04-10");
    const first = await h.engine.report(q);
    expect(first.totals.orders).toBe(h.sim.truth("2026-04-01", "2026-04-10").totals.orders);
    expect(first.previous).toMatchObject({ totals: null, pending: true });
    await h.engine.whenIdle();
    const after = await h.engine.report(q);
    expect(after.previous).toEqual({
      range: first.previous!.range,
      until: null,
      totals: null,
      pending: false,
    });
    expect(h.logs.some((l) => l.event === "comparison_failed")).toBe(true);
  });
});

// Campaign labels in the report: the label filter, search, campaigns and items follow the labels
// in force at each request, including when they change between two identical requests.
import { describe, expect, it } from "vitest";
import { parseOrderQuery } from "@/lib/reports/contract/order-query";
import { parseReportQuery } from "@/lib/reports/contract/report-query";
import { harness } from "@/lib/testing/harness";
import type { Labels } from "./labels";

const TODAY = "2026-04-29";
const query = (qs: string) =>
  parseReportQuery(new URLSearchParams(qs), { today: TODAY, maxRangeDays: 366 });
const RANGE = "start=2026-04-01&end=2026-04-28";

describe("labels in the report", () => {
  let labels: Labels = { revision: 0, byOrder: new Map() };
  const h = harness({ ordersPerDay: 30 }, { labels: { current: async () => labels } });

  async function label(pick: (id: number, k: number) => string | null) {
    const byOrder = new Map<number, string>();
    (await h.ordersIn({ start: "2026-04-01", end: "2026-04-28" })).forEach((o, k) => {
      const l = pick(o.id, k);
      if (l) byOrder.set(o.id, l);
    });
    labels = { revision: labels.revision + 1, byOrder };
    return byOrder;
  }

  it("with no label anywhere, one campaign row of the unlabelled orders holds everything", async () => {
    const r = await h.engine.report(query(RANGE));
    expect(r.campaigns).toHaveLength(1);
    expect(r.campaigns[0]).toMatchObject({ label: null, orders: r.totals.orders });
    expect(r.orders.items.every((o) => o.label === null)).toBe(true);
  });

  it("follows a change between two identical requests (a new snapshot), totals and campaigns alike", async () => {
    const first = await label((_, k) => (k % 3 === 0 ? "Bayram 2026" : null));
    const q = query(`${RANGE}&label=Bayram 2026`);
    const a = await h.engine.report(q);
    expect(a.totals.orders).toBe(first.size);
    // Relabel: now every fourth order, under another name for some.
    const second = await label((_, k) =>
      k % 4 === 0 ? "Bayram 2026" : k % 4 === 1 ? "Black Friday SMS" : null,
    );
    const b = await h.engine.report(q);
    const bayram = [...second.values()].filter((l) => l === "Bayram 2026").length;
    expect(b.totals.orders).toBe(bayram);
    expect(b.orders.items.every((o) => o.label === "Bayram 2026")).toBe(true);
    // Campaigns apply every filter but the label: every label stays pickable.
    expect(b.campaigns.map((c) => c.label).sort()).toEqual(
      ["Bayram 2026", "Black Friday SMS", null].sort(),
    );
    const all = await h.engine.report(query(RANGE));
    const sum = (f: "orders" | "messages" | "undelivered") =>
      all.campaigns.reduce((s, c) => s + c[f], 0);
    expect(sum("orders")).toBe(all.totals.orders);
    expect(sum("messages")).toBe(all.totals.messages);
    expect(sum("undelivered")).toBe(all.totals.undelivered);
    const row = all.campaigns.find((c) => c.label === "Bayram 2026")!;
    expect(row.orders).toBe(bayram);
    expect(row.firstSubmitAt <= row.lastSubmitAt).toBe(true);
    expect(row.firstSubmitAt.slice(0, 10) >= "2026-04-01").toBe(true);
  });

  it("label=none keeps the unlabelled orders; q finds a label, folded (İ/ı, case)", async () => {
    const byOrder = await label((_, k) => (k % 5 === 0 ? "İndirim Kampanyası" : null));
    const none = await h.engine.report(query(`${RANGE}&label=none`));
    const all = await h.engine.report(query(RANGE));
    expect(none.totals.orders).toBe(all.totals.orders - byOrder.size);
    const found = await h.engine.report(query(`${RANGE}&q=indirim&pageSize=500`));
    // Every order under the label, plus any whose sender or id matches (none here).
    expect(found.totals.orders).toBe(byOrder.size);
    expect(found.orders.items.every((o) => o.label === "İndirim Kampanyası")).toBe(true);
  });

  it("the order detail carries its label", async () => {
    const byOrder = await label((_, k) => (k === 0 ? "Bayram 2026" : null));
    const [id] = [...byOrder.keys()];
    const detail = await h.engine.order(parseOrderQuery(String(id), new URLSearchParams()));
    expect(detail.order.label).toBe("Bayram 2026");
  });
});

import { describe, expect, it } from "vitest";
import { comparisonRange } from "@/lib/dates";
import type { UpstreamOrder } from "@/lib/iletimerkezi/types";
import { harness } from "@/lib/testing/harness";
import { streamText } from "@/lib/testing/streams";
import { parseReportQuery, SORTS } from "@/lib/reports/contract/report-query";
import { deliveryRate } from "@/lib/reports/contract/statuses";
import { buildReport, filterAndSort, sortOrders } from "@/lib/testing/reference-report";
import {
  ColumnBuilder,
  columnsOf,
  concatColumns,
  orderAt,
  selectRows,
  SenderDictionary,
  sliceColumns,
} from "./columns";
import { toCsv } from "./csv";
import { csvPercent } from "./export";
import { exportWords } from "./export-words";
import { sortedRows } from "./ordering";
import type { Labels } from "./labels";
import { buildView, ordersAt } from "./view";

// Names that stress collation (Turkish dotted/dotless i, case), CSV quoting and formula escaping.
const NAMES = [
  "BİLGİ",
  "bilgi",
  "Ilık",
  "ılık",
  "Izmir",
  "ilik",
  "ACME;SHOP",
  '"Q" Ltd',
  "=cmd",
  "Çiçek",
  "çiçek",
  "Zeta",
];

function rng(seed: number) {
  let a = seed;
  return () => ((a = (a * 1103515245 + 12345) % 2 ** 31), a / 2 ** 31);
}

function renamed(json: unknown): unknown {
  const orders = (json as { response?: { orders?: UpstreamOrder[] } }).response?.orders;
  for (const o of orders ?? []) o.sender = NAMES[o.id % NAMES.length] as string;
  return json;
}

describe("columnar report = reference report", () => {
  it("keeps every value exactly: a column widens past 32 bits, odd timestamps stay text", () => {
    const dict = new SenderDictionary();
    const base = {
      status: 114,
      total: 3,
      delivered: 2,
      undelivered: 1,
      waiting: 0,
      sender: "A",
      submitAt: "2026-04-29 04:32:24",
      sendAt: "2026-04-29 04:33:00",
    };
    const orders: UpstreamOrder[] = [
      { ...base, id: 7 },
      { ...base, id: 2 ** 32, total: Number.MAX_SAFE_INTEGER, sender: "B" },
      { ...base, id: 9, submitAt: "2026-02-30 25:61:99", sendAt: "0001-01-01 00:00:00" },
      { ...base, id: 2 ** 32 - 1, waiting: 2 ** 40, sendAt: "9999-12-31 23:59:59" },
    ];
    const builder = new ColumnBuilder(dict);
    builder.add(orders.slice(0, 1));
    builder.add(orders.slice(1));
    for (const cols of [columnsOf(orders, dict), builder.done()]) {
      expect(cols.id).toBeInstanceOf(Float64Array);
      expect(cols.status).toBeInstanceOf(Uint32Array);
      expect(orders.map((_, i) => orderAt(cols, i, dict))).toEqual(orders);
      const mixed = concatColumns([columnsOf(orders.slice(0, 1), dict), cols]);
      expect([0, 1, 2, 3, 4].map((i) => orderAt(mixed, i, dict))).toEqual([orders[0], ...orders]);
      expect([0, 1].map((i) => orderAt(sliceColumns(mixed, 3, 5), i, dict))).toEqual(
        orders.slice(2),
      );
      expect([0, 1].map((i) => orderAt(selectRows(mixed, [4, 3]), i, dict))).toEqual([
        orders[3],
        orders[2],
      ]);
    }
  });

  it("keeps timestamps that do not pack, and sorts them as strings", () => {
    const dict = new SenderDictionary();
    const base = { status: 114, total: 1, delivered: 1, undelivered: 0, waiting: 0, sender: "A" };
    const orders: UpstreamOrder[] = [
      { ...base, id: 2, submitAt: "2026-04-01 10:00:00", sendAt: "2026-04-01 1:00:00" },
      { ...base, id: 1, submitAt: "2026-04-01 09:00:00", sendAt: "2026-04-01 10:00:00" },
    ];
    const cols = columnsOf(orders, dict);
    expect([0, 1].map((i) => orderAt(cols, i, dict))).toEqual(orders);
    const view = buildView(
      { start: "2026-04-01", end: "2026-04-01" },
      ["2026-04-01"],
      [cols],
      dict,
    );
    const all = new Uint8Array(2).fill(1);
    expect(sortedRows(view, "sendAt", all, 2, 0, 2)).toEqual([1, 0]); // as strings, "…10:00:00" < "…1:00:00"
    expect(sortedRows(view, "-sendAt", all, 2, 0, 2)).toEqual([0, 1]);
  });

  it("reads descending orders backwards with the reference's ties: equal keys and ids, no delivery rate", () => {
    const dict = new SenderDictionary();
    const r = rng(7);
    const orders: UpstreamOrder[] = Array.from({ length: 300 }, (_, k) => {
      const total = Math.floor(r() * 3);
      const delivered = Math.floor(r() * (total + 1));
      const undelivered = r() < 0.5 ? total - delivered : 0;
      return {
        id: 1 + Math.floor(r() * 40), // duplicate ids: rows with equal key and id keep their order
        status: [113, 114, 115][Math.floor(r() * 3)] as number,
        total,
        delivered,
        undelivered,
        waiting: total - delivered - undelivered,
        submitAt: `2026-04-0${1 + Math.floor(r() * 3)} 10:00:0${Math.floor(r() * 2)}`,
        sendAt: `2026-04-0${1 + Math.floor(r() * 3)} 10:00:00`,
        sender: NAMES[k % NAMES.length] as string,
      };
    });
    const view = buildView(
      { start: "2026-04-01", end: "2026-04-03" },
      ["2026-04-01"],
      [columnsOf(orders, dict)],
      dict,
    );
    const n = orders.length;
    const all = new Uint8Array(n).fill(1);
    const some = Uint8Array.from(orders, (o) => (o.status === 114 ? 1 : 0));
    // Nothing labelled: every item says so.
    const chosen = orders.filter((o) => o.status === 114).map((o) => ({ ...o, label: null }));
    for (const sort of SORTS) {
      const want = sortOrders(
        orders.map((o) => ({ ...o, label: null })),
        sort,
      );
      expect(ordersAt(view, sortedRows(view, sort, all, n, 0, n)), sort).toEqual(want);
      expect(ordersAt(view, sortedRows(view, sort, all, n, 37, 50)), sort).toEqual(
        want.slice(37, 87),
      );
      expect(ordersAt(view, sortedRows(view, sort, some, chosen.length, 5, 20)), sort).toEqual(
        sortOrders(chosen, sort).slice(5, 25),
      );
    }
  });

  it("answers every query exactly as the reference, in the same key order", async () => {
    // Labels on a third of the orders, relabelled every 15 queries (a new snapshot, as after a
    // change on any instance): filters, search, campaigns and items follow the one in force.
    let labels: Labels = { revision: 0, byOrder: new Map() };
    const h = harness(
      { ordersPerDay: 40 },
      { mapResponse: renamed, labels: { current: async () => labels } },
    );
    const today = "2026-04-29";
    const r = rng(42);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;
    const LABELS = ["Bayram 2026", "Black Friday SMS", "İndirim", "ılık kampanya"];
    const relabel = async () => {
      const byOrder = new Map<number, string>();
      for (const o of await h.ordersIn({ start: "2025-12-01", end: today }))
        if (r() < 0.33) byOrder.set(o.id, pick(LABELS));
      labels = { revision: labels.revision + 1, byOrder };
    };
    for (let k = 0; k < 120; k++) {
      if (k % 15 === 0) await relabel();
      const p = new URLSearchParams({
        start: pick(["2025-12-31", "2026-03-01", "2026-04-01", "2026-04-20"]),
        end: pick(["2026-04-22", "2026-04-29"]),
      });
      if (r() < 0.4) p.set("sender", NAMES.filter(() => r() < 0.3).join(",") || "bilgi");
      if (r() < 0.3) p.set("status", pick(["113", "114", "115", "114,115", "113,115"]));
      if (r() < 0.3)
        p.set("q", pick(["bilgi", "ILIK", "i", "3", "31", ";", "zz", "çiç", "bayram", "İNDİR"]));
      if (r() < 0.3)
        p.set("label", pick(["Bayram 2026", "none", "İndirim,ılık kampanya", "Yok böyle"]));
      p.set("sort", pick(SORTS));
      p.set("pageSize", String(pick([1, 7, 50, 500])));
      p.set("page", String(pick([1, 2, 3, 40, 9999])));
      if (r() < 0.5) p.set("compare", pick(["previous", "year", "none"]));
      if (r() < 0.3) p.set("minMessages", String(pick([1, 2, 10, 100, 5000])));
      if (r() < 0.4) p.set("bucket", pick(["day", "week", "month"]));
      if (r() < 0.25) p.set("weekday", pick(["0", "6", "1,2,3", "4,5"]));
      if (r() < 0.25) p.set("hour", pick(["0", "9", "9,10,11", "23"]));
      const query = parseReportQuery(p, { today, maxRangeDays: 366 });
      // The comparison loaded first, so the answer carries its totals (not "pending").
      const comparison = comparisonRange(query, query.compare, today);
      const previous = comparison ? await h.ordersIn(comparison) : [];
      const got = await h.engine.report(query);
      const current = await h.ordersIn(query);
      const want = buildReport(query, current, previous, new Date(got.generatedAt), labels.byOrder);
      expect(JSON.stringify(got)).toBe(JSON.stringify(want));

      if (k % 6 === 0) {
        const csv = await streamText(
          await h.engine.exportReport({ ...query, sep: pick([";", ","] as const) }),
        );
        const sep = csv.split("\r\n")[0]!.includes(";") ? ";" : ",";
        const words = exportWords("tr");
        const labelled = current.map((o) => ({ ...o, label: labels.byOrder.get(o.id) ?? null }));
        const rows = filterAndSort(labelled, query).map((o) => {
          const rate = deliveryRate(o.delivered, o.undelivered);
          return [
            o.id,
            words.orderStatus(o.status),
            o.submitAt,
            o.sendAt,
            o.sender,
            o.total,
            o.delivered,
            o.undelivered,
            o.waiting,
            rate === null ? null : csvPercent(rate, sep),
            o.label,
          ];
        });
        const header = words.ordersHeader;
        expect(csv).toBe(toCsv(header, rows, sep));
      }
    }
  });
});

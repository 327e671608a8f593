// The recipients walk of get-report: the order's counters say how many pages to ask for at once,
// and full pages past that count keep the walk going, in case the counters undercount.
import { describe, expect, it } from "vitest";
import type { OrderQuery } from "@/lib/reports/contract/order-query";
import type { FaultContext } from "@/lib/simulator";
import { harness } from "@/lib/testing/harness";
import { ROW_COUNT_MAX } from "./recipients";

const everyRecipient = (id: number, reveal: boolean): OrderQuery => ({
  id,
  page: 1,
  pageSize: 100,
  status: [],
  reveal,
  sep: ";",
});

type ReportJson = { response?: { order?: { total?: number; message?: unknown[] } } };

/**
 * A harness whose get-report answers claim `claimed` recipients (and, when `endless`, every page
 * comes back full), and which counts the pages asked for.
 */
function undercounting(claimed: number, endless = false) {
  const pages: number[] = [];
  const h = harness(
    {
      fault: (ctx: FaultContext) => {
        if (ctx.endpoint === "get-report") pages.push(ctx.page);
        return null;
      },
    },
    {
      mapResponse: (json) => {
        const order = (json as ReportJson).response?.order;
        if (!order?.message) return json;
        order.total = claimed;
        if (endless)
          order.message = Array.from({ length: ROW_COUNT_MAX }, () => ({
            number: "+905320000000",
            status: 111,
          }));
        return json;
      },
    },
  );
  return { ...h, pages };
}

describe("RecipientSource.all", () => {
  it("stops 50 pages past the counters' promise when full pages never end", async () => {
    const h = undercounting(ROW_COUNT_MAX, true);
    const some = h.sim.orders("2026-04-01", "2026-04-20").find((o) => o.total > 0);
    if (!some) throw new Error("the simulator has no order with recipients");
    const query = everyRecipient(some.id, false);
    await h.engine.exportOrder(query);
    expect(h.pages).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
  });

  it("keeps walking full pages past what an undercounting order claims", async () => {
    const probe = harness();
    const big = probe.sim
      .orders("2026-01-01", "2026-04-20")
      .find((o) => o.total > 2 * ROW_COUNT_MAX && o.total < 3 * ROW_COUNT_MAX);
    if (!big) throw new Error("the simulator has no order of three pages");
    const h = undercounting(ROW_COUNT_MAX); // "one page", while there are three
    const query = everyRecipient(big.id, true);
    const csv = await h.engine.exportOrder(query);
    const numbers = csv
      .trimEnd()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(";")[0]);
    expect(numbers).toEqual(h.sim.recipients(big.id).map((m) => m.number));
    // Page 1, then 2 and 3 one at a time (the counters promised none of them), nothing more.
    expect(h.pages).toEqual([1, 2, 3]);
  });

  it("asks for the pages the counters promise at once, and no further when the last is short", async () => {
    const probe = harness();
    const big = probe.sim
      .orders("2026-01-01", "2026-04-20")
      .find((o) => o.total > 2 * ROW_COUNT_MAX && o.total < 3 * ROW_COUNT_MAX);
    if (!big) throw new Error("the simulator has no order of three pages");
    const h = undercounting(big.total);
    const query = everyRecipient(big.id, true);
    await h.engine.exportOrder(query);
    expect(h.pages.sort()).toEqual([1, 2, 3]);
  });
});

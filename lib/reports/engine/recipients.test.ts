// The recipients walk of get-report: the order's counters say how many pages to ask for at once,
// and full pages past that count keep the walk going, in case the counters undercount.
import { describe, expect, it } from "vitest";
import type { OrderQuery } from "@/lib/reports/contract/order-query";
import type { FaultContext } from "@/lib/simulator";
import { harness } from "@/lib/testing/harness";
import { streamText } from "@/lib/testing/streams";
import { RecipientSource, ROW_COUNT_MAX, STREAM_CACHE_MAX_RECIPIENTS } from "./recipients";

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
    await streamText(await h.engine.exportOrder(query));
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
    const csv = await streamText(await h.engine.exportOrder(query));
    const numbers = csv
      .trimEnd()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(";")[1]);
    const e164 = (n: string) => (n.startsWith("+") ? n : `+90${n}`);
    expect(numbers).toEqual(h.sim.recipients(big.id).map((m) => e164(m.number)));
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
    await streamText(await h.engine.exportOrder(query));
    expect(h.pages.sort()).toEqual([1, 2, 3]);
  });
});

describe("the recipients cache", () => {
  /** A source on a fresh simulator whose get-report calls are counted per order. */
  function source(cacheBytes?: number) {
    const calls: number[] = [];
    const h = harness({
      fault: (ctx: FaultContext) => {
        if (ctx.endpoint === "get-report") calls.push(ctx.orderId ?? 0);
        return null;
      },
    });
    const orders = h.sim
      .orders("2026-03-01", "2026-04-20")
      .filter((o) => o.total > ROW_COUNT_MAX && o.total < 3 * ROW_COUNT_MAX);
    return { h, calls, orders, recipients: new RecipientSource(h.client, cacheBytes) };
  }

  it("keeps more than twenty orders when they fit its bytes (it counts bytes, not orders)", async () => {
    const { calls, orders, recipients } = source();
    const some = orders.slice(0, 30);
    expect(some).toHaveLength(30);
    for (const o of some) await recipients.all(o.id);
    calls.length = 0;
    for (const o of some) expect((await recipients.all(o.id)).recipients).toHaveLength(o.total);
    expect(calls).toEqual([]);
  });

  it("lets an order go when the next one does not fit beside it, and keeps none larger than it all", async () => {
    const { calls, orders, recipients } = source(300_000); // ~3,300 recipients of ~90 B
    const [a, b] = orders.filter((o) => o.total > 2000) as [(typeof orders)[0], (typeof orders)[0]];
    await recipients.all(a.id);
    await recipients.all(a.id);
    expect(calls.filter((id) => id === a.id)).toHaveLength(Math.ceil(a.total / ROW_COUNT_MAX));
    await recipients.all(b.id);
    calls.length = 0;
    await recipients.all(a.id); // pushed out by b
    expect(calls.filter((id) => id === a.id)).toHaveLength(Math.ceil(a.total / ROW_COUNT_MAX));
    const tiny = source(50_000); // less than any of these orders
    await tiny.recipients.all(a.id);
    tiny.calls.length = 0;
    await tiny.recipients.all(a.id);
    expect(tiny.calls).toHaveLength(Math.ceil(a.total / ROW_COUNT_MAX));
  });

  it("keeps an order it streamed for the status filter only up to STREAM_CACHE_MAX_RECIPIENTS", async () => {
    const { h, calls, recipients } = source();
    const past = h.sim.orders("2026-01-01", "2026-04-20");
    const small = past.find((o) => o.total > 2 * ROW_COUNT_MAX && o.total < 5 * ROW_COUNT_MAX);
    const huge = past.find((o) => o.total > STREAM_CACHE_MAX_RECIPIENTS);
    if (!small || !huge) throw new Error("the simulator has no such orders");
    for (const o of [small, huge]) {
      const { pages } = await recipients.stream(o.id);
      let streamed = 0;
      for await (const page of pages) streamed += page.length;
      expect(streamed).toBe(o.total);
      calls.length = 0;
      expect((await recipients.all(o.id)).recipients).toHaveLength(o.total);
      if (o === small) expect(calls).toEqual([]);
      else expect(calls.length).toBeGreaterThanOrEqual(Math.ceil(o.total / ROW_COUNT_MAX));
    }
  });

  it("streams a cached order from the cache, page by page", async () => {
    const { h, calls, orders, recipients } = source();
    const o = orders[0]!;
    await recipients.all(o.id);
    calls.length = 0;
    const { order, pages } = await recipients.stream(o.id);
    const got = [];
    for await (const page of pages) got.push(page.length);
    expect(order.id).toBe(o.id);
    expect(got).toEqual(
      Array.from({ length: Math.ceil(o.total / ROW_COUNT_MAX) }, (_, k) =>
        Math.min(ROW_COUNT_MAX, o.total - k * ROW_COUNT_MAX),
      ),
    );
    expect(calls).toEqual([]);
    expect(h.sim.recipients(o.id)).toHaveLength(o.total);
  });
});

// Walks one ≤10-day window of get-reports: speculative batches of pages, never trusting `count`,
// de-duplicated by id, guarded against endless paging (a cap from what a window can hold); a 458
// on a well-formed window splits it.
import "server-only";
import type { DateRange } from "@/lib/dates";
import { rangeDays, splitWindows } from "@/lib/dates";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import type { CallOwner } from "@/lib/iletimerkezi/scheduler";
import { UpstreamError } from "@/lib/iletimerkezi/errors";
import type { UpstreamOrder } from "@/lib/iletimerkezi/types";
import type { LogSink } from "@/lib/log";

/**
 * What a window can hold. The dashboard is made for accounts that create up to
 * MAX_ORDERS_PER_DAY orders (send requests, campaigns or one-time codes) a day: a year of that is
 * 1.8 million orders and some 61,000 get-reports pages, over an hour of calls at real latency,
 * past which a report screen is not the right tool anyway. get-reports has no page-size field and
 * every official SDK sees 30 orders a page, so a window of d days holds at most
 * ⌈d × MAX_ORDERS_PER_DAY / 30⌉ pages (167 for a day, 1,667 for ten). An upstream that keeps
 * answering new orders past that is not ending its paging: the window fails with a clear error
 * after at most that many calls, instead of thousands more and the memory to hold what they bring.
 */
const MAX_ORDERS_PER_DAY = 5000;
const DOCUMENTED_PAGE_SIZE = 30;

export function pageCap(window: DateRange): number {
  return Math.ceil((rangeDays(window) * MAX_ORDERS_PER_DAY) / DOCUMENTED_PAGE_SIZE);
}

export type WalkOptions = {
  client: IletimerkeziClient;
  /** Pages requested at once; wasted calls per window are at most batch − 1. */
  batch: number;
  log: LogSink;
  /** Narrowed when the upstream rejects a window as too long (458). */
  windowDays: { current: number };
  /** Whose work the calls are (the scheduler's turns; abandoned walks stop). */
  owner?: CallOwner;
};

/** Receives a window's pages as they arrive and de-duplicates by id (the last copy wins). */
export type PageSink<T> = { add(orders: readonly UpstreamOrder[]): void; done(): T };

/**
 * Walks a window with its pages handed to a sink as they arrive, so a caller can keep them
 * compactly (columns) instead of holding a window's worth of parsed objects until the walk ends.
 */
export async function walkWindow<T>(
  window: DateRange,
  opts: WalkOptions,
  sink: () => PageSink<T>,
  merge: (parts: T[]) => T,
): Promise<T> {
  try {
    return await walkPages(window, opts, sink());
  } catch (error) {
    const days = rangeDays(window);
    if (!(error instanceof UpstreamError) || error.kind !== "date_range" || days <= 1) throw error;
    // Our dates are well-formed, so the upstream's gap rule is stricter than we assumed.
    const half = Math.ceil(days / 2);
    opts.windowDays.current = Math.min(opts.windowDays.current, half);
    opts.log({ event: "window_split", start: window.start, end: window.end, days, into: half });
    const parts = await Promise.all(
      splitWindows(window, half).map((w) => walkWindow(w, opts, sink, merge)),
    );
    return merge(parts);
  }
}

async function walkPages<T>(
  window: DateRange,
  { client, batch, owner }: WalkOptions,
  sink: PageSink<T>,
): Promise<T> {
  let previous = "";
  const cap = pageCap(window);
  const endless = (what: string) =>
    new UpstreamError(
      "bad_response",
      `get-reports kept returning new orders for ${window.start}..${window.end} (${what}, more than ${MAX_ORDERS_PER_DAY.toLocaleString("en")} a day): its paging does not end`,
    );
  // Distinct ids per day: one day over the limit ends the walk long before the window's cap.
  const perDay = new Map<string, Set<number>>();
  for (let first = 1; ; first += batch) {
    if (first > cap) throw endless(`past page ${cap}`);
    const numbers = Array.from({ length: batch }, (_, i) => first + i);
    const pages = await Promise.all(
      numbers.map((page) =>
        client.getReports({ start: window.start, end: window.end, page }, { owner }),
      ),
    );
    for (const page of pages) {
      if (page.orders.length === 0) return sink.done();
      const ids = page.orders.map((o) => o.id).join(",");
      if (ids === previous)
        throw new UpstreamError(
          "bad_response",
          `get-reports returned the same page twice for ${window.start}..${window.end}: paging does not end`,
        );
      previous = ids;
      for (const order of page.orders) {
        const day = order.submitAt.slice(0, 10);
        const seen = perDay.get(day) ?? new Set<number>();
        if (seen.size === 0) perDay.set(day, seen);
        seen.add(order.id);
        if (seen.size > MAX_ORDERS_PER_DAY) throw endless(`on ${day}`);
      }
      sink.add(page.orders);
    }
  }
}

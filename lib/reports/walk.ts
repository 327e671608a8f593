// Walks one ≤10-day window of get-reports: speculative batches of pages, never trusting `count`,
// de-duplicated by id, guarded against endless paging; a 458 on a well-formed window splits it.
import type { DateRange } from "@/lib/dates";
import { rangeDays, splitWindows } from "@/lib/dates";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import { UpstreamError } from "@/lib/iletimerkezi/errors";
import type { UpstreamOrder } from "@/lib/iletimerkezi/types";
import type { LogSink } from "@/lib/log";

export const PAGE_CAP = 3000;

export type WalkOptions = {
  client: IletimerkeziClient;
  /** Pages requested at once; wasted calls per window are at most batch − 1. */
  batch: number;
  log: LogSink;
  /** Narrowed when the upstream rejects a window as too long (458). */
  windowDays: { current: number };
};

export async function walkWindow(window: DateRange, opts: WalkOptions): Promise<UpstreamOrder[]> {
  try {
    return await walkPages(window, opts);
  } catch (error) {
    const days = rangeDays(window);
    if (!(error instanceof UpstreamError) || error.kind !== "date_range" || days <= 1) throw error;
    // Our dates are well-formed, so the upstream's gap rule is stricter than we assumed.
    const half = Math.ceil(days / 2);
    opts.windowDays.current = Math.min(opts.windowDays.current, half);
    opts.log({ event: "window_split", start: window.start, end: window.end, days, into: half });
    const parts = await Promise.all(splitWindows(window, half).map((w) => walkWindow(w, opts)));
    return parts.flat();
  }
}

async function walkPages(window: DateRange, { client, batch }: WalkOptions): Promise<UpstreamOrder[]> {
  const byId = new Map<number, UpstreamOrder>();
  let previous = "";
  for (let first = 1; ; first += batch) {
    if (first > PAGE_CAP)
      throw new UpstreamError(
        "bad_response",
        `get-reports kept returning orders past page ${PAGE_CAP} for ${window.start}..${window.end}`,
      );
    const numbers = Array.from({ length: batch }, (_, i) => first + i);
    const pages = await Promise.all(
      numbers.map((page) => client.getReports({ start: window.start, end: window.end, page })),
    );
    for (const page of pages) {
      if (page.orders.length === 0) return [...byId.values()];
      const ids = page.orders.map((o) => o.id).join(",");
      if (ids === previous)
        throw new UpstreamError(
          "bad_response",
          `get-reports returned the same page twice for ${window.start}..${window.end}: paging does not end`,
        );
      previous = ids;
      for (const order of page.orders) byId.set(order.id, order);
    }
  }
}

// Walks one ≤10-day window of get-reports: speculative batches of pages, never trusting `count`,
// de-duplicated by id, guarded against endless paging; a 458 on a well-formed window splits it.
import "server-only";
import type { DateRange } from "@/lib/dates";
import { rangeDays, splitWindows } from "@/lib/dates";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import { UpstreamError } from "@/lib/iletimerkezi/errors";
import type { UpstreamOrder } from "@/lib/iletimerkezi/types";
import type { LogSink } from "@/lib/log";

const PAGE_CAP = 3000;

export type WalkOptions = {
  client: IletimerkeziClient;
  /** Pages requested at once; wasted calls per window are at most batch − 1. */
  batch: number;
  log: LogSink;
  /** Narrowed when the upstream rejects a window as too long (458). */
  windowDays: { current: number };
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
  { client, batch }: WalkOptions,
  sink: PageSink<T>,
): Promise<T> {
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
      if (page.orders.length === 0) return sink.done();
      const ids = page.orders.map((o) => o.id).join(",");
      if (ids === previous)
        throw new UpstreamError(
          "bad_response",
          `get-reports returned the same page twice for ${window.start}..${window.end}: paging does not end`,
        );
      previous = ids;
      sink.add(page.orders);
    }
  }
}

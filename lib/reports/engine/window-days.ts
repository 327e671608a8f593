// A walked window cut into its days, and the days to walk grouped into windows.
import "server-only";
import { addDays, epochDay, epochDayOfWallSeconds, type DateRange } from "@/lib/dates";
import type { LogSink } from "@/lib/log";
import { isFinalOrder } from "@/lib/reports/contract/statuses";
import { ODD, selectRows, sliceColumns, submitAtOf, type Columns } from "./columns";

/** A day none of whose orders can still change (the day itself must also be old enough). */
export function isSettledDay(cols: Columns): boolean {
  for (let i = 0; i < cols.n; i++)
    if (!isFinalOrder(cols.status[i] as number, cols.waiting[i] as number)) return false;
  return true;
}

/** The window's orders by day, as one block in day order with each day a slice of it. */
export function splitByDay(
  window: DateRange,
  days: string[],
  upstream: Columns,
  log: LogSink,
): [day: string, cols: Columns][] {
  const buckets = new Map<string, number[]>(days.map((d) => [d, []]));
  // By day number, so wall-clock seconds find their day without building a string.
  const byNumber = new Map<number, number[]>(days.map((d) => [epochDay(d), buckets.get(d)!]));
  let outside = 0;
  for (let i = 0; i < upstream.n; i++) {
    const v = upstream.submit[i] as number;
    const bucket =
      v === ODD
        ? buckets.get(submitAtOf(upstream, i).slice(0, 10))
        : byNumber.get(epochDayOfWallSeconds(v));
    if (bucket) bucket.push(i);
    else outside++;
  }
  if (outside > 0)
    log({
      event: "orders_outside_window",
      start: window.start,
      end: window.end,
      count: outside,
    });
  // One block for the window, in day order; each day is a slice of it.
  const block = selectRows(upstream, [...buckets.values()].flat());
  let offset = 0;
  const out: [string, Columns][] = [];
  for (const [day, rows] of buckets) {
    out.push([day, sliceColumns(block, offset, offset + rows.length)]);
    offset += rows.length;
  }
  return out;
}

/** Groups sorted days into runs of consecutive days. */
export function runs(days: string[]): DateRange[] {
  const out: DateRange[] = [];
  for (const day of days) {
    const last = out.at(-1);
    if (last && addDays(last.end, 1) === day) last.end = day;
    else out.push({ start: day, end: day });
  }
  return out;
}

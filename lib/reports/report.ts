// Builds the GET /api/reports answer: loads the range and its previous period, then filters,
// aggregates, sorts and pages.
import { previousRange, TIME_ZONE, type DateRange } from "@/lib/dates";
import { matcher, senders, series, sortOrders, statuses, totals } from "./aggregate";
import type { OrderStore, Progress } from "./order-store";
import type { ReportQuery } from "./search-params";
import type { Order, Range, ReportResponse } from "./types";

const asRange = (r: DateRange): Range => ({ start: r.start, end: r.end, timeZone: TIME_ZONE });

export const rangeKey = (r: DateRange) => `${r.start}..${r.end}`;

export type ProgressBoard = Map<string, Progress & { finishedAt?: number }>;

/** Loads the query's range and the same-length period before it, tracking progress by range. */
export async function loadWithPrevious(
  store: OrderStore,
  range: DateRange,
  refresh: boolean,
  board: ProgressBoard,
): Promise<{ current: Order[]; previous: Order[] }> {
  const key = rangeKey(range);
  const progress: Progress = { total: 0, done: 0 };
  board.set(key, progress);
  try {
    const [current, previous] = await Promise.all([
      store.load(range, { refresh, progress }),
      store.load(previousRange(range), { refresh, progress }),
    ]);
    return { current, previous };
  } finally {
    if (board.get(key) === progress) board.set(key, { ...progress, finishedAt: Date.now() });
  }
}

export function filterAndSort(orders: readonly Order[], query: ReportQuery): Order[] {
  return sortOrders(orders.filter(matcher(query)), query.sort);
}

export function buildReport(
  query: ReportQuery,
  current: readonly Order[],
  previous: readonly Order[],
  now: Date,
): ReportResponse {
  const range = { start: query.start, end: query.end };
  const matches = matcher(query);
  const selected = current.filter(matches);
  const sorted = sortOrders(selected, query.sort);
  const offset = (query.page - 1) * query.pageSize;
  return {
    range: asRange(range),
    generatedAt: now.toISOString(),
    provisional: selected.some((o) => o.waiting > 0),
    totals: totals(selected),
    previous: { range: asRange(previousRange(range)), totals: totals(previous.filter(matches)) },
    series: series(selected, range),
    senders: senders(current.filter(matcher(query, true))),
    statuses: statuses(selected),
    orders: {
      total: selected.length,
      page: query.page,
      pageSize: query.pageSize,
      items: sorted.slice(offset, offset + query.pageSize),
    },
  };
}

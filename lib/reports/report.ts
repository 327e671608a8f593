// Builds the GET /api/reports answer: loads the range and its previous period, then filters,
// aggregates, sorts and pages. buildReport works on order objects and defines the answer;
// buildReportFromView gives the same answer from columns, fast enough for a year of orders.
import { previousRange, TIME_ZONE, type DateRange } from "@/lib/dates";
import { matcher, senders, series, sortOrders, statuses, totals } from "./aggregate";
import type { Columns } from "./columns";
import type { OrderStore, Progress } from "./order-store";
import type { ReportQuery } from "./search-params";
import type { Order, Range, ReportResponse, Totals } from "./types";
import { aggregateView, filteredTotals, filtersKey, ordersAt, sortedRows, type View } from "./view";

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

/** As loadWithPrevious, but the range as a view and the previous period as day columns. */
export async function loadViewWithPrevious(
  store: OrderStore,
  range: DateRange,
  refresh: boolean,
  board: ProgressBoard,
): Promise<{ view: View; previous: Columns[] }> {
  const key = rangeKey(range);
  const progress: Progress = { total: 0, done: 0 };
  board.set(key, progress);
  try {
    const [view, previous] = await Promise.all([
      store.loadView(range, { refresh, progress }),
      store.loadDays(previousRange(range), { refresh, progress }),
    ]);
    return { view, previous };
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

export function buildReportFromView(
  query: ReportQuery,
  view: View,
  previous: readonly Columns[],
  now: Date,
): ReportResponse {
  const range = { start: query.start, end: query.end };
  const a = aggregateView(view, query);
  const offset = (query.page - 1) * query.pageSize;
  return {
    range: asRange(range),
    generatedAt: now.toISOString(),
    provisional: a.provisional,
    totals: a.totals,
    previous: { range: asRange(previousRange(range)), totals: previousTotals(view, previous, query) },
    series: a.series,
    senders: a.senders,
    statuses: a.statuses,
    orders: {
      total: a.count,
      page: query.page,
      pageSize: query.pageSize,
      items: ordersAt(view, sortedRows(view, query.sort, a.selected, a.count, offset, query.pageSize)),
    },
  };
}

// The previous period's filtered totals, per view and filters, while its days stay the same objects.
const previousCache = new WeakMap<View, Map<string, { parts: readonly Columns[]; totals: Totals }>>();

function previousTotals(view: View, parts: readonly Columns[], query: ReportQuery): Totals {
  let cache = previousCache.get(view);
  if (!cache) previousCache.set(view, (cache = new Map()));
  const key = filtersKey(query);
  const hit = cache.get(key);
  if (hit && hit.parts.length === parts.length && hit.parts.every((p, i) => p === parts[i])) return { ...hit.totals };
  const totals = filteredTotals(parts, query, view.dict);
  cache.set(key, { parts, totals });
  if (cache.size > 16) cache.delete(cache.keys().next().value as string);
  return { ...totals };
}

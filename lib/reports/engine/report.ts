// The GET /api/reports answer from a view: loads the range, then filters, aggregates, sorts and
// pages in single passes over the columns. The previous period comes along when it is cached;
// otherwise it is walked after the range, in the background, and the answer says it is pending.
import "server-only";
import { previousRange, TIME_ZONE, type DateRange } from "@/lib/dates";
import type { ReportQuery } from "@/lib/reports/contract/report-query";
import type { Range, ReportResponse, Totals } from "@/lib/reports/contract/types";
import { aggregateView, filteredTotals } from "./aggregates";
import type { Columns } from "./columns";
import type { Interest } from "./demand";
import { filtersKey } from "./filters";
import type { OrderStore } from "./order-store";
import { sortedRows } from "./ordering";
import type { ProgressBoard } from "./progress";
import { ordersAt, type View } from "./view";

const asRange = (r: DateRange): Range => ({ start: r.start, end: r.end, timeZone: TIME_ZONE });

/** The previous period: its day columns, or why there are none yet. */
export type PreviousDays = Columns[] | "pending" | "failed";

/** The range as a view, with the walk's progress on the board. */
export async function loadView(
  store: OrderStore,
  range: DateRange,
  refresh: boolean,
  board: ProgressBoard,
  interest: Interest,
): Promise<View> {
  const progress = board.start(range);
  try {
    return await store.loadView(range, { refresh, progress, interest });
  } finally {
    board.finish(range, progress);
  }
}

export function buildReportFromView(
  query: ReportQuery,
  view: View,
  previous: PreviousDays,
  now: Date,
): ReportResponse {
  const range = { start: query.start, end: query.end };
  const a = aggregateView(view, query);
  const offset = (query.page - 1) * query.pageSize;
  const ready = Array.isArray(previous);
  return {
    range: asRange(range),
    generatedAt: now.toISOString(),
    provisional: a.provisional,
    totals: a.totals,
    previous: {
      range: asRange(previousRange(range)),
      totals: ready ? previousTotals(view, previous, query) : null,
      pending: previous === "pending",
    },
    series: a.series,
    senders: a.senders,
    statuses: a.statuses,
    orders: {
      total: a.count,
      page: query.page,
      pageSize: query.pageSize,
      items: ordersAt(
        view,
        sortedRows(view, query.sort, a.selected, a.count, offset, query.pageSize),
      ),
    },
  };
}

/** The previous period's filtered totals, kept on the view while its days stay the same blocks. */
function previousTotals(view: View, parts: readonly Columns[], query: ReportQuery): Totals {
  const key = filtersKey(query);
  const hit = view.previous.get(key);
  if (hit && hit.parts.length === parts.length && hit.parts.every((p, i) => p === parts[i]))
    return { ...hit.totals };
  const totals = filteredTotals(parts, query, view.dict);
  view.previous.set(key, { parts, totals });
  return { ...totals };
}

// The GET /api/reports answer from a view: loads the range, then filters, aggregates, sorts and
// pages in single passes over the columns. The previous period comes along when it is cached;
// otherwise it is walked after the range, in the background, and the answer says it is pending.
import "server-only";
import { defaultBucket, instantOf, TIME_ZONE, wallSeconds, type DateRange } from "@/lib/dates";
import type { ReportQuery } from "@/lib/reports/contract/report-query";
import type { Range, ReportResponse, Totals } from "@/lib/reports/contract/types";
import { aggregateView, filteredTotals } from "./aggregates";
import type { Columns } from "./columns";
import type { Interest } from "./demand";
import { filtersKey } from "./filters";
import type { OrderStore } from "./order-store";
import { sortedRows } from "./ordering";
import type { ProgressBoard } from "./progress";
import type { Labels } from "./labels";
import { labelView, ordersAt, type View } from "./view";

const asRange = (r: DateRange): Range => ({ start: r.start, end: r.end, timeZone: TIME_ZONE });

/** The comparison period's day columns, or why there are none yet. */
export type PreviousDays = Columns[] | "pending" | "failed";

/** What the report is compared with: the period, where it stops, and its days (or why none). */
export type Comparison = {
  range: DateRange;
  /** Like for like: its last day counts up to this wall-clock time (the range ends today). */
  cutoff: string | null;
  days: PreviousDays;
};

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
  comparison: Comparison | null,
  labels: Labels,
  now: Date,
): ReportResponse {
  labelView(view, labels);
  const range = { start: query.start, end: query.end };
  const bucket = query.bucket ?? defaultBucket(range);
  const a = aggregateView(view, query, bucket);
  const offset = (query.page - 1) * query.pageSize;

  return {
    range: asRange(range),
    generatedAt: now.toISOString(),
    provisional: a.provisional,
    totals: a.totals,
    previous: comparison && {
      range: asRange(comparison.range),
      until: comparison.cutoff && instantOf(comparison.cutoff).toISOString(),
      totals: Array.isArray(comparison.days)
        ? previousTotals(view, comparison.days, query, comparison.cutoff)
        : null,
      pending: comparison.days === "pending",
    },
    bucket,
    series: a.series,
    senders: a.senders,
    statuses: a.statuses,
    heatmap: a.heatmap,
    campaigns: a.campaigns,
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

/**
 * The comparison's filtered totals (its last day up to the cut-off), kept on the view while its
 * days stay the same blocks.
 */
function previousTotals(
  view: View,
  parts: readonly Columns[],
  query: ReportQuery,
  cutoff: string | null,
): Totals {
  const key = `${filtersKey(query)}|${cutoff ?? ""}`;
  const hit = view.previous.get(key);
  if (hit && hit.parts.length === parts.length && hit.parts.every((p, i) => p === parts[i]))
    return { ...hit.totals };
  const totals = filteredTotals(
    parts,
    query,
    view.dict,
    view.labels.book,
    cutoff ? wallSeconds(cutoff) : undefined,
  );
  view.previous.set(key, { parts, totals });
  return { ...totals };
}

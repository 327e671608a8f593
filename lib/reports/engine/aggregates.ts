// Every aggregate of GET /api/reports in one pass over a view's rows: totals, per day, per
// sender, per status, and which rows are selected; kept per view and filters (view.scans).
import "server-only";
import { bucketStart, wallTimestamp, type Bucket } from "@/lib/dates";
import type {
  CampaignRow,
  HeatmapCell,
  SenderRow,
  SeriesPoint,
  Totals,
} from "@/lib/reports/contract/types";
import {
  deliveryRate,
  ORDER_STATUS_KEYS,
  ORDER_STATUSES,
  type OrderStatus,
  type OrderStatusKey,
} from "@/lib/reports/contract/statuses";
import { ODD, type Columns, type SenderDictionary } from "./columns";
import {
  ALL,
  cellOfWallSeconds,
  compile,
  filtersKey,
  LABEL_OK,
  matchLevel,
  needsLabels,
  SENDER_OK,
  withoutTimeOfWeek,
  type Filters,
} from "./filters";
import { labelColumn, type LabelBook } from "./labels";
import type { Scan, View } from "./view";

// Counters laid out as [orders, messages, delivered, undelivered, waiting] per bucket.
const K = 5;

function addRow(acc: Float64Array, at: number, cols: Columns, i: number): void {
  acc[at] = (acc[at] as number) + 1;
  acc[at + 1] = (acc[at + 1] as number) + (cols.total[i] as number);
  acc[at + 2] = (acc[at + 2] as number) + (cols.delivered[i] as number);
  acc[at + 3] = (acc[at + 3] as number) + (cols.undelivered[i] as number);
  acc[at + 4] = (acc[at + 4] as number) + (cols.waiting[i] as number);
}

const counters = (acc: Float64Array, at: number) => ({
  orders: acc[at] as number,
  messages: acc[at + 1] as number,
  delivered: acc[at + 2] as number,
  undelivered: acc[at + 3] as number,
  waiting: acc[at + 4] as number,
});

function totalsOf(acc: Float64Array, at: number): Totals {
  const c = counters(acc, at);
  return { ...c, deliveryRate: deliveryRate(c.delivered, c.undelivered) };
}

/**
 * Totals of the rows that pass every filter; with `untilWall` (wall-clock seconds), orders
 * submitted after it are left out (a comparison that stops at the same time of day).
 */
export function filteredTotals(
  parts: readonly Columns[],
  filters: Filters,
  dict: SenderDictionary,
  book: LabelBook,
  untilWall?: number,
): Totals {
  const c = compile(filters, dict, book);
  const acc = new Float64Array(K);
  const until = untilWall ?? Infinity;
  for (const p of parts) {
    const labels = needsLabels(filters) ? labelColumn(p, book) : null;
    for (let i = 0; i < p.n; i++) {
      const submit = p.submit[i] as number;
      // An unreadable time (ODD) cannot be placed before or after the cut-off: it counts.
      if (submit !== ODD && submit > until) continue;
      if (matchLevel(c, p, i, labels) === ALL) addRow(acc, 0, p, i);
    }
  }
  return totalsOf(acc, 0);
}

export type ViewAggregates = {
  /** 1 for each row that passes every filter. */
  selected: Uint8Array;
  count: number;
  provisional: boolean;
  totals: Totals;
  series: SeriesPoint[];
  senders: SenderRow[];
  statuses: Record<OrderStatusKey, number>;
  heatmap: HeatmapCell[];
  campaigns: CampaignRow[];
};

function scan(view: View, filters: Filters): Scan {
  const key = filtersKey(filters);
  const hit = view.scans.get(key);
  if (hit) return hit;
  const { cols, dict, days } = view;
  const { sender, n } = cols;
  const { book, of: labelOf } = view.labels;
  const c = compile(filters, dict, book);
  const out: Scan = {
    selected: new Uint8Array(n),
    count: 0,
    provisional: false,
    total: new Float64Array(K),
    perDay: new Float64Array(days.length * K),
    perSender: new Float64Array(dict.names.length * K),
    perCell: new Float64Array(168 * K),
    perLabel: new Float64Array(book.names.length * K),
    labelFirst: new Uint32Array(book.names.length).fill(ODD),
    labelLast: new Uint32Array(book.names.length),
    labelsSeen: [],
    seen: [],
    statusCounts: ORDER_STATUSES.map(() => 0),
  };
  const { selected, total, perDay, perSender, perCell, seen, statusCounts } = out;
  const { perLabel, labelFirst, labelLast, labelsSeen } = out;
  for (let i = 0; i < n; i++) {
    const level = matchLevel(c, cols, i, labelOf);
    if (level === 0) continue;
    // Senders: every filter but sender; campaigns: every filter but label.
    if (level & LABEL_OK) {
      const s = sender[i] as number;
      if (perSender[s * K] === 0) seen.push(s);
      addRow(perSender, s * K, cols, i);
    }
    if (level & SENDER_OK) {
      const l = labelOf[i] as number;
      if (perLabel[l * K] === 0) labelsSeen.push(l);
      addRow(perLabel, l * K, cols, i);
      const submit = cols.submit[i] as number;
      if (submit !== ODD) {
        if (submit < (labelFirst[l] as number)) labelFirst[l] = submit;
        if (submit > (labelLast[l] as number)) labelLast[l] = submit;
      }
    }
    if (level !== ALL) continue;
    selected[i] = 1;
    out.count++;
    addRow(total, 0, cols, i);
    addRow(perDay, (view.day[i] as number) * K, cols, i);
    // An unreadable submitAt (ODD; the schema rules it out) has no cell: it counts everywhere else.
    const submit = cols.submit[i] as number;
    if (submit !== ODD) addRow(perCell, cellOfWallSeconds(submit) * K, cols, i);
    const k = ORDER_STATUSES.indexOf(cols.status[i] as OrderStatus);
    if (k >= 0) statusCounts[k]!++;
    if ((cols.waiting[i] as number) > 0) out.provisional = true;
  }
  view.scans.set(key, out);
  return out;
}

/** The per-day counters summed into buckets, each named by its first day. */
function bucketed(days: readonly string[], perDay: Float64Array, bucket: Bucket): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  const acc = new Float64Array(K);
  let start: string | null = null;
  let count = 0;
  const flush = () => {
    if (start !== null) out.push({ date: start, days: count, ...counters(acc, 0) });
    acc.fill(0);
    count = 0;
  };
  days.forEach((date, k) => {
    const first = bucketStart(date, bucket);
    if (first !== start) {
      flush();
      start = first;
    }
    count++;
    for (let j = 0; j < K; j++) acc[j] = (acc[j] as number) + (perDay[k * K + j] as number);
  });
  flush();
  return out;
}

const collator = new Intl.Collator("tr");

/** Most messages first; then by label (Turkish order), the unlabelled last. */
function byCampaign(a: CampaignRow, b: CampaignRow): number {
  if (b.messages !== a.messages) return b.messages - a.messages;
  if (a.label === null || b.label === null)
    return a.label === b.label ? 0 : a.label === null ? 1 : -1;
  return collator.compare(a.label, b.label);
}

/** Every aggregate of GET /api/reports, from one pass over the view (or its cached result). */
export function aggregateView(view: View, filters: Filters, bucket: Bucket): ViewAggregates {
  const { dict, days } = view;
  const { names } = view.labels.book;
  const s = scan(view, filters);
  const { selected, count, provisional, total, perDay, perSender, seen, statusCounts } = s;
  // The heatmap leaves the weekday and hour filters out: a second (cached) pass only when set.
  const { perCell } = scan(view, withoutTimeOfWeek(filters));
  const senders = seen
    .map((s) => ({ sender: dict.names[s] as string, ...totalsOf(perSender, s * K) }))
    .sort((a, b) => b.messages - a.messages || a.sender.localeCompare(b.sender));
  return {
    selected,
    count,
    provisional,
    totals: totalsOf(total, 0),
    series: bucketed(days, perDay, bucket),
    senders,
    statuses: Object.fromEntries(
      ORDER_STATUS_KEYS.map((key, k) => [key, statusCounts[k]!]),
    ) as ViewAggregates["statuses"],
    heatmap: Array.from({ length: 168 }, (_, c) => ({
      weekday: Math.floor(c / 24),
      hour: c % 24,
      ...counters(perCell, c * K),
    })),
    campaigns: s.labelsSeen
      .map((l) => ({
        label: names[l] ?? null,
        ...totalsOf(s.perLabel, l * K),
        firstSubmitAt: s.labelFirst[l] === ODD ? "" : wallTimestamp(s.labelFirst[l] as number),
        lastSubmitAt: s.labelFirst[l] === ODD ? "" : wallTimestamp(s.labelLast[l] as number),
      }))
      .sort(byCampaign),
  };
}

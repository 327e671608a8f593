// A range's orders joined into one block of columns, with what is derived from it kept on it:
// the sorted orders per field, the filtered aggregates and the previous period's totals. A view
// lives as long as none of its days changes (order-store.ts), and its caches go with it.
import "server-only";
import { LRUCache } from "lru-cache";
import type { DateRange } from "@/lib/dates";
import type { Order, Totals } from "@/lib/reports/contract/types";
import type { SortField } from "@/lib/reports/contract/report-query";
import { concatColumns, orderAt, type Columns, type SenderDictionary } from "./columns";
import { labelBook, labelColumn, NO_LABELS, type LabelBook, type Labels } from "./labels";

/** Filter sets remembered per view: a user paging, sorting and filtering revisits a handful. */
const FILTER_SETS_KEPT = 16;

/** What one pass over the rows finds for a set of filters: typed arrays, kept per view and filters. */
export type Scan = {
  selected: Uint8Array;
  count: number;
  provisional: boolean;
  total: Float64Array;
  perDay: Float64Array;
  perSender: Float64Array;
  /** By heatmap cell (weekday × 24 + hour of submitAt). */
  perCell: Float64Array;
  /** By label number (labels.ts), every filter but label; first and last submitAt (ODD: none). */
  perLabel: Float64Array;
  labelFirst: Uint32Array;
  labelLast: Uint32Array;
  /** Label numbers in order of first appearance. */
  labelsSeen: number[];
  /** Sender indices in order of first appearance (the reference lists them so before sorting). */
  seen: number[];
  statusCounts: number[];
};

/**
 * A field's ascending row order (the comparator of sortOrders, row index as the final tie). The
 * descending order is read from it backwards, so each field keeps one permutation, not two: only
 * rows whose key and id are both equal (`ties`, in practice none) keep their forward order, and
 * rows without a delivery rate stay last either way (from `nullStart`).
 */
export type Ordering = { perm: Uint32Array; ties: Set<number> | null; nullStart: number };

export type View = {
  range: DateRange;
  days: string[];
  cols: Columns;
  /** Index into `days` of each row's day. */
  day: Uint16Array;
  dict: SenderDictionary;
  /** Ascending row order per sort field, built on first use (descending reads it backwards). */
  orderings: Map<SortField, Ordering>;
  /** One pass's aggregates per set of filters (aggregates.ts). */
  scans: LRUCache<string, Scan>;
  /** The previous period's filtered totals per set of filters, while its days stay the same blocks. */
  previous: LRUCache<string, { parts: readonly Columns[]; totals: Totals }>;
  /** The labels the caches above were made with, and each row's label number. */
  labels: { book: LabelBook; of: Uint32Array };
};

export function buildView(
  range: DateRange,
  days: string[],
  parts: readonly Columns[],
  dict: SenderDictionary,
): View {
  const cols = concatColumns(parts);
  const day = new Uint16Array(cols.n);
  let offset = 0;
  parts.forEach((p, k) => {
    day.fill(k, offset, offset + p.n);
    offset += p.n;
  });
  return {
    range,
    days,
    cols,
    day,
    dict,
    orderings: new Map(),
    scans: new LRUCache({ max: FILTER_SETS_KEPT }),
    previous: new LRUCache({ max: FILTER_SETS_KEPT }),
    labels: { book: labelBook(NO_LABELS), of: new Uint32Array(cols.n) },
  };
}

/**
 * Puts the labels of `labels` on the view: when they are not the ones its caches were made with,
 * each row's label number is read again and the filtered aggregates start over. Call it right
 * before building an answer, in the same synchronous run, so the whole answer uses one snapshot.
 */
export function labelView(view: View, labels: Labels): void {
  const book = labelBook(labels);
  if (view.labels.book === book) return;
  view.labels = { book, of: labelColumn(view.cols, book) };
  view.scans.clear();
  view.previous.clear();
}

export const ordersAt = (view: View, rows: readonly number[]): Order[] =>
  rows.map((i) => ({
    ...orderAt(view.cols, i, view.dict),
    label: view.labels.book.names[view.labels.of[i] as number] ?? null,
  }));

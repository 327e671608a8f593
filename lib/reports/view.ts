// A range's orders as one block of columns, with the report's filters, aggregates and sorts done
// in single passes over typed arrays. Same answers as aggregate.ts (the reference), byte for byte:
// aggregate.ts spells out the definitions, this file makes them fast for a year of orders.
import type { DateRange } from "@/lib/dates";
import { deliveryRate, fold, type Filters } from "./aggregate";
import { concatColumns, orderAt, sendAtOf, submitAtOf, type Columns, type SenderDictionary } from "./columns";
import type { Sort, SortField } from "./search-params";
import type { Order, SenderRow, SeriesPoint, Totals } from "./types";

export type View = {
  range: DateRange;
  days: string[];
  cols: Columns;
  /** Index into `days` of each row's day. */
  day: Uint16Array;
  dict: SenderDictionary;
  /** Ascending row order per sort field, built on first use (descending reads it backwards). */
  orderings: Map<SortField, Ordering>;
};

export function buildView(range: DateRange, days: string[], parts: readonly Columns[], dict: SenderDictionary): View {
  const cols = concatColumns(parts);
  const day = new Uint16Array(cols.n);
  let offset = 0;
  parts.forEach((p, k) => {
    day.fill(k, offset, offset + p.n);
    offset += p.n;
  });
  return { range, days, cols, day, dict, orderings: new Map() };
}

type Compiled = {
  statuses: Set<number> | null;
  /** By sender index: 1 if the sender filter admits it (null: no sender filter). */
  senderOk: Uint8Array | null;
  /** By sender index: 1 if the folded name contains q (null: no q). */
  senderQ: Uint8Array | null;
  q: string;
  /** q can only match an id when it is all digits. */
  qDigits: boolean;
};

function compile(filters: Filters, dict: SenderDictionary): Compiled {
  const size = dict.names.length;
  let senderOk: Uint8Array | null = null;
  if (filters.sender.length > 0) {
    const wanted = new Set(filters.sender);
    senderOk = new Uint8Array(size);
    dict.names.forEach((name, i) => {
      if (wanted.has(name)) senderOk![i] = 1;
    });
  }
  const q = fold(filters.q.trim());
  let senderQ: Uint8Array | null = null;
  if (q) {
    senderQ = new Uint8Array(size);
    dict.names.forEach((name, i) => {
      if (fold(name).includes(q)) senderQ![i] = 1;
    });
  }
  return {
    statuses: filters.status.length === 0 ? null : new Set(filters.status),
    senderOk,
    senderQ,
    q,
    qDigits: /^\d+$/.test(q),
  };
}

/** 1: passes every filter but sender; 2: passes the sender filter too. */
function matchLevel(c: Compiled, cols: Columns, i: number): 0 | 1 | 2 {
  if (c.statuses && !c.statuses.has(cols.status[i] as number)) return 0;
  const s = cols.sender[i] as number;
  if (c.senderQ && !c.senderQ[s] && !(c.qDigits && String(cols.id[i]).includes(c.q))) return 0;
  return c.senderOk && !c.senderOk[s] ? 1 : 2;
}

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

/** Totals of the rows that pass every filter, over several blocks of columns (e.g. one per day). */
export function filteredTotals(parts: readonly Columns[], filters: Filters, dict: SenderDictionary): Totals {
  const c = compile(filters, dict);
  const acc = new Float64Array(K);
  for (const p of parts) {
    for (let i = 0; i < p.n; i++) if (matchLevel(c, p, i) === 2) addRow(acc, 0, p, i);
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
  statuses: Record<"113" | "114" | "115", number>;
};

/** What one pass over the rows finds for a set of filters: typed arrays, kept per view and filters. */
type Scan = {
  selected: Uint8Array;
  count: number;
  provisional: boolean;
  total: Float64Array;
  perDay: Float64Array;
  perSender: Float64Array;
  /** Sender indices in order of first appearance (the reference lists them so before sorting). */
  seen: number[];
  statusCounts: number[];
};

const MAX_SCANS = 16;
const scans = new WeakMap<View, Map<string, Scan>>();

export const filtersKey = (f: Filters) => JSON.stringify([f.sender, f.status, f.q]);

function scan(view: View, filters: Filters): Scan {
  const key = filtersKey(filters);
  let cache = scans.get(view);
  if (!cache) scans.set(view, (cache = new Map()));
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const { cols, dict, days } = view;
  const { sender, n } = cols;
  const c = compile(filters, dict);
  const out: Scan = {
    selected: new Uint8Array(n),
    count: 0,
    provisional: false,
    total: new Float64Array(K),
    perDay: new Float64Array(days.length * K),
    perSender: new Float64Array(dict.names.length * K),
    seen: [],
    statusCounts: [0, 0, 0],
  };
  const { selected, total, perDay, perSender, seen, statusCounts } = out;
  for (let i = 0; i < n; i++) {
    const level = matchLevel(c, cols, i);
    if (level === 0) continue;
    const s = sender[i] as number;
    if (perSender[s * K] === 0) seen.push(s);
    addRow(perSender, s * K, cols, i);
    if (level === 1) continue;
    selected[i] = 1;
    out.count++;
    addRow(total, 0, cols, i);
    addRow(perDay, (view.day[i] as number) * K, cols, i);
    const status = cols.status[i] as number;
    if (status === 113 || status === 114 || status === 115) statusCounts[status - 113]!++;
    if ((cols.waiting[i] as number) > 0) out.provisional = true;
  }
  cache.set(key, out);
  while (cache.size > MAX_SCANS) cache.delete(cache.keys().next().value as string);
  return out;
}

/** Every aggregate of GET /api/reports, from one pass over the view (or its cached result). */
export function aggregateView(view: View, filters: Filters): ViewAggregates {
  const { dict, days } = view;
  const { selected, count, provisional, total, perDay, perSender, seen, statusCounts } = scan(view, filters);
  const senders = seen
    .map((s) => ({ sender: dict.names[s] as string, ...totalsOf(perSender, s * K) }))
    .sort((a, b) => b.messages - a.messages || a.sender.localeCompare(b.sender));
  return {
    selected,
    count,
    provisional,
    totals: totalsOf(total, 0),
    series: days.map((date, k) => ({ date, ...counters(perDay, k * K) })),
    senders,
    statuses: { "113": statusCounts[0]!, "114": statusCounts[1]!, "115": statusCounts[2]! },
  };
}

/**
 * A field's ascending row order (the comparator of sortOrders, row index as the final tie). The
 * descending order is read from it backwards, so each field keeps one permutation, not two: only
 * rows whose key and id are both equal (`ties`, in practice none) keep their forward order, and
 * rows without a delivery rate stay last either way (from `nullStart`).
 */
export type Ordering = { perm: Uint32Array; ties: Set<number> | null; nullStart: number };

export function ordering(view: View, field: SortField): Ordering {
  const cached = view.orderings.get(field);
  if (cached) return cached;
  const { cols } = view;
  const { id, n } = cols;
  let primary: (a: number, b: number) => number;
  let nullStart = n;
  if (field === "deliveryRate") {
    const rate = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      rate[i] = deliveryRate(cols.delivered[i] as number, cols.undelivered[i] as number) ?? Number.NaN;
      if (Number.isNaN(rate[i])) nullStart--;
    }
    primary = (a, b) => {
      const ra = rate[a] as number;
      const rb = rate[b] as number;
      const na = Number.isNaN(ra);
      const nb = Number.isNaN(rb);
      if (na || nb) return na === nb ? (id[a] as number) - (id[b] as number) : na ? 1 : -1;
      return ra - rb || (id[a] as number) - (id[b] as number);
    };
  } else {
    // Some timestamp has no wall-clock seconds: compare the strings themselves, as the reference does.
    const key: ArrayLike<number | string> =
      (field === "submitAt" || field === "sendAt") && cols.odd
        ? Array.from({ length: n }, (_, i) => (field === "submitAt" ? submitAtOf(cols, i) : sendAtOf(cols, i)))
        : sortKey(view, field);
    primary = (a, b) => {
      const x = key[a] as number | string;
      const y = key[b] as number | string;
      return x < y ? -1 : x > y ? 1 : (id[a] as number) - (id[b] as number);
    };
  }
  const idx: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => primary(a, b) || a - b);
  let ties: Set<number> | null = null;
  for (let k = 1; k < n; k++) if (primary(idx[k - 1] as number, idx[k] as number) === 0) (ties ??= new Set()).add(k);
  const result = { perm: Uint32Array.from(idx), ties, nullStart };
  view.orderings.set(field, result);
  return result;
}

/** A sort's field and direction ("-submitAt" → submitAt, descending). */
const parseSort = (sort: Sort) => ({ desc: sort.startsWith("-"), field: sort.replace(/^-/, "") as SortField });

/** Calls visit(row) in the sort's order until it returns false. */
export function eachInOrder(view: View, sort: Sort, visit: (row: number) => boolean): void {
  const { desc, field } = parseSort(sort);
  const { perm, ties, nullStart } = ordering(view, field);
  if (!desc) {
    for (let k = 0; k < perm.length; k++) if (!visit(perm[k] as number)) return;
    return;
  }
  for (const [lo, hi] of [
    [0, nullStart],
    [nullStart, perm.length],
  ] as const) {
    for (let k = hi - 1; k >= lo; ) {
      let s = k;
      while (s > lo && ties?.has(s)) s--;
      for (let j = s; j <= k; j++) if (!visit(perm[j] as number)) return;
      k = s - 1;
    }
  }
}

/** The numbers a field sorts by: the column itself, or the sender's collation rank. */
function sortKey(view: View, field: Exclude<SortField, "deliveryRate">): ArrayLike<number> {
  const { cols } = view;
  if (field === "sender") {
    const ranks = view.dict.trRanks();
    return Uint32Array.from(cols.sender, (s) => ranks[s] as number);
  }
  if (field === "submitAt") return cols.submit;
  if (field === "sendAt") return cols.send;
  return cols[field];
}

/** Rows that pass the filters, in sort order, from `offset` on (at most `limit`). */
export function sortedRows(view: View, sort: Sort, selected: Uint8Array, count: number, offset: number, limit: number): number[] {
  const out: number[] = [];
  if (offset >= count || limit <= 0) return out;
  const all = count === view.cols.n;
  const { desc, field } = parseSort(sort);
  const { perm, ties, nullStart } = ordering(view, field);
  if (all && !desc) return Array.from(perm.subarray(offset, Math.min(count, offset + limit)));
  if (all && !ties) {
    // Descending without ties: position k is perm[nullStart − 1 − k], then the rows without a rate.
    const n = perm.length;
    for (let k = offset; k < Math.min(n, offset + limit); k++)
      out.push(perm[k < nullStart ? nullStart - 1 - k : n - 1 - (k - nullStart)] as number);
    return out;
  }
  let skip = offset;
  eachInOrder(view, sort, (i) => {
    if (!all && !selected[i]) return true;
    if (skip > 0) skip--;
    else out.push(i);
    return out.length < limit;
  });
  return out;
}

export const ordersAt = (view: View, rowsIdx: readonly number[]): Order[] =>
  rowsIdx.map((i) => orderAt(view.cols, i, view.dict));

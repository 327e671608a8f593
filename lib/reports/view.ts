// A range's orders as one block of columns, with the report's filters, aggregates and sorts done
// in single passes over typed arrays. Same answers as aggregate.ts (the reference), byte for byte:
// aggregate.ts spells out the definitions, this file makes them fast for a year of orders.
import type { DateRange } from "@/lib/dates";
import { deliveryRate, fold, type Filters } from "./aggregate";
import {
  F_DELIVERED,
  F_ID,
  F_SEND,
  F_STATUS,
  F_SUBMIT,
  F_TOTAL,
  F_UNDELIVERED,
  F_WAITING,
  STRIDE,
  concatColumns,
  orderAt,
  sendAtOf,
  submitAtOf,
  type Columns,
  type SenderDictionary,
} from "./columns";
import type { Sort } from "./search-params";
import type { Order, SenderRow, SeriesPoint, Totals } from "./types";

export type View = {
  range: DateRange;
  days: string[];
  cols: Columns;
  /** Index into `days` of each row's day. */
  day: Uint16Array;
  dict: SenderDictionary;
  /** Row permutations per sort, built on first use. */
  perms: Map<Sort, Uint32Array>;
};

export function buildView(range: DateRange, days: string[], parts: readonly Columns[], dict: SenderDictionary): View {
  const cols = concatColumns(parts);
  const day = new Uint16Array(cols.n);
  let offset = 0;
  parts.forEach((p, k) => {
    day.fill(k, offset, offset + p.n);
    offset += p.n;
  });
  return { range, days, cols, day, dict, perms: new Map() };
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
function matchLevel(c: Compiled, rows: Float64Array, sender: Uint32Array, i: number): 0 | 1 | 2 {
  const r = i * STRIDE;
  if (c.statuses && !c.statuses.has(rows[r + F_STATUS] as number)) return 0;
  const s = sender[i] as number;
  if (c.senderQ && !c.senderQ[s] && !(c.qDigits && String(rows[r + F_ID]).includes(c.q))) return 0;
  return c.senderOk && !c.senderOk[s] ? 1 : 2;
}

// Counters laid out as [orders, messages, delivered, undelivered, waiting] per bucket.
const K = 5;

function addRow(acc: Float64Array, at: number, rows: Float64Array, r: number): void {
  acc[at] = (acc[at] as number) + 1;
  acc[at + 1] = (acc[at + 1] as number) + (rows[r + F_TOTAL] as number);
  acc[at + 2] = (acc[at + 2] as number) + (rows[r + F_DELIVERED] as number);
  acc[at + 3] = (acc[at + 3] as number) + (rows[r + F_UNDELIVERED] as number);
  acc[at + 4] = (acc[at + 4] as number) + (rows[r + F_WAITING] as number);
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
    for (let i = 0; i < p.n; i++) if (matchLevel(c, p.rows, p.sender, i) === 2) addRow(acc, 0, p.rows, i * STRIDE);
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
  const { rows, sender, n } = cols;
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
    const level = matchLevel(c, rows, sender, i);
    if (level === 0) continue;
    const r = i * STRIDE;
    const s = sender[i] as number;
    if (perSender[s * K] === 0) seen.push(s);
    addRow(perSender, s * K, rows, r);
    if (level === 1) continue;
    selected[i] = 1;
    out.count++;
    addRow(total, 0, rows, r);
    addRow(perDay, (view.day[i] as number) * K, rows, r);
    const status = rows[r + F_STATUS] as number;
    if (status === 113 || status === 114 || status === 115) statusCounts[status - 113]!++;
    if ((rows[r + F_WAITING] as number) > 0) out.provisional = true;
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

/** Row order for a sort: the comparator of sortOrders, with row index as the final (stable) tie. */
export function permutation(view: View, sort: Sort): Uint32Array {
  const cached = view.perms.get(sort);
  if (cached) return cached;
  const { cols, dict } = view;
  const { rows, sender, n } = cols;
  const desc = sort.startsWith("-");
  const field = desc ? sort.slice(1) : sort;
  const dir = desc ? -1 : 1;
  const idx: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  const byId = (a: number, b: number) => ((rows[a * STRIDE] as number) - (rows[b * STRIDE] as number)) * dir || a - b;
  let compare: (a: number, b: number) => number;
  if (field === "deliveryRate") {
    const rate = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = i * STRIDE;
      rate[i] = deliveryRate(rows[r + F_DELIVERED] as number, rows[r + F_UNDELIVERED] as number) ?? Number.NaN;
    }
    compare = (a, b) => {
      const ra = rate[a] as number;
      const rb = rate[b] as number;
      const na = Number.isNaN(ra);
      const nb = Number.isNaN(rb);
      if (na || nb) return na === nb ? byId(a, b) : na ? 1 : -1;
      return (ra - rb) * dir || byId(a, b);
    };
  } else if (field === "sender") {
    const ranks = dict.trRanks();
    const key = new Float64Array(n);
    for (let i = 0; i < n; i++) key[i] = ranks[sender[i] as number] as number;
    compare = (a, b) => ((key[a] as number) - (key[b] as number)) * dir || byId(a, b);
  } else if ((field === "submitAt" || field === "sendAt") && cols.odd) {
    // Some timestamp did not pack: compare the strings themselves, as the reference does.
    const text = Array.from({ length: n }, (_, i) => (field === "submitAt" ? submitAtOf(cols, i) : sendAtOf(cols, i)));
    compare = (a, b) => {
      const x = text[a] as string;
      const y = text[b] as string;
      return (x < y ? -1 : x > y ? 1 : 0) * dir || byId(a, b);
    };
  } else {
    const offset = FIELD_OFFSET[field as Exclude<keyof Order, "sender">];
    const key = new Float64Array(n);
    for (let i = 0; i < n; i++) key[i] = rows[i * STRIDE + offset] as number;
    compare = (a, b) => {
      const x = key[a] as number;
      const y = key[b] as number;
      return (x < y ? -1 : x > y ? 1 : 0) * dir || byId(a, b);
    };
  }
  idx.sort(compare);
  const perm = Uint32Array.from(idx);
  view.perms.set(sort, perm);
  return perm;
}

const FIELD_OFFSET: Record<Exclude<keyof Order, "sender">, number> = {
  id: F_ID,
  status: F_STATUS,
  total: F_TOTAL,
  delivered: F_DELIVERED,
  undelivered: F_UNDELIVERED,
  waiting: F_WAITING,
  submitAt: F_SUBMIT,
  sendAt: F_SEND,
};

/** Rows that pass the filters, in sort order, from `offset` on (at most `limit`). */
export function sortedRows(view: View, sort: Sort, selected: Uint8Array, count: number, offset: number, limit: number): number[] {
  const out: number[] = [];
  if (offset >= count || limit <= 0) return out;
  const perm = permutation(view, sort);
  if (count === view.cols.n) {
    for (let k = offset; k < Math.min(count, offset + limit); k++) out.push(perm[k] as number);
    return out;
  }
  let skip = offset;
  for (let k = 0; k < perm.length && out.length < limit; k++) {
    const i = perm[k] as number;
    if (!selected[i]) continue;
    if (skip > 0) skip--;
    else out.push(i);
  }
  return out;
}

export const ordersAt = (view: View, rowsIdx: readonly number[]): Order[] =>
  rowsIdx.map((i) => orderAt(view.cols, i, view.dict));

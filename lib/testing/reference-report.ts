// The reference report: GET /api/reports computed the obvious way, over order objects. It defines
// the answer; the engine's columnar path (lib/reports/engine) must give it byte for byte, which
// lib/reports/engine/reference.test.ts checks. Tests only: nothing in the app imports it.
import {
  comparisonCutoff,
  comparisonRange,
  eachDay,
  instantOf,
  istanbulToday,
  TIME_ZONE,
  type Bucket,
  type DateRange,
} from "@/lib/dates";
import type { ReportQuery, Sort } from "@/lib/reports/contract/report-query";
import {
  deliveryRate,
  ORDER_STATUS_KEYS,
  type OrderStatusKey,
} from "@/lib/reports/contract/statuses";
import { fold } from "@/lib/reports/contract/search-text";
import type {
  BareOrder,
  CampaignRow,
  HeatmapCell,
  Order,
  Range,
  ReportResponse,
  SenderRow,
  SeriesPoint,
  Totals,
} from "@/lib/reports/contract/types";

type Filters = Pick<
  ReportQuery,
  "sender" | "status" | "q" | "minMessages" | "weekday" | "hour" | "label"
>;

/** An order with its label when it has one (the engine's NO_LABEL word for none: "none"). */
type Labelled = BareOrder & { label?: string | null };

type Counters = Omit<SeriesPoint, "date" | "days">;

const zero = (): Counters => ({ orders: 0, messages: 0, delivered: 0, undelivered: 0, waiting: 0 });

function add(c: Counters, o: BareOrder): void {
  c.orders++;
  c.messages += o.total;
  c.delivered += o.delivered;
  c.undelivered += o.undelivered;
  c.waiting += o.waiting;
}

const withRate = <T extends Counters>(c: T): T & { deliveryRate: number | null } => ({
  ...c,
  deliveryRate: deliveryRate(c.delivered, c.undelivered),
});

/** Monday 0 … Sunday 6 of a YYYY-MM-DD date, by the JavaScript calendar. */
const weekdayOf = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

function matcher(
  filters: Filters,
  ignore: { sender?: boolean; timeOfWeek?: boolean; label?: boolean } = {},
): (o: Labelled) => boolean {
  const senders = ignore.sender || filters.sender.length === 0 ? null : new Set(filters.sender);
  const labels = ignore.label || filters.label.length === 0 ? null : new Set(filters.label);
  const weekdays =
    ignore.timeOfWeek || filters.weekday.length === 0 ? null : new Set<number>(filters.weekday);
  const hours = ignore.timeOfWeek || filters.hour.length === 0 ? null : filters.hour;
  const statuses = filters.status.length === 0 ? null : new Set<number>(filters.status);
  const q = fold(filters.q.trim());
  const min = filters.minMessages ?? 0;
  return (o) =>
    o.total >= min &&
    (!senders || senders.has(o.sender)) &&
    (!statuses || statuses.has(o.status)) &&
    (!weekdays || weekdays.has(weekdayOf(o.submitAt.slice(0, 10)))) &&
    (!hours || hours.includes(Number(o.submitAt.slice(11, 13)))) &&
    (!labels || labels.has(o.label ?? "none")) &&
    (!q ||
      String(o.id).includes(q) ||
      fold(o.sender).includes(q) ||
      (!!o.label && fold(o.label).includes(q)));
}

function totals(orders: readonly BareOrder[]): Totals {
  const c = zero();
  for (const o of orders) add(c, o);
  return withRate(c);
}

/** The first day of a date's bucket: itself, the Monday of its week, or the 1st of its month. */
function firstDayOf(date: string, bucket: Bucket): string {
  if (bucket === "day") return date;
  if (bucket === "month") return `${date.slice(0, 7)}-01`;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - weekdayOf(date));
  return d.toISOString().slice(0, 10);
}

function series(orders: readonly Order[], range: DateRange, bucket: Bucket): SeriesPoint[] {
  const byBucket = new Map<string, SeriesPoint>();
  const bucketOfDay = new Map<string, SeriesPoint>();
  for (const day of eachDay(range)) {
    const date = firstDayOf(day, bucket);
    let point = byBucket.get(date);
    if (!point) byBucket.set(date, (point = { date, days: 0, ...zero() }));
    point.days++;
    bucketOfDay.set(day, point);
  }
  for (const o of orders) {
    const point = bucketOfDay.get(o.submitAt.slice(0, 10));
    if (point) add(point, o);
  }
  return [...byBucket.values()];
}

function heatmap(orders: readonly Order[]): HeatmapCell[] {
  const cells: HeatmapCell[] = [];
  for (let weekday = 0; weekday < 7; weekday++)
    for (let hour = 0; hour < 24; hour++) cells.push({ weekday, hour, ...zero() });
  for (const o of orders)
    add(cells[weekdayOf(o.submitAt.slice(0, 10)) * 24 + Number(o.submitAt.slice(11, 13))]!, o);
  return cells;
}

function senders(orders: readonly Order[]): SenderRow[] {
  const bySender = new Map<string, Counters>();
  for (const o of orders) {
    let c = bySender.get(o.sender);
    if (!c) bySender.set(o.sender, (c = zero()));
    add(c, o);
  }
  return [...bySender]
    .map(([sender, c]) => ({ sender, ...withRate(c) }))
    .sort((a, b) => b.messages - a.messages || a.sender.localeCompare(b.sender));
}

function statuses(orders: readonly Order[]): Record<OrderStatusKey, number> {
  const out = Object.fromEntries(ORDER_STATUS_KEYS.map((k) => [k, 0])) as Record<
    OrderStatusKey,
    number
  >;
  for (const o of orders) {
    const key = String(o.status) as OrderStatusKey;
    if (key in out) out[key]++;
  }
  return out;
}

const rateOf = (o: BareOrder) => deliveryRate(o.delivered, o.undelivered);

/** Sorts a copy; ties broken by id so pages are stable; a null delivery rate sorts last. */
export function sortOrders<T extends BareOrder>(orders: readonly T[], sort: Sort): T[] {
  const desc = sort.startsWith("-");
  const field = (desc ? sort.slice(1) : sort) as keyof BareOrder | "deliveryRate";
  const dir = desc ? -1 : 1;
  const byId = (a: T, b: T) => (a.id - b.id) * dir;
  if (field === "deliveryRate") {
    return [...orders].sort((a, b) => {
      const ra = rateOf(a);
      const rb = rateOf(b);
      if (ra === null || rb === null) return ra === rb ? byId(a, b) : ra === null ? 1 : -1;
      return (ra - rb) * dir || byId(a, b);
    });
  }
  if (field === "sender") {
    return [...orders].sort((a, b) => a.sender.localeCompare(b.sender, "tr") * dir || byId(a, b));
  }
  return [...orders].sort((a, b) => {
    const x = a[field];
    const y = b[field];
    return (x < y ? -1 : x > y ? 1 : 0) * dir || byId(a, b);
  });
}

const asRange = (r: DateRange): Range => ({ start: r.start, end: r.end, timeZone: TIME_ZONE });

export function filterAndSort<T extends Labelled>(orders: readonly T[], query: ReportQuery): T[] {
  return sortOrders(orders.filter(matcher(query)), query.sort);
}

/** Per label (null: unlabelled), most messages first, then by label (Turkish), unlabelled last. */
function campaigns(orders: readonly Order[]): CampaignRow[] {
  const byLabel = new Map<string | null, { c: Counters; first: string; last: string }>();
  for (const o of orders) {
    let entry = byLabel.get(o.label);
    if (!entry) byLabel.set(o.label, (entry = { c: zero(), first: o.submitAt, last: o.submitAt }));
    add(entry.c, o);
    if (o.submitAt < entry.first) entry.first = o.submitAt;
    if (o.submitAt > entry.last) entry.last = o.submitAt;
  }
  return [...byLabel]
    .map(([label, { c, first, last }]) => ({
      label,
      ...withRate(c),
      firstSubmitAt: first,
      lastSubmitAt: last,
    }))
    .sort(
      (a, b) =>
        b.messages - a.messages ||
        (a.label === null || b.label === null
          ? (a.label === null ? 1 : 0) - (b.label === null ? 1 : 0)
          : a.label.localeCompare(b.label, "tr")),
    );
}

export function buildReport(
  query: ReportQuery,
  currentBare: readonly BareOrder[],
  previousBare: readonly BareOrder[],
  now: Date,
  labels: ReadonlyMap<number, string> = new Map(),
): ReportResponse {
  const labelled = (o: BareOrder): Order => ({ ...o, label: labels.get(o.id) ?? null });
  const current = currentBare.map(labelled);
  const previous = previousBare.map(labelled);
  const range = { start: query.start, end: query.end };
  const days = eachDay(range).length;
  const bucket: Bucket = query.bucket ?? (days <= 62 ? "day" : days <= 200 ? "week" : "month");
  const comparison = comparisonRange(range, query.compare, istanbulToday(now));
  const cutoff = comparison && comparisonCutoff(range, comparison, now);
  const matches = matcher(query);
  const selected = current.filter(matches);
  const sorted = sortOrders(selected, query.sort);
  const offset = (query.page - 1) * query.pageSize;
  return {
    range: asRange(range),
    generatedAt: now.toISOString(),
    provisional: selected.some((o) => o.waiting > 0),
    totals: totals(selected),
    previous: comparison && {
      range: asRange(comparison),
      until: cutoff && instantOf(cutoff).toISOString(),
      // Like for like: the comparison's last day counts up to the same time of day.
      totals: totals(previous.filter((o) => matches(o) && (!cutoff || o.submitAt <= cutoff))),
      pending: false,
    },
    bucket,
    series: series(selected, range, bucket),
    senders: senders(current.filter(matcher(query, { sender: true }))),
    statuses: statuses(selected),
    heatmap: heatmap(current.filter(matcher(query, { timeOfWeek: true }))),
    campaigns: campaigns(current.filter(matcher(query, { label: true }))),
    orders: {
      total: selected.length,
      page: query.page,
      pageSize: query.pageSize,
      items: sorted.slice(offset, offset + query.pageSize),
    },
  };
}

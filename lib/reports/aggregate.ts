// Filters, aggregates and sorts orders exactly as product.md defines GET /api/reports.
import { eachDay, type DateRange } from "@/lib/dates";
import type { Sort } from "./search-params";
import type { Order, SenderRow, SeriesPoint, Totals } from "./types";

export type Filters = { sender: string[]; status: number[]; q: string };

type Counters = Omit<SeriesPoint, "date">;

const zero = (): Counters => ({ orders: 0, messages: 0, delivered: 0, undelivered: 0, waiting: 0 });

function add(c: Counters, o: Order): void {
  c.orders++;
  c.messages += o.total;
  c.delivered += o.delivered;
  c.undelivered += o.undelivered;
  c.waiting += o.waiting;
}

export function deliveryRate(delivered: number, undelivered: number): number | null {
  const final = delivered + undelivered;
  return final === 0 ? null : delivered / final;
}

const withRate = <T extends Counters>(c: T): T & { deliveryRate: number | null } => ({
  ...c,
  deliveryRate: deliveryRate(c.delivered, c.undelivered),
});

/** Case- and dotted/dotless-i-insensitive folding, so "bilgi" finds "BİLGİ" and "BILGI". */
export function fold(text: string): string {
  return text.toLocaleLowerCase("tr").normalize("NFD").replace(/\u0307/g, "").replace(/ı/g, "i");
}

export function matcher(filters: Filters, ignoreSender = false): (o: Order) => boolean {
  const senders = ignoreSender || filters.sender.length === 0 ? null : new Set(filters.sender);
  const statuses = filters.status.length === 0 ? null : new Set(filters.status);
  const q = fold(filters.q.trim());
  return (o) =>
    (!senders || senders.has(o.sender)) &&
    (!statuses || statuses.has(o.status)) &&
    (!q || String(o.id).includes(q) || fold(o.sender).includes(q));
}

export function totals(orders: readonly Order[]): Totals {
  const c = zero();
  for (const o of orders) add(c, o);
  return withRate(c);
}

export function series(orders: readonly Order[], range: DateRange): SeriesPoint[] {
  const byDay = new Map(eachDay(range).map((date) => [date, { date, ...zero() }]));
  for (const o of orders) {
    const point = byDay.get(o.submitAt.slice(0, 10));
    if (point) add(point, o);
  }
  return [...byDay.values()];
}

export function senders(orders: readonly Order[]): SenderRow[] {
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

export function statuses(orders: readonly Order[]): Record<"113" | "114" | "115", number> {
  const out = { "113": 0, "114": 0, "115": 0 };
  for (const o of orders) {
    const key = String(o.status);
    if (key === "113" || key === "114" || key === "115") out[key]++;
  }
  return out;
}

const rateOf = (o: Order) => deliveryRate(o.delivered, o.undelivered);

/** Sorts a copy; ties broken by id so pages are stable; a null delivery rate sorts last. */
export function sortOrders(orders: readonly Order[], sort: Sort): Order[] {
  const desc = sort.startsWith("-");
  const field = (desc ? sort.slice(1) : sort) as keyof Order | "deliveryRate";
  const dir = desc ? -1 : 1;
  const byId = (a: Order, b: Order) => (a.id - b.id) * dir;
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

// Orders per Istanbul calendar day, fetched by ≤10-day windows and cached per day. A day is settled
// once it ended two days before today and none of its orders can still change; settled days are
// kept for hours, others for a minute. Concurrent loads share in-flight windows.
import { addDays, eachDay, istanbulToday, splitWindows, type DateRange } from "@/lib/dates";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import { Limiter } from "@/lib/iletimerkezi/limiter";
import type { UpstreamOrder } from "@/lib/iletimerkezi/types";
import type { LogSink } from "@/lib/log";
import type { Order } from "./types";
import { walkWindow } from "./walk";

export type Progress = { total: number; done: number };

export type StoreOptions = {
  client: IletimerkeziClient;
  concurrency: number;
  now: () => Date;
  log: LogSink;
  settledTtlMs?: number;
  freshTtlMs?: number;
};

type DayEntry = { orders: Order[]; fetchedAt: number; settled: boolean };

const toOrder = (o: UpstreamOrder): Order => ({
  id: o.id,
  status: o.status,
  total: o.total,
  delivered: o.delivered,
  undelivered: o.undelivered,
  waiting: o.waiting,
  submitAt: o.submitAt,
  sendAt: o.sendAt,
  sender: o.sender,
});

const isFinal = (o: Order) => o.waiting === 0 && o.status !== 113;

export class OrderStore {
  private readonly days = new Map<string, DayEntry>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly windowDays = { current: 10 };
  private readonly settledTtl: number;
  private readonly freshTtl: number;

  constructor(private readonly opts: StoreOptions) {
    this.settledTtl = opts.settledTtlMs ?? 6 * 3_600_000;
    this.freshTtl = opts.freshTtlMs ?? 60_000;
  }

  /** Every order submitted in the range; rejects if any window fails (never partial totals). */
  async load(range: DateRange, options: { refresh?: boolean; progress?: Progress } = {}): Promise<Order[]> {
    const progress = options.progress ?? { total: 0, done: 0 };
    const now = Date.now();
    const waits = new Set<Promise<void>>();
    const missing: string[] = [];
    for (const day of eachDay(range)) {
      const shared = this.pending.get(day);
      if (shared) waits.add(shared);
      else if (this.isStale(day, now, options.refresh ?? false)) missing.push(day);
    }
    const windows = runs(missing).flatMap((run) => splitWindows(run, this.windowDays.current));
    // Windows queue for a few at a time so they complete (and progress advances) in order,
    // while each keeps the account limiter busy with a batch of pages.
    const pool = new Limiter(2);
    for (const window of windows) waits.add(this.fetchWindow(window, pool));
    progress.total += waits.size;
    await Promise.all(
      [...waits].map((p) =>
        p.then(() => {
          progress.done++;
        }),
      ),
    );
    return eachDay(range).flatMap((day) => this.days.get(day)?.orders ?? []);
  }

  /** Whether every day of the range is cached and settled (no upstream call would be made). */
  isCached(range: DateRange): boolean {
    return eachDay(range).every((day) => !this.isStale(day, Date.now(), false));
  }

  private isStale(day: string, now: number, refresh: boolean): boolean {
    const entry = this.days.get(day);
    if (!entry) return true;
    if (entry.settled) return now - entry.fetchedAt > this.settledTtl;
    return refresh || now - entry.fetchedAt > this.freshTtl;
  }

  private fetchWindow(window: DateRange, pool: Limiter): Promise<void> {
    const days = eachDay(window);
    const task = pool
      .run(() =>
        walkWindow(window, {
          client: this.opts.client,
          batch: this.opts.concurrency,
          log: this.opts.log,
          windowDays: this.windowDays,
        }),
      )
      .then((orders) => this.store(window, days, orders))
      .finally(() => {
        for (const day of days) if (this.pending.get(day) === task) this.pending.delete(day);
      });
    for (const day of days) this.pending.set(day, task);
    return task;
  }

  private store(window: DateRange, days: string[], upstream: UpstreamOrder[]): void {
    const fetchedAt = Date.now();
    const settledBefore = addDays(istanbulToday(this.opts.now()), -1);
    const buckets = new Map<string, Order[]>(days.map((d) => [d, []]));
    let outside = 0;
    for (const o of upstream) {
      const bucket = buckets.get(o.submitAt.slice(0, 10));
      if (bucket) bucket.push(toOrder(o));
      else outside++;
    }
    if (outside > 0)
      this.opts.log({ event: "orders_outside_window", start: window.start, end: window.end, count: outside });
    for (const [day, orders] of buckets) {
      const settled = day < settledBefore && orders.every(isFinal);
      this.days.set(day, { orders, fetchedAt, settled });
    }
  }
}

/** Groups sorted days into runs of consecutive days. */
function runs(days: string[]): DateRange[] {
  const out: DateRange[] = [];
  for (const day of days) {
    const last = out.at(-1);
    if (last && addDays(last.end, 1) === day) last.end = day;
    else out.push({ start: day, end: day });
  }
  return out;
}

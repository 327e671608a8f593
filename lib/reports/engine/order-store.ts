// Orders per Istanbul calendar day, fetched by ≤10-day windows and cached per day. A day is settled
// once it ended two days before today and none of its orders can still change; settled days are
// kept for hours, others for a minute. Concurrent loads share in-flight windows. Days are held as
// columns (columns.ts), and a range's days are joined into a view that is kept while none changes.
import "server-only";
import { LRUCache } from "lru-cache";
import pLimit, { type LimitFunction } from "p-limit";
import {
  addDays,
  eachDay,
  epochDay,
  epochDayOfWallSeconds,
  istanbulToday,
  splitWindows,
  type DateRange,
} from "@/lib/dates";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import type { LogSink } from "@/lib/log";
import { isFinalOrder } from "@/lib/reports/contract/statuses";
import {
  ColumnBuilder,
  concatColumns,
  ODD,
  selectRows,
  sliceColumns,
  SenderDictionary,
  submitAtOf,
  type Columns,
} from "./columns";
import type { Progress } from "./progress";
import { buildView, type View } from "./view";
import { walkWindow } from "./walk";

export type StoreOptions = {
  client: IletimerkeziClient;
  concurrency: number;
  now: () => Date;
  log: LogSink;
  settledTtlMs?: number;
  freshTtlMs?: number;
};

type DayEntry = { cols: Columns; fetchedAt: number; settled: boolean; version: number };

type LoadOptions = { refresh?: boolean; progress?: Progress };

const isFinal = (c: Columns, i: number) =>
  isFinalOrder(c.status[i] as number, c.waiting[i] as number);

/** Views kept at once: a report needs one (its range); a few serve a handful of users' ranges. */
const MAX_VIEWS = 4;

export class OrderStore {
  private readonly days = new Map<string, DayEntry>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly windowDays = { current: 10 };
  private readonly settledTtl: number;
  private readonly freshTtl: number;
  private readonly views = new LRUCache<string, { view: View; versions: number[] }>({
    max: MAX_VIEWS,
  });
  private version = 0;
  readonly dict = new SenderDictionary();

  constructor(private readonly opts: StoreOptions) {
    this.settledTtl = opts.settledTtlMs ?? 6 * 3_600_000;
    this.freshTtl = opts.freshTtlMs ?? 60_000;
  }

  /** The range's orders as one block of columns, reused while none of its days changes. */
  async loadView(range: DateRange, options: LoadOptions = {}): Promise<View> {
    await this.fetchMissing(range, options);
    const days = eachDay(range);
    const key = `${range.start}..${range.end}`;
    const versions = days.map((day) => this.days.get(day)?.version ?? -1);
    const hit = this.views.get(key);
    if (hit && hit.versions.every((v, i) => v === versions[i])) return hit.view;
    const view = buildView(range, days, this.dayColumns(days), this.dict);
    this.shareWithView(days, view);
    this.views.set(key, { view, versions });
    return view;
  }

  /** The range's orders as one block of columns per day. */
  async loadDays(range: DateRange, options: LoadOptions = {}): Promise<Columns[]> {
    await this.fetchMissing(range, options);
    return this.dayColumns(eachDay(range));
  }

  /** Points each day at its slice of the view's arrays, so a cached range is held once, not twice. */
  private shareWithView(days: string[], view: View): void {
    let offset = 0;
    for (const day of days) {
      const entry = this.days.get(day);
      if (!entry) continue;
      const { n } = entry.cols;
      entry.cols = sliceColumns(view.cols, offset, offset + n);
      offset += n;
    }
  }

  private dayColumns(days: string[]): Columns[] {
    const out: Columns[] = [];
    for (const day of days) {
      const entry = this.days.get(day);
      if (entry) out.push(entry.cols);
    }
    return out;
  }

  private async fetchMissing(range: DateRange, options: LoadOptions): Promise<void> {
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
    const pool = pLimit(2);
    for (const window of windows) waits.add(this.fetchWindow(window, pool));
    progress.total += waits.size;
    await Promise.all(
      [...waits].map((p) =>
        p.then(() => {
          progress.done++;
        }),
      ),
    );
  }

  private isStale(day: string, now: number, refresh: boolean): boolean {
    const entry = this.days.get(day);
    if (!entry) return true;
    if (entry.settled) return now - entry.fetchedAt > this.settledTtl;
    return refresh || now - entry.fetchedAt > this.freshTtl;
  }

  private fetchWindow(window: DateRange, pool: LimitFunction): Promise<void> {
    const days = eachDay(window);
    const task = pool(() =>
      walkWindow(
        window,
        {
          client: this.opts.client,
          batch: this.opts.concurrency,
          log: this.opts.log,
          windowDays: this.windowDays,
        },
        // Packed page by page: a window's parsed objects die young instead of piling up.
        () => new ColumnBuilder(this.dict),
        concatColumns,
      ),
    )
      .then((orders) => this.store(window, days, orders))
      .finally(() => {
        for (const day of days) if (this.pending.get(day) === task) this.pending.delete(day);
      });
    for (const day of days) this.pending.set(day, task);
    return task;
  }

  private store(window: DateRange, days: string[], upstream: Columns): void {
    const fetchedAt = Date.now();
    const settledBefore = addDays(istanbulToday(this.opts.now()), -1);
    const buckets = new Map<string, number[]>(days.map((d) => [d, []]));
    // By day number, so wall-clock seconds find their day without building a string.
    const byNumber = new Map<number, number[]>(days.map((d) => [epochDay(d), buckets.get(d)!]));
    let outside = 0;
    for (let i = 0; i < upstream.n; i++) {
      const v = upstream.submit[i] as number;
      const bucket =
        v === ODD
          ? buckets.get(submitAtOf(upstream, i).slice(0, 10))
          : byNumber.get(epochDayOfWallSeconds(v));
      if (bucket) bucket.push(i);
      else outside++;
    }
    if (outside > 0)
      this.opts.log({
        event: "orders_outside_window",
        start: window.start,
        end: window.end,
        count: outside,
      });
    // One block for the window, in day order; each day is a slice of it.
    const block = selectRows(upstream, [...buckets.values()].flat());
    let offset = 0;
    for (const [day, rows] of buckets) {
      const cols = sliceColumns(block, offset, offset + rows.length);
      offset += rows.length;
      const settled = day < settledBefore && rows.every((_, k) => isFinal(cols, k));
      this.days.set(day, { cols, fetchedAt, settled, version: ++this.version });
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

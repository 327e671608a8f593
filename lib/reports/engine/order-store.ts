// Orders per Istanbul calendar day, fetched by ≤10-day windows and cached per day. A day is settled
// once it ended two days before today and none of its orders can still change; settled days are
// kept for hours, others for a minute. Concurrent loads share in-flight windows. Days are held as
// columns (columns.ts), and a range's days are joined into a view that is kept while none changes.
import "server-only";
import { LRUCache } from "lru-cache";
import pLimit, { type LimitFunction } from "p-limit";
import { addDays, eachDay, istanbulToday, splitWindows, type DateRange } from "@/lib/dates";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import type { LogSink } from "@/lib/log";
import type { DayArchive } from "@/lib/store/settled-days";
import {
  ColumnBuilder,
  concatColumns,
  sliceColumns,
  SenderDictionary,
  type Columns,
} from "./columns";
import { decodeDay, encodeDay } from "./day-codec";
import type { Progress } from "./progress";
import { buildView, type View } from "./view";
import { walkWindow } from "./walk";
import { isSettledDay, runs, splitByDay } from "./window-days";

export type StoreOptions = {
  client: IletimerkeziClient;
  /** Where settled days outlive the process (lib/store); none: memory only. */
  archive?: DayArchive;
  concurrency: number;
  now: () => Date;
  log: LogSink;
  settledTtlMs?: number;
  freshTtlMs?: number;
};

type DayEntry = { cols: Columns; fetchedAt: number; settled: boolean; version: number };

type LoadOptions = { refresh?: boolean; progress?: Progress };

/** Views kept at once: a report needs one (its range); a few serve a handful of users' ranges. */
const MAX_VIEWS = 4;

export class OrderStore {
  private readonly days = new Map<string, DayEntry>();
  private readonly pending = new Map<string, Promise<void>>();
  private readonly restoring = new Map<string, Promise<void>>();
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

  /**
   * The range's day columns if no upstream call is needed for them (in memory, or settled in the
   * store), else null.
   */
  async cachedDays(range: DateRange): Promise<Columns[] | null> {
    await this.restore(range);
    const now = Date.now();
    const days = eachDay(range);
    if (days.some((day) => this.pending.has(day) || this.isStale(day, now, false))) return null;
    return this.dayColumns(days);
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
    await this.restore(range);
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

  /** Reads back the settled days the archive holds, before any upstream call; shared by callers. */
  private async restore(range: DateRange): Promise<void> {
    const archive = this.opts.archive;
    if (!archive) return;
    const now = Date.now();
    const settledBefore = addDays(istanbulToday(this.opts.now()), -1);
    const waits = new Set<Promise<void>>();
    const toRead: string[] = [];
    for (const day of eachDay(range)) {
      if (day >= settledBefore || this.pending.has(day) || !this.isStale(day, now, false)) continue;
      const shared = this.restoring.get(day);
      if (shared) waits.add(shared);
      else toRead.push(day);
    }
    if (toRead.length > 0) {
      const task = archive
        .read(toRead)
        .then((found) => {
          for (const [day, bytes] of found) this.keepRestored(day, bytes);
        })
        // Without the store the upstream still answers; the health check says the store is down.
        .catch((error: unknown) => this.storeError("read", error))
        .finally(() => {
          for (const day of toRead)
            if (this.restoring.get(day) === task) this.restoring.delete(day);
        });
      for (const day of toRead) this.restoring.set(day, task);
      waits.add(task);
    }
    await Promise.all(waits);
  }

  private keepRestored(day: string, bytes: Uint8Array): void {
    if (!this.isStale(day, Date.now(), false)) return; // a walk got there first
    try {
      const cols = decodeDay(bytes, this.dict);
      this.days.set(day, { cols, fetchedAt: Date.now(), settled: true, version: ++this.version });
    } catch (error) {
      this.storeError("decode", error); // the day is walked again and written anew
    }
  }

  private storeError(op: string, error: unknown): void {
    this.opts.log({
      event: "store_error",
      op,
      error: error instanceof Error ? error.message : "unknown",
    });
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
      .then((orders) => this.keep(window, days, orders))
      .finally(() => {
        for (const day of days) if (this.pending.get(day) === task) this.pending.delete(day);
      });
    for (const day of days) this.pending.set(day, task);
    return task;
  }

  /** Keeps a walked window by day; days that settled are written through before it resolves. */
  private async keep(window: DateRange, days: string[], upstream: Columns): Promise<void> {
    const fetchedAt = Date.now();
    const settledBefore = addDays(istanbulToday(this.opts.now()), -1);
    const writes: Promise<void>[] = [];
    for (const [day, cols] of splitByDay(window, days, upstream, this.opts.log)) {
      const settled = day < settledBefore && isSettledDay(cols);
      this.days.set(day, { cols, fetchedAt, settled, version: ++this.version });
      if (settled && this.opts.archive) writes.push(this.archive(day, cols));
    }
    await Promise.all(writes);
  }

  private archive(day: string, cols: Columns): Promise<void> {
    const bytes = encodeDay(cols, this.dict);
    return this.opts
      .archive!.write(day, cols.n, bytes)
      .catch((e: unknown) => this.storeError("write", e));
  }
}

// Orders per Istanbul calendar day, fetched by ≤10-day windows and cached per day (day-cache.ts).
// A day is settled once it ended two days before today and none of its orders can still change.
// Concurrent loads share in-flight windows; with a store, days come back from it before any
// upstream call and, with several instances, a day another instance walks is waited for
// (store-sync.ts). A range's days are joined into a view that is kept while none changes.
import "server-only";
import { LRUCache } from "lru-cache";
import pLimit, { type LimitFunction } from "p-limit";
import { addDays, eachDay, istanbulToday, splitWindows, type DateRange } from "@/lib/dates";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import type { LogSink } from "@/lib/log";
import type { DayClaims } from "@/lib/store/day-claims";
import { AbandonedError } from "@/lib/iletimerkezi/scheduler";
import type { DayArchive } from "@/lib/store/settled-days";
import { Admission } from "./admission";
import {
  ColumnBuilder,
  concatColumns,
  sliceColumns,
  SenderDictionary,
  type Columns,
} from "./columns";
import { DayCache } from "./day-cache";
import { ABANDON_AFTER_MS, Interest, WalkOwner } from "./demand";
import type { Progress } from "./progress";
import { StoreSync } from "./store-sync";
import { buildView, type View } from "./view";
import { walkWindow } from "./walk";
import { isSettledDay, runs, splitByDay } from "./window-days";

export type StoreOptions = {
  client: IletimerkeziClient;
  /** Where walked days outlive the process (lib/store); none: memory only. */
  archive?: DayArchive;
  /** Claims on days being walked, shared by the instances on one Postgres. */
  claims?: DayClaims;
  concurrency: number;
  now: () => Date;
  log: LogSink;
  settledTtlMs?: number;
  freshTtlMs?: number;
  /** A day whose walk just failed fails again at once for this long, instead of being re-walked. */
  failureBackoffMs?: number;
};

/** `interest`: who wants the days (for turns, admission and abandonment); none: the system. */
type LoadOptions = { refresh?: boolean; progress?: Progress; interest?: Interest };

/** Views kept at once: a report needs one (its range); a few serve a handful of users' ranges. */
const MAX_VIEWS = 4;
/** How often a day another instance walks is looked for in the store. */
const OTHERS_POLL_MS = 200;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class OrderStore {
  private readonly cache: DayCache;
  private readonly sync: StoreSync;
  private readonly pending = new Map<string, Promise<void>>();
  /** Who owns the walk behind each pending day: a request for the day joins it. */
  private readonly owners = new Map<string, WalkOwner>();
  private readonly admission = new Admission();
  /** Days whose walk failed, with the error, until their back-off ends. */
  private readonly failed = new LRUCache<string, { error: unknown }>({ max: 4000 });
  private readonly windowDays = { current: 10 };
  private readonly views = new LRUCache<string, { view: View; versions: number[] }>({
    max: MAX_VIEWS,
  });
  readonly dict = new SenderDictionary();
  private readonly failureBackoffMs: number;

  constructor(private readonly opts: StoreOptions) {
    this.cache = new DayCache(opts.settledTtlMs ?? 6 * 3_600_000, opts.freshTtlMs ?? 60_000);
    this.failureBackoffMs = opts.failureBackoffMs ?? 10_000;
    this.sync = new StoreSync(this.cache, this.dict, opts.log, opts.archive, opts.claims);
  }

  /** The range's orders as one block of columns, reused while none of its days changes. */
  async loadView(range: DateRange, options: LoadOptions = {}): Promise<View> {
    await this.fetchMissing(range, options);
    const days = eachDay(range);
    const key = `${range.start}..${range.end}`;
    const versions = days.map((day) => this.cache.get(day)?.version ?? -1);
    const hit = this.views.get(key);
    if (hit && hit.versions.every((v, i) => v === versions[i])) return hit.view;
    const view = buildView(range, days, this.cache.columns(days), this.dict);
    this.shareWithView(days, view);
    this.views.set(key, { view, versions });
    return view;
  }

  /** The range's day columns if no upstream call is needed for them (memory or store), else null. */
  async cachedDays(range: DateRange): Promise<Columns[] | null> {
    const days = eachDay(range);
    await this.sync.restore(days, (day) => this.pending.has(day));
    const now = Date.now();
    if (days.some((day) => this.pending.has(day) || this.cache.isStale(day, now, false)))
      return null;
    return this.cache.columns(days);
  }

  /** The range's orders as one block of columns per day. */
  async loadDays(range: DateRange, options: LoadOptions = {}): Promise<Columns[]> {
    await this.fetchMissing(range, options);
    return this.cache.columns(eachDay(range));
  }

  /** Points each day at its slice of the view's arrays, so a cached range is held once, not twice. */
  private shareWithView(days: string[], view: View): void {
    let offset = 0;
    for (const day of days) {
      const entry = this.cache.get(day);
      if (!entry) continue;
      const { n } = entry.cols;
      entry.cols = sliceColumns(view.cols, offset, offset + n);
      offset += n;
    }
  }

  private async fetchMissing(range: DateRange, options: LoadOptions): Promise<void> {
    const refresh = options.refresh ?? false;
    const all = eachDay(range);
    await this.sync.restore(all, (day) => this.pending.has(day));
    const progress = options.progress ?? { total: 0, done: 0 };
    const interest = options.interest ?? new Interest("system", false, ABANDON_AFTER_MS);
    const now = Date.now();
    const waits = new Set<Promise<void>>();
    const missing: string[] = [];
    for (const day of all) {
      const shared = this.pending.get(day);
      const owner = this.owners.get(day);
      if (shared && !owner?.abandoned) {
        waits.add(shared);
        owner?.join(interest);
      } else if (this.cache.isStale(day, now, refresh)) missing.push(day);
    }
    // Taken before the claim's round trip, so that callers in this process wait for this load,
    // and fail with it if it fails.
    const recent = missing.map((day) => this.failed.get(day)).find(Boolean);
    if (recent) throw recent.error;
    const leave = missing.length > 0 ? this.admission.enter(interest) : null;
    const gate = leave ? deferred() : null;
    const owner = new WalkOwner(interest);
    if (gate && leave) {
      for (const day of missing) {
        this.pending.set(day, gate.promise);
        this.owners.set(day, owner);
      }
      let mine: Set<string>;
      try {
        mine = new Set(await this.sync.claim(missing));
      } catch (error) {
        gate.reject(error);
        throw error;
      }
      const others = missing.filter((day) => !mine.has(day));
      // Windows queue for a few at a time so they complete (and progress advances) in order,
      // while each keeps the scheduler busy with a batch of pages.
      const pool = pLimit(2);
      for (const window of this.windowsOf([...mine]))
        waits.add(this.fetchWindow(window, pool, owner));
      if (others.length > 0) waits.add(this.waitForOthers(others, pool, owner));
      void gate.promise
        .catch(() => {})
        .finally(() => {
          leave();
          for (const day of missing) {
            if (this.pending.get(day) === gate.promise) this.pending.delete(day);
            if (this.owners.get(day) === owner) this.owners.delete(day);
          }
        });
    }
    progress.total += waits.size;
    progress.moved?.();
    try {
      await Promise.all(
        [...waits].map((p) =>
          p.then(() => {
            progress.done++;
            progress.moved?.();
          }),
        ),
      );
      gate?.resolve();
    } catch (error) {
      owner.fail(error);
      gate?.reject(error);
      throw error;
    }
  }

  private windowsOf(days: string[]): DateRange[] {
    return runs(days.sort()).flatMap((run) => splitWindows(run, this.windowDays.current));
  }

  /**
   * Days another instance is walking: read from the store as its walk writes them; a day whose
   * claim ran out (its walker died) is claimed and walked here.
   */
  private waitForOthers(days: string[], pool: LimitFunction, owner: WalkOwner): Promise<void> {
    const task = (async () => {
      let left = days;
      while (left.length > 0) {
        if (owner.abandoned) throw owner.failure ?? new AbandonedError();
        await sleep(OTHERS_POLL_MS);
        await this.sync.restore(left, () => false);
        const now = Date.now();
        left = left.filter((day) => this.cache.isStale(day, now, false));
        const mine = await this.sync.claim(left);
        if (mine.length === 0) continue;
        await Promise.all(this.windowsOf(mine).map((w) => this.fetchWindow(w, pool, owner)));
        left = left.filter((day) => !mine.includes(day));
      }
    })();
    for (const day of days) {
      this.pending.set(day, task);
      this.owners.set(day, owner);
    }
    void task
      .catch(() => {})
      .finally(() => {
        for (const day of days) this.settle(day, task, owner);
      });
    return task;
  }

  private fetchWindow(window: DateRange, pool: LimitFunction, owner: WalkOwner): Promise<void> {
    const days = eachDay(window);
    const release = this.sync.hold(days);
    const task = pool(() =>
      walkWindow(
        window,
        {
          client: this.opts.client,
          batch: this.opts.concurrency,
          log: this.opts.log,
          windowDays: this.windowDays,
          owner,
        },
        // Packed page by page: a window's parsed objects die young instead of piling up.
        () => new ColumnBuilder(this.dict),
        concatColumns,
      ),
    )
      .then((orders) => this.keep(window, days, orders))
      .catch((error: unknown) => {
        // Dropped because the walk was abandoned or failed elsewhere: nothing to remember here.
        if (error instanceof AbandonedError) throw owner.failure ?? error;
        owner.fail(error);
        // The next request within the back-off gets the same failure, not another walk.
        if (this.failureBackoffMs > 0)
          for (const day of days) this.failed.set(day, { error }, { ttl: this.failureBackoffMs });
        throw error;
      })
      .finally(async () => {
        await release();
        for (const day of days) this.settle(day, task, owner);
      });
    for (const day of days) {
      this.pending.set(day, task);
      this.owners.set(day, owner);
    }
    return task;
  }

  /** Forgets the day's pending walk if it is still this one. */
  private settle(day: string, task: Promise<void>, owner: WalkOwner): void {
    if (this.pending.get(day) !== task) return;
    this.pending.delete(day);
    if (this.owners.get(day) === owner) this.owners.delete(day);
  }

  /** Keeps a walked window by day, each written through to the store before it resolves. */
  private async keep(window: DateRange, days: string[], upstream: Columns): Promise<void> {
    const fetchedAt = Date.now();
    const settledBefore = addDays(istanbulToday(this.opts.now()), -1);
    const writes: Promise<void>[] = [];
    for (const [day, cols] of splitByDay(window, days, upstream, this.opts.log)) {
      const settled = day < settledBefore && isSettledDay(cols);
      this.cache.set(day, cols, fetchedAt, settled);
      writes.push(this.sync.write(day, cols, settled, fetchedAt));
    }
    await Promise.all(writes);
  }
}

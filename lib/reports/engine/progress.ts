// How far the walk behind a report has come, by range, for GET /api/reports/progress: a walk's
// counters while it runs, and for a minute after it ends (the browser's last poll reads them).
// With a store, the counters are written through as they move, so that another instance can
// answer the poll of a walk this one runs.
import "server-only";
import { LRUCache } from "lru-cache";
import type { DateRange } from "@/lib/dates";
import type { LogSink } from "@/lib/log";
import type { ProgressResponse } from "@/lib/reports/contract/types";
import type { ProgressStore } from "@/lib/store/walk-progress";

/** A walk's counters; the loader calls `moved` after changing them. */
export type Progress = { total: number; done: number; moved?: () => void };
type Entry = Progress & { finished: boolean };

const KEEP_FINISHED_MS = 60_000;
/** Ranges tracked at once: far more than users walk at a time; the oldest go first. */
const MAX_RANGES = 1000;
/** A stored walk that has not moved for this long is taken as over (its instance stopped). */
const STALE_MS = 30_000;

const keyOf = (r: DateRange) => `${r.start}..${r.end}`;

export class ProgressBoard {
  private readonly entries = new LRUCache<string, Entry>({ max: MAX_RANGES });
  /** The last write per range: writes of one range go in order, so the last state wins. */
  private readonly writes = new Map<string, Promise<void>>();

  constructor(
    private readonly shared?: ProgressStore,
    private readonly log?: LogSink,
  ) {}

  /** Counters for a new walk over the range (the newest walk of a range is the one shown). */
  start(range: DateRange): Progress {
    const key = keyOf(range);
    const entry: Entry = { total: 0, done: 0, finished: false };
    entry.moved = () => this.publish(key, entry);
    this.entries.set(key, entry);
    return entry;
  }

  finish(range: DateRange, progress: Progress): void {
    const key = keyOf(range);
    const entry = this.entries.get(key);
    if (entry !== progress) return;
    const done = { ...entry, finished: true };
    this.entries.set(key, done, { ttl: KEEP_FINISHED_MS });
    this.publish(key, done);
  }

  async read(range: DateRange): Promise<ProgressResponse> {
    const p = this.entries.get(keyOf(range));
    if (p) return { active: !p.finished, windows: { total: p.total, done: p.done } };
    const stored = await this.shared?.read(keyOf(range)).catch(() => null);
    if (!stored || Date.now() - stored.updatedAt > KEEP_FINISHED_MS)
      return { active: false, windows: { total: 0, done: 0 } };
    const active = stored.active && Date.now() - stored.updatedAt < STALE_MS;
    return { active, windows: { total: stored.total, done: stored.done } };
  }

  private publish(key: string, entry: Entry): void {
    const shared = this.shared;
    if (!shared) return;
    const state = {
      total: entry.total,
      done: entry.done,
      active: !entry.finished,
      updatedAt: Date.now(),
    };
    const write = (this.writes.get(key) ?? Promise.resolve())
      .then(() => shared.write(key, state))
      .catch((error: unknown) =>
        this.log?.({
          event: "store_error",
          op: "progress",
          error: error instanceof Error ? error.message : "unknown",
        }),
      );
    this.writes.set(key, write);
    void write.finally(() => {
      if (this.writes.get(key) === write) this.writes.delete(key);
    });
  }
}

// How far the walk behind a report has come, by range, for GET /api/reports/progress: a walk's
// counters while it runs, and for a minute after it ends (the browser's last poll reads them).
import "server-only";
import { LRUCache } from "lru-cache";
import type { DateRange } from "@/lib/dates";
import type { ProgressResponse } from "@/lib/reports/contract/types";

export type Progress = { total: number; done: number };
type Entry = Progress & { finished: boolean };

const KEEP_FINISHED_MS = 60_000;
/** Ranges tracked at once: far more than users walk at a time; the oldest go first. */
const MAX_RANGES = 1000;

const keyOf = (r: DateRange) => `${r.start}..${r.end}`;

export class ProgressBoard {
  private readonly entries = new LRUCache<string, Entry>({ max: MAX_RANGES });

  /** Counters for a new walk over the range (the newest walk of a range is the one shown). */
  start(range: DateRange): Progress {
    const entry: Entry = { total: 0, done: 0, finished: false };
    this.entries.set(keyOf(range), entry);
    return entry;
  }

  finish(range: DateRange, progress: Progress): void {
    const key = keyOf(range);
    const entry = this.entries.get(key);
    if (entry !== progress) return;
    this.entries.set(key, { ...entry, finished: true }, { ttl: KEEP_FINISHED_MS });
  }

  read(range: DateRange): ProgressResponse {
    const p = this.entries.get(keyOf(range));
    if (!p) return { active: false, windows: { total: 0, done: 0 } };
    return { active: !p.finished, windows: { total: p.total, done: p.done } };
  }
}

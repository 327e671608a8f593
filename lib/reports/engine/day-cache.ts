// The days this process holds, as columns, with when each was walked and whether it is settled:
// settled days are good for hours, others for a minute.
import "server-only";
import type { Columns } from "./columns";

export type DayEntry = { cols: Columns; fetchedAt: number; settled: boolean; version: number };

export class DayCache {
  private readonly days = new Map<string, DayEntry>();
  private version = 0;

  constructor(
    private readonly settledTtl: number,
    readonly freshTtl: number,
  ) {}

  get(day: string): DayEntry | undefined {
    return this.days.get(day);
  }

  /** Keeps a day; every change gets a new version, so views know when to rebuild. */
  set(day: string, cols: Columns, fetchedAt: number, settled: boolean): void {
    this.days.set(day, { cols, fetchedAt, settled, version: ++this.version });
  }

  isStale(day: string, now: number, refresh: boolean): boolean {
    const entry = this.days.get(day);
    if (!entry) return true;
    if (entry.settled) return now - entry.fetchedAt > this.settledTtl;
    return refresh || now - entry.fetchedAt > this.freshTtl;
  }

  columns(days: readonly string[]): Columns[] {
    const out: Columns[] = [];
    for (const day of days) {
      const entry = this.days.get(day);
      if (entry) out.push(entry.cols);
    }
    return out;
  }
}

// The engine's side of the store: days read back before any upstream call (settled ones for good,
// others while fresh), walked days written through, and, with several instances, claims on the
// days this process walks so that no two walk the same day at once. A store that fails is logged
// and the upstream answers; numbers never depend on it.
import "server-only";
import { randomBytes } from "node:crypto";
import type { LogSink } from "@/lib/log";
import type { DayClaims } from "@/lib/store/day-claims";
import type { DayArchive } from "@/lib/store/settled-days";
import type { SenderDictionary, Columns } from "./columns";
import type { DayCache } from "./day-cache";
import { decodeDay, encodeDay } from "./day-codec";

/** A claim lasts this long unless renewed: how soon a dead walker's days are taken over. */
export const CLAIM_LEASE_MS = 5000;
const RENEW_EVERY_MS = CLAIM_LEASE_MS / 3;

export class StoreSync {
  private readonly reading = new Map<string, Promise<void>>();
  /** This process, as a claim holder. */
  private readonly holder = randomBytes(8).toString("hex");

  constructor(
    private readonly cache: DayCache,
    private readonly dict: SenderDictionary,
    private readonly log: LogSink,
    private readonly archive?: DayArchive,
    private readonly claims?: DayClaims,
  ) {}

  /** Reads back those of `days` the store holds and this process lacks; shared by callers. */
  async restore(days: readonly string[], skip: (day: string) => boolean): Promise<void> {
    const archive = this.archive;
    if (!archive) return;
    const waits = new Set<Promise<void>>();
    const toRead: string[] = [];
    const now = Date.now();
    for (const day of days) {
      if (skip(day) || !this.cache.isStale(day, now, false)) continue;
      const shared = this.reading.get(day);
      if (shared) waits.add(shared);
      else toRead.push(day);
    }
    if (toRead.length > 0) {
      const task = archive
        .read(toRead, Date.now() - this.cache.freshTtl)
        .then((found) => {
          for (const [day, stored] of found)
            this.keep(day, stored.data, stored.settled, stored.fetchedAt);
        })
        .catch((error: unknown) => this.failed("read", error))
        .finally(() => {
          for (const day of toRead) if (this.reading.get(day) === task) this.reading.delete(day);
        });
      for (const day of toRead) this.reading.set(day, task);
      waits.add(task);
    }
    await Promise.all(waits);
  }

  private keep(day: string, data: Uint8Array, settled: boolean, fetchedAt: number): void {
    if (!this.cache.isStale(day, Date.now(), false)) return; // a walk got there first
    try {
      // A settled day read back starts its hours anew; a fresh one keeps its own minute.
      this.cache.set(day, decodeDay(data, this.dict), settled ? Date.now() : fetchedAt, settled);
    } catch (error) {
      this.failed("decode", error); // the day is walked again and written anew
    }
  }

  /** Writes a walked day through; resolves when it is stored (or the failure logged). */
  write(day: string, cols: Columns, settled: boolean, fetchedAt: number): Promise<void> {
    if (!this.archive) return Promise.resolve();
    const data = encodeDay(cols, this.dict);
    return this.archive
      .write(day, { data, orders: cols.n, settled, fetchedAt })
      .catch((error: unknown) => this.failed("write", error));
  }

  /**
   * Claims `days` for this process: the ones it should walk (all of them without several
   * instances). A walker writes its days before it releases them, so a day claimed just after
   * another's release may already be stored: those are read back and let go, not walked again.
   */
  async claim(days: readonly string[]): Promise<string[]> {
    const claims = this.claims;
    if (!claims || days.length === 0) return [...days];
    let mine: string[];
    try {
      mine = await claims.claim(days, this.holder, CLAIM_LEASE_MS);
    } catch (error) {
      this.failed("claim", error);
      return [...days];
    }
    const before = new Map(mine.map((day) => [day, this.cache.get(day)?.version]));
    await this.restore(mine, () => false);
    // Read back just now (its version moved); a day kept fresh here but refreshed is still walked.
    const stored = mine.filter((day) => this.cache.get(day)?.version !== before.get(day));
    if (stored.length > 0)
      await claims.release(stored, this.holder).catch((e: unknown) => this.failed("release", e));
    return mine.filter((day) => !stored.includes(day));
  }

  /** Keeps the claims on `days` alive until the returned function releases them. */
  hold(days: readonly string[]): () => Promise<void> {
    const claims = this.claims;
    if (!claims) return async () => {};
    const timer = setInterval(() => {
      claims
        .renew(days, this.holder, CLAIM_LEASE_MS)
        .catch((e: unknown) => this.failed("renew", e));
    }, RENEW_EVERY_MS);
    timer.unref();
    return async () => {
      clearInterval(timer);
      await claims.release(days, this.holder).catch((e: unknown) => this.failed("release", e));
    };
  }

  private failed(op: string, error: unknown): void {
    this.log({
      event: "store_error",
      op,
      error: error instanceof Error ? error.message : "unknown",
    });
  }
}

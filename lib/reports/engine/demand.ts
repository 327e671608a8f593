// Who wants the upstream work a walk does, and whether anyone still does. A request that needs
// days walked holds an Interest; the walk's calls are owned by a WalkOwner that every interested
// request joins (lib/iletimerkezi/scheduler.ts takes turns by its user and priority). A walk is
// abandoned once none of its interests is alive: no request open for it and no progress poll
// for its range within the grace (the browser's poll is what says someone is still looking).
// Abandonment is final: the scheduler drops its queued calls and the days are walked afresh when
// asked again; what the walk finished is kept.
import "server-only";
import { LRUCache } from "lru-cache";
import type { DateRange } from "@/lib/dates";
import type { CallOwner } from "@/lib/iletimerkezi/scheduler";

/** Who asks for a report: the signed-in user, and the request's signal (the browser left). */
export type Requester = { user: string; signal?: AbortSignal };

/** How long a walk nobody waits for or polls goes on: about the gap a slow poll may leave. */
export const ABANDON_AFTER_MS = 30_000;

export class Interest {
  private open = true;
  private lastSeen: number;

  constructor(
    readonly user: string,
    readonly background: boolean,
    private readonly graceMs: number,
    signal?: AbortSignal,
  ) {
    this.lastSeen = Date.now();
    if (signal?.aborted) this.close();
    else signal?.addEventListener("abort", () => this.close(), { once: true });
  }

  /** The request ended (answered, failed, timed out or the browser left). */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.lastSeen = Date.now();
  }

  /** Someone looked (a progress poll, a repeated request). */
  touch(): void {
    this.lastSeen = Date.now();
  }

  alive(now = Date.now()): boolean {
    return this.open || now - this.lastSeen < this.graceMs;
  }
}

export class WalkOwner implements CallOwner {
  private readonly interests = new Set<Interest>();
  private ended: { error?: unknown } | null = null;

  constructor(first: Interest) {
    this.interests.add(first);
  }

  /** Another request waits for this walk too (ignored once it is abandoned). */
  join(interest: Interest): void {
    if (!this.abandoned) this.interests.add(interest);
  }

  /** The walk failed: its other windows are not worth walking for the failed report. */
  fail(error: unknown): void {
    this.ended ??= { error };
  }

  /** Why the walk stopped early: its failure, or undefined when nobody waited any more. */
  get failure(): unknown {
    return this.ended?.error;
  }

  get user(): string {
    const now = Date.now();
    let first: Interest | undefined;
    for (const i of this.interests) {
      if (!i.alive(now)) continue;
      if (!i.background) return i.user;
      first ??= i;
    }
    return (first ?? this.interests.values().next().value)?.user ?? "system";
  }

  get background(): boolean {
    const now = Date.now();
    for (const i of this.interests) if (!i.background && i.alive(now)) return false;
    return true;
  }

  get abandoned(): boolean {
    if (this.ended) return true;
    const now = Date.now();
    for (const i of this.interests) if (i.alive(now)) return false;
    this.ended = {};
    return true;
  }
}

const keyOf = (r: DateRange) => `${r.start}..${r.end}`;

/** The interests of open walks by range, so that a progress poll for a range keeps them alive. */
export class Demand {
  private readonly byRange = new LRUCache<string, Set<Interest>>({
    max: 1000,
    ttl: 4 * ABANDON_AFTER_MS,
  });

  constructor(readonly graceMs: number = ABANDON_AFTER_MS) {}

  /** An interest in a range, registered so that polls for the range keep it alive. */
  interest(range: DateRange, user: string, background: boolean, signal?: AbortSignal): Interest {
    const interest = new Interest(user, background, this.graceMs, signal);
    const key = keyOf(range);
    const set = this.byRange.get(key) ?? new Set();
    for (const old of set) if (!old.alive()) set.delete(old);
    set.add(interest);
    this.byRange.set(key, set);
    return interest;
  }

  /** A progress poll for the range: whoever walks it for that page is still wanted. */
  touch(range: DateRange): void {
    for (const interest of this.byRange.get(keyOf(range)) ?? []) interest.touch();
  }
}

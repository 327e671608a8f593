// Login throttling: after `limit` failures for one username or one client address within the
// window, further attempts are refused until the oldest failure ages out. The store is an
// interface so a shared one (Redis, a database) can replace the in-memory one.
import { LRUCache } from "lru-cache";

export interface FailureStore {
  /** Failure times (ms) for the key within the last `windowMs`. */
  recent(key: string, now: number, windowMs: number): number[];
  add(key: string, now: number): void;
  clear(key: string): void;
}

class MemoryFailureStore implements FailureStore {
  // Bounded: a flood of made-up usernames cannot grow it without end; the oldest keys go first.
  private readonly failures = new LRUCache<string, number[]>({ max: 50_000 });

  recent(key: string, now: number, windowMs: number): number[] {
    const kept = (this.failures.get(key) ?? []).filter((t) => t > now - windowMs);
    if (kept.length) this.failures.set(key, kept);
    else this.failures.delete(key);
    return kept;
  }

  add(key: string, now: number): void {
    const list = this.failures.get(key) ?? [];
    list.push(now);
    // Bounded per key: only the newest few matter for the limit.
    this.failures.set(key, list.slice(-20));
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

export type ThrottleOptions = {
  limit?: number;
  windowMs?: number;
  store?: FailureStore;
  now?: () => number;
};

export class LoginThrottle {
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly store: FailureStore;
  private readonly now: () => number;

  constructor(options: ThrottleOptions = {}) {
    this.limit = options.limit ?? 5;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.store = options.store ?? new MemoryFailureStore();
    this.now = options.now ?? Date.now;
  }

  private keys(username: string, address: string) {
    return [`user:${username.toLowerCase()}`, `addr:${address}`];
  }

  /** Seconds until another attempt is allowed, or 0 if allowed now. */
  retryAfter(username: string, address: string): number {
    const now = this.now();
    let wait = 0;
    for (const key of this.keys(username, address)) {
      const recent = this.store.recent(key, now, this.windowMs);
      if (recent.length >= this.limit) {
        const oldest = recent[recent.length - this.limit] ?? now;
        wait = Math.max(wait, Math.ceil((oldest + this.windowMs - now) / 1000));
      }
    }
    return wait;
  }

  fail(username: string, address: string): void {
    for (const key of this.keys(username, address)) this.store.add(key, this.now());
  }

  succeed(username: string): void {
    this.store.clear(`user:${username.toLowerCase()}`);
  }
}

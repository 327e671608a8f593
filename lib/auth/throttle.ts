// Login throttling: after `limit` failures for one username or one client address within the
// window, further attempts are refused until the oldest failure ages out. The failures live in
// the store (lib/store/login-failures.ts), so the limit holds across instances and restarts;
// the in-memory one serves tests and a process without a store.
import { LRUCache } from "lru-cache";

export interface FailureStore {
  /** Failure times (ms) for each key within the last `windowMs`, oldest first. */
  recent(keys: readonly string[], now: number, windowMs: number): Promise<number[][]>;
  add(keys: readonly string[], now: number): Promise<void>;
  clear(key: string): Promise<void>;
}

class MemoryFailureStore implements FailureStore {
  // Bounded: a flood of made-up usernames cannot grow it without end; the oldest keys go first.
  private readonly failures = new LRUCache<string, number[]>({ max: 50_000 });

  async recent(keys: readonly string[], now: number, windowMs: number): Promise<number[][]> {
    return keys.map((key) => {
      const kept = (this.failures.get(key) ?? []).filter((t) => t > now - windowMs);
      if (kept.length) this.failures.set(key, kept);
      else this.failures.delete(key);
      return kept;
    });
  }

  async add(keys: readonly string[], now: number): Promise<void> {
    for (const key of keys) {
      const list = this.failures.get(key) ?? [];
      list.push(now);
      // Bounded per key: only the newest few matter for the limit.
      this.failures.set(key, list.slice(-20));
    }
  }

  async clear(key: string): Promise<void> {
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
  async retryAfter(username: string, address: string): Promise<number> {
    const now = this.now();
    let wait = 0;
    for (const recent of await this.store.recent(
      this.keys(username, address),
      now,
      this.windowMs,
    )) {
      if (recent.length >= this.limit) {
        const oldest = recent[recent.length - this.limit] ?? now;
        wait = Math.max(wait, Math.ceil((oldest + this.windowMs - now) / 1000));
      }
    }
    return wait;
  }

  fail(username: string, address: string): Promise<void> {
    return this.store.add(this.keys(username, address), this.now());
  }

  succeed(username: string): Promise<void> {
    return this.store.clear(`user:${username.toLowerCase()}`);
  }
}

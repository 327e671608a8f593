// Login throttling that slows guessing without letting a stranger lock a real user out. Three
// rules, each over the last 15 minutes of failures:
// - one username from one address (the pair): 5 failures, then that pair waits;
// - one address, whatever the usernames: 20 failures, then that address waits (one client
//   trying many usernames);
// - one username from every address: after 5 failures each further attempt waits 1, 2, 4, … s
//   (at most 30 s) after the latest failure. A delay, not a lock-out: the right password gets in
//   once it has passed. An address the user signed in from within 30 days is spared this rule
//   (only the pair rule holds there), so an attacker who keeps the delay running from many
//   addresses cannot keep the user out from their own.
// Failures and sign-ins live in the store (lib/store/login-failures.ts), so the rules hold across
// instances and restarts; the in-memory store serves tests.
import { LRUCache } from "lru-cache";

/** Rows under keys with this prefix are sign-ins (known addresses), not failures. */
export const KNOWN_PREFIX = "known:";

export interface ThrottleStore {
  /** For each [key, since]: the times (ms) recorded under key after `since`, oldest first. */
  recent(queries: readonly (readonly [key: string, since: number])[]): Promise<number[][]>;
  /** Records `at` under every key. */
  add(keys: readonly string[], at: number): Promise<void>;
  /** Forgets everything recorded under `key`. */
  clear(key: string): Promise<void>;
  /** Drops failures recorded before `failuresBefore`, and sign-ins before `knownBefore`. */
  prune(failuresBefore: number, knownBefore: number): Promise<void>;
}

/** Per key, only the newest few times matter to any rule; older ones are dropped. */
const MEMORY_PER_KEY = 64;

class MemoryThrottleStore implements ThrottleStore {
  // Bounded: a flood of made-up usernames cannot grow it without end; the oldest keys go first.
  private readonly times = new LRUCache<string, number[]>({ max: 50_000 });

  async recent(queries: readonly (readonly [string, number])[]): Promise<number[][]> {
    return queries.map(([key, since]) => (this.times.get(key) ?? []).filter((t) => t > since));
  }

  async add(keys: readonly string[], at: number): Promise<void> {
    for (const key of keys)
      this.times.set(key, [...(this.times.get(key) ?? []), at].slice(-MEMORY_PER_KEY));
  }

  async clear(key: string): Promise<void> {
    this.times.delete(key);
  }

  async prune(failuresBefore: number, knownBefore: number): Promise<void> {
    // Collected first: setting an entry while iterating would move it and visit it again.
    for (const [key, list] of [...this.times.entries()]) {
      const before = key.startsWith(KNOWN_PREFIX) ? knownBefore : failuresBefore;
      const kept = list.filter((t) => t >= before);
      if (kept.length) this.times.set(key, kept);
      else this.times.delete(key);
    }
  }
}

const RULES = {
  windowMs: 15 * 60_000,
  /** Failures of one username from one address before that pair waits. */
  pairLimit: 5,
  /** Failures from one address (any usernames) before that address waits. */
  addressLimit: 20,
  /** Failures of one username (any addresses) before each attempt is delayed. */
  userFreeFailures: 5,
  userDelayMs: 1_000,
  userDelayCapMs: 30_000,
  /** How long an address stays known after a sign-in from it. */
  knownForMs: 30 * 24 * 3_600_000,
};

export type ThrottleOptions = {
  store?: ThrottleStore;
  now?: () => number;
};

export class LoginThrottle {
  private readonly rules = RULES;
  private readonly store: ThrottleStore;
  private readonly now: () => number;

  constructor(options: ThrottleOptions = {}) {
    this.store = options.store ?? new MemoryThrottleStore();
    this.now = options.now ?? Date.now;
  }

  private keys(username: string, address: string) {
    const user = username.toLowerCase();
    return {
      pair: `pair:${JSON.stringify([user, address])}`,
      address: `addr:${address}`,
      user: `user:${user}`,
      known: `${KNOWN_PREFIX}${JSON.stringify([user, address])}`,
    };
  }

  /** Seconds until this username may try from this address, or 0 if it may now. */
  async retryAfter(username: string, address: string): Promise<number> {
    const { windowMs, pairLimit, addressLimit, userFreeFailures } = this.rules;
    const now = this.now();
    const k = this.keys(username, address);
    const since = now - windowMs;
    const [pair = [], addr = [], user = [], known = []] = await this.store.recent([
      [k.pair, since],
      [k.address, since],
      [k.user, since],
      [k.known, now - this.rules.knownForMs],
    ]);
    // Over a limit, the attempt may come when the oldest failure that counts ages out.
    const untilAged = (times: number[], limit: number) =>
      times.length >= limit ? (times[times.length - limit] as number) + windowMs : now;
    let until = Math.max(untilAged(pair, pairLimit), untilAged(addr, addressLimit));
    if (known.length === 0 && user.length >= userFreeFailures) {
      const last = user[user.length - 1] as number;
      until = Math.max(until, last + this.userDelay(user.length));
    }
    return Math.max(0, Math.ceil((until - now) / 1000));
  }

  /** The wait after the latest of `failures` failures of one username (from any address). */
  private userDelay(failures: number): number {
    const { userFreeFailures, userDelayMs, userDelayCapMs } = this.rules;
    const doublings = Math.min(failures - userFreeFailures, 30);
    return Math.min(userDelayMs * 2 ** doublings, userDelayCapMs);
  }

  async fail(username: string, address: string): Promise<void> {
    const now = this.now();
    const k = this.keys(username, address);
    await this.store.add([k.pair, k.address, k.user], now);
    await this.store.prune(now - this.rules.windowMs, now - this.rules.knownForMs);
  }

  /** A sign-in: the pair's failures are forgotten and the address becomes known for the user. */
  async succeed(username: string, address: string): Promise<void> {
    const now = this.now();
    const k = this.keys(username, address);
    await this.store.clear(k.pair);
    await this.store.clear(k.known);
    await this.store.add([k.known], now);
  }
}

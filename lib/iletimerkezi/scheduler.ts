// The account's upstream calls, at most UPSTREAM_CONCURRENCY at once for the whole process, handed
// out fairly instead of first come, first served: calls for what a user is looking at go before
// comparisons; among those, the user with the fewest calls in flight goes next (ties: the one
// served longest ago), and each user's walks share that user's turns the same way. A year walked
// by one user then costs another user's day an equal share of the slots, not a place behind the
// whole year. Work nobody waits for any more is dropped
// from the queue (its owner says so); calls already sent finish.
import "server-only";

/** Who a call is for. The engine keeps these current as requesters come and go. */
export type CallOwner = {
  /** The signed-in user the call serves ("system" for work no user asked for). */
  readonly user: string;
  /** A comparison or prefetch rather than the range a user is looking at. */
  readonly background: boolean;
  /** Nobody waits for this work any more: its queued calls fail with AbandonedError. */
  readonly abandoned: boolean;
};

/** Calls made outside any walk (tests, the simulator's own checks): served like a user's. */
export const SYSTEM_OWNER: CallOwner = { user: "system", background: false, abandoned: false };

export class AbandonedError extends Error {
  name = "AbandonedError";
  constructor() {
    super("the work this upstream call was for was abandoned: nobody waits for it any more");
  }
}

type Waiting = { start: () => void; drop: (error: unknown) => void };

export class FairScheduler {
  private running = 0;
  private served = 0;
  private readonly queues = new Map<CallOwner, Waiting[]>();
  private readonly userServedAt = new Map<string, number>();
  private readonly ownerServedAt = new WeakMap<CallOwner, number>();
  private readonly userRunning = new Map<string, number>();
  private readonly ownerRunning = new Map<CallOwner, number>();

  constructor(public concurrency: number) {}

  /** Calls waiting for a slot. */
  get queued(): number {
    let n = 0;
    for (const q of this.queues.values()) n += q.length;
    return n;
  }

  /** Calls in flight. */
  get active(): number {
    return this.running;
  }

  run<T>(owner: CallOwner, task: () => Promise<T>): Promise<T> {
    if (owner.abandoned) return Promise.reject(new AbandonedError());
    return new Promise<T>((resolve, reject) => {
      const user = owner.user;
      const waiting: Waiting = {
        start: () => {
          let result: Promise<T>;
          try {
            result = task();
          } catch (error) {
            result = Promise.reject(error);
          }
          void result.then(resolve, reject).finally(() => {
            this.running--;
            count(this.userRunning, user, -1);
            count(this.ownerRunning, owner, -1);
            this.dispatch();
          });
        },
        drop: reject,
      };
      const queue = this.queues.get(owner);
      if (queue) queue.push(waiting);
      else this.queues.set(owner, [waiting]);
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.running < this.concurrency) {
      const owner = this.pick();
      if (!owner) return;
      const queue = this.queues.get(owner) as Waiting[];
      const next = queue.shift() as Waiting;
      if (queue.length === 0) this.queues.delete(owner);
      this.running++;
      count(this.userRunning, owner.user, 1);
      count(this.ownerRunning, owner, 1);
      this.served++;
      this.userServedAt.set(owner.user, this.served);
      this.ownerServedAt.set(owner, this.served);
      next.start();
    }
  }

  /** The owner whose turn it is; drops the queues of abandoned owners on the way. */
  private pick(): CallOwner | undefined {
    let best: CallOwner | undefined;
    for (const [owner, queue] of this.queues) {
      if (owner.abandoned) {
        this.queues.delete(owner);
        for (const waiting of queue) waiting.drop(new AbandonedError());
        continue;
      }
      if (!best || this.before(owner, best)) best = owner;
    }
    return best;
  }

  private before(a: CallOwner, b: CallOwner): boolean {
    if (a.background !== b.background) return !a.background;
    const busyA = this.userRunning.get(a.user) ?? 0;
    const busyB = this.userRunning.get(b.user) ?? 0;
    if (busyA !== busyB) return busyA < busyB;
    const userA = this.userServedAt.get(a.user) ?? 0;
    const userB = this.userServedAt.get(b.user) ?? 0;
    if (userA !== userB) return userA < userB;
    const ownA = this.ownerRunning.get(a) ?? 0;
    const ownB = this.ownerRunning.get(b) ?? 0;
    if (ownA !== ownB) return ownA < ownB;
    return (this.ownerServedAt.get(a) ?? 0) < (this.ownerServedAt.get(b) ?? 0);
  }
}

function count<K>(map: Map<K, number>, key: K, by: number): void {
  const n = (map.get(key) ?? 0) + by;
  if (n > 0) map.set(key, n);
  else map.delete(key);
}

// On globalThis: Next gives each route bundle its own module instances, but the account's budget
// holds for the whole process.
const holder = globalThis as typeof globalThis & {
  __accountSchedulers?: Map<string, FairScheduler>;
};
const perAccount = (holder.__accountSchedulers ??= new Map<string, FairScheduler>());

/** The account's scheduler, created on first use; a later call with a new limit changes it. */
export function accountScheduler(account: string, concurrency: number): FairScheduler {
  let scheduler = perAccount.get(account);
  if (!scheduler) perAccount.set(account, (scheduler = new FairScheduler(concurrency)));
  else scheduler.concurrency = concurrency;
  return scheduler;
}

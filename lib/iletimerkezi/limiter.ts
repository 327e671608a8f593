// A counting semaphore: at most `limit` holders at once, FIFO.

export class Limiter {
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(private limit: number) {}

  get inFlight(): number {
    return this.active;
  }

  setLimit(limit: number): void {
    this.limit = limit;
    this.drain();
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(): Promise<void> {
    if (this.active < this.limit) {
      this.active++;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.queue.push(resolve));
  }

  private release(): void {
    this.active--;
    this.drain();
  }

  private drain(): void {
    while (this.active < this.limit && this.queue.length > 0) {
      this.active++;
      this.queue.shift()?.();
    }
  }
}

// On globalThis: Next gives each route bundle its own module instances, but the account's limit
// holds for the whole process.
const holder = globalThis as typeof globalThis & { __accountLimiters?: Map<string, Limiter> };
const perAccount = (holder.__accountLimiters ??= new Map<string, Limiter>());

/** One limiter per account for the whole process, whoever asks. */
export function accountLimiter(account: string, limit: number): Limiter {
  let limiter = perAccount.get(account);
  if (!limiter) {
    limiter = new Limiter(limit);
    perAccount.set(account, limiter);
  } else limiter.setLimit(limit);
  return limiter;
}

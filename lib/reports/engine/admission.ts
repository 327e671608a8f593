// Admission of cold walks (loads that need upstream calls): a few per user at once, and a bound
// for the whole process, so that one user opening forty ranges cannot queue forty walks in front
// of everyone (the scheduler takes turns, but every queued walk still holds its partial days in
// memory). Comparisons have their own small bound: beyond it they wait for the next poll.
import "server-only";
import type { Interest } from "./demand";

/** Cold reports one user may have loading at once; the next gets 429 too_many_reports. */
export const MAX_COLD_WALKS_PER_USER = 3;
/** Cold reports loading at once in this process, all users together. */
const MAX_COLD_WALKS = 16;
/** Comparisons walked in the background at once; more stay "pending" until a later poll. */
const MAX_BACKGROUND_WALKS = 4;
/** What Retry-After says: about how long a cold month takes. */
const RETRY_AFTER_S = 10;

export class TooManyReportsError extends Error {
  name = "TooManyReportsError";
  readonly retryAfterS = RETRY_AFTER_S;
}

export class Admission {
  private readonly perUser = new Map<string, number>();
  private foreground = 0;
  private background = 0;

  /** Admits a cold walk for the interest, or throws; call the returned function when it ends. */
  enter(interest: Interest): () => void {
    if (interest.background) {
      if (this.background >= MAX_BACKGROUND_WALKS)
        throw new TooManyReportsError("Too many comparisons are loading at once.");
      this.background++;
      return once(() => this.background--);
    }
    const mine = this.perUser.get(interest.user) ?? 0;
    if (mine >= MAX_COLD_WALKS_PER_USER)
      throw new TooManyReportsError(
        `You already have ${mine} reports loading data from iletiMerkezi. Wait until one has finished (or close it), then try again.`,
      );
    if (this.foreground >= MAX_COLD_WALKS)
      throw new TooManyReportsError(
        `The dashboard is loading ${this.foreground} reports from iletiMerkezi for your team right now. Try again in a few seconds.`,
      );
    this.perUser.set(interest.user, mine + 1);
    this.foreground++;
    return once(() => {
      this.foreground--;
      const left = (this.perUser.get(interest.user) ?? 1) - 1;
      if (left > 0) this.perUser.set(interest.user, left);
      else this.perUser.delete(interest.user);
    });
  }
}

function once(f: () => void): () => void {
  let done = false;
  return () => {
    if (!done) {
      done = true;
      f();
    }
  };
}

// One concurrency limit per account for the whole process, whoever asks: iletiMerkezi's politeness
// budget belongs to the account, not to a route or an engine.
import "server-only";
import pLimit, { type LimitFunction } from "p-limit";

// On globalThis: Next gives each route bundle its own module instances, but the account's limit
// holds for the whole process.
const holder = globalThis as typeof globalThis & { __accountLimiters?: Map<string, LimitFunction> };
const perAccount = (holder.__accountLimiters ??= new Map<string, LimitFunction>());

/** The account's limiter, created on first use; a later call with a new limit changes it. */
export function accountLimiter(account: string, limit: number): LimitFunction {
  let limiter = perAccount.get(account);
  if (!limiter) perAccount.set(account, (limiter = pLimit(limit)));
  else limiter.concurrency = limit;
  return limiter;
}

// The account's balance, senders and sending pace for GET /api/account. get-balance and get-sender
// are asked at most once per 5 minutes per process (one call in flight however many ask). The pace
// comes from the report engine over the last 30 full Istanbul days; those days may be cold (a walk
// of 30 days upstream), so a request waits for them only briefly: past that it answers with the
// pace pending while the walk goes on, and the next request (the card asks again) finds it cached.
import "server-only";
import { addDays, istanbulToday } from "@/lib/dates";
import { daysLeft, type AccountResponse } from "@/lib/account/contract";
import type { IletimerkeziClient } from "@/lib/iletimerkezi/client";
import type { LogSink } from "@/lib/log";
import { parseReportQuery, type RangeContext } from "@/lib/reports/contract/report-query";
import type { Engine } from "@/lib/reports/engine/engine";

/** How long get-balance and get-sender answers are reused (product.md). */
const ACCOUNT_TTL_MS = 5 * 60_000;
/** The pace is measured over this many full days, ending yesterday. */
const PACE_DAYS = 30;
/** How long a request waits for the pace's days before answering with the pace pending. */
const PACE_WAIT_MS = 1500;
/** A pace whose walk failed is not asked for again for this long (the card shows no pace). */
const PACE_FAILED_MS = 60_000;

export type AccountDeps = {
  client: IletimerkeziClient;
  engine: Engine;
  now: () => Date;
  rangeContext: () => RangeContext;
  log: LogSink;
  ttlMs?: number;
  paceWaitMs?: number;
};

type Upstream = Pick<AccountResponse, "balance" | "senders">;
type PaceEntry = {
  range: string;
  promise: Promise<number>;
  outcome?: { smsPerDay: number; at: number } | { failed: true; at: number };
};

const sleep = (ms: number) => new Promise<"waited">((r) => setTimeout(() => r("waited"), ms));

export function createAccount(deps: AccountDeps) {
  const ttlMs = deps.ttlMs ?? ACCOUNT_TTL_MS;
  const paceWaitMs = deps.paceWaitMs ?? PACE_WAIT_MS;
  let upstream: { at: number; promise: Promise<Upstream> } | null = null;
  let pace: PaceEntry | null = null;

  function fromUpstream(): Promise<Upstream> {
    const at = deps.now().getTime();
    if (upstream && at - upstream.at < ttlMs) return upstream.promise;
    const promise = Promise.all([deps.client.getBalance(), deps.client.getSender()]).then(
      ([balance, senders]) => ({ balance, senders }),
    );
    const entry = { at, promise };
    upstream = entry;
    // A failure is not kept: the next request asks again.
    promise.catch(() => {
      if (upstream === entry) upstream = null;
    });
    return promise;
  }

  /** The pace's walk for the 30 days ending yesterday, shared by every request while it runs. */
  function paceEntry(user: string): PaceEntry {
    const context = deps.rangeContext();
    const end = addDays(istanbulToday(deps.now()), -1);
    const start = addDays(end, -(PACE_DAYS - 1));
    const range = `${start}..${end}`;
    const at = deps.now().getTime();
    const o = pace?.range === range ? pace.outcome : undefined;
    const fresh =
      pace?.range === range && (!o || at - o.at < ("failed" in o ? PACE_FAILED_MS : ttlMs));
    if (pace && fresh) return pace;
    // compare=none: the pace needs no comparison period walked behind it.
    const params = new URLSearchParams({ start, end, pageSize: "1", compare: "none" });
    const query = parseReportQuery(params, context);
    const entry: PaceEntry = {
      range,
      promise: deps.engine.report(query, { user }).then((r) => r.totals.messages / PACE_DAYS),
    };
    entry.promise.then(
      (smsPerDay) => (entry.outcome = { smsPerDay, at: deps.now().getTime() }),
      (error: unknown) => {
        // Too many walks at once: nothing to remember, the next request tries again.
        if (pace === entry && (error as Error)?.name === "TooManyReportsError") pace = null;
        else entry.outcome = { failed: true, at: deps.now().getTime() };
        deps.log({
          event: "account_pace_failed",
          start,
          end,
          error: error instanceof Error ? error.name : "unknown",
        });
      },
    );
    pace = entry;
    return entry;
  }

  async function smsPerDay(user: string): Promise<{ smsPerDay: number | null; pending: boolean }> {
    const entry = paceEntry(user);
    const result = await Promise.race([entry.promise.catch(() => null), sleep(paceWaitMs)]);
    if (result === "waited") return { smsPerDay: null, pending: true };
    return { smsPerDay: result, pending: false };
  }

  return {
    async summary(user: string): Promise<AccountResponse> {
      const [{ balance, senders }, measured] = await Promise.all([fromUpstream(), smsPerDay(user)]);
      const perDay = measured.smsPerDay === null ? null : Math.round(measured.smsPerDay * 10) / 10;
      return {
        balance,
        senders,
        pace: {
          smsPerDay: perDay,
          daysLeft: daysLeft(balance.sms, measured.smsPerDay),
          pending: measured.pending,
        },
      };
    },
  };
}

export type Account = ReturnType<typeof createAccount>;

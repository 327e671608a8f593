// Test wiring: a simulator reached through the real client, as demo mode does it, and the app's
// parts built by the composition root's own builder.
import { istanbulToday, type DateRange } from "@/lib/dates";
import { createClient } from "@/lib/iletimerkezi/client";
import { accountFingerprint } from "@/lib/iletimerkezi/hash";
import { silent, type LogFields } from "@/lib/log";
import type { BareOrder } from "@/lib/reports/contract/types";
import { orderAt } from "@/lib/reports/engine/columns";
import { createEngine, type EngineDeps } from "@/lib/reports/engine/engine";
import { OrderStore } from "@/lib/reports/engine/order-store";
import { createAccount, type AccountDeps } from "@/lib/server/account";
import type { Services } from "@/lib/server/services";
import type { DayClaims } from "@/lib/store/day-claims";
import type { DayArchive } from "@/lib/store/settled-days";
import type { ProgressStore } from "@/lib/store/walk-progress";
import { createSimulator, type Simulator, type SimulatorOptions } from "@/lib/simulator";

export const NOW = new Date("2026-04-29T12:00:00+03:00");

let accounts = 0;

export function harness(
  simOptions: Partial<SimulatorOptions> = {},
  opts: {
    concurrency?: number;
    timeoutMs?: number;
    maxAttempts?: number;
    maxRangeDays?: number;
    /** Another harness's simulator: several engines on one upstream (the same account). */
    sim?: Simulator;
    /** Shares the account's budget with other engines (lib/store/upstream-slots.ts). */
    shared?: <T>(task: () => Promise<T>) => Promise<T>;
    /** Rewrites the simulator's answers (e.g. odd sender names). */
    mapResponse?: (json: unknown) => unknown;
    /** Where walked days are kept beyond this harness (a store's days). */
    archive?: DayArchive;
    /** Claims on days being walked, when several engines share one Postgres. */
    claims?: DayClaims;
    /** Walk progress shared with other engines. */
    progress?: ProgressStore;
    /** How long a day that is not settled stays good (default a minute). */
    freshTtlMs?: number;
    /** How long a failed day fails again at once (default 10 s). */
    failureBackoffMs?: number;
    /** How long a walk nobody waits for or polls goes on (default 30 s). */
    abandonAfterMs?: number;
    /** When a report request gives up with 504 (default 120 s). */
    deadlineMs?: number;
    /** The account's campaign labels (lib/store/label-cache.ts or a test's own). */
    labels?: EngineDeps["labels"];
    /** GET /api/account's cache and how long it waits for the pace. */
    account?: Pick<AccountDeps, "ttlMs" | "paceWaitMs">;
  } = {},
) {
  // A distinct key per harness: the limiter is per account and process-wide.
  const key = opts.sim?.options.key ?? `test-key-${++accounts}`;
  const sim = opts.sim ?? createSimulator({ now: () => NOW, key, ...simOptions });
  const { secret } = sim.credentials();
  const logs: LogFields[] = [];
  const log = (f: LogFields) => void logs.push(f);
  const concurrency = opts.concurrency ?? 4;
  const client = createClient({
    baseUrl: "http://simulator.test/v1",
    key,
    secret,
    timeoutMs: opts.timeoutMs ?? 5000,
    concurrency,
    fetch: async (input, init) => {
      const res = await sim.handle(new Request(input, init));
      if (!opts.mapResponse || res.status !== 200) return res;
      return Response.json(opts.mapResponse(await res.json()));
    },
    backoffMs: 1,
    maxAttempts: opts.maxAttempts,
    log: silent,
    shared: opts.shared,
    // Each harness its own process-wide limit, as if it were an instance of its own.
    limiterScope: `harness-${++accounts}`,
  });
  const now = () => sim.options.now();
  const maxRangeDays = opts.maxRangeDays ?? 366;
  const store = new OrderStore({
    client,
    concurrency,
    now,
    log,
    archive: opts.archive,
    claims: opts.claims,
    freshTtlMs: opts.freshTtlMs,
    failureBackoffMs: opts.failureBackoffMs,
  });
  const engine = createEngine({
    client,
    store,
    now,
    log,
    progress: opts.progress,
    abandonAfterMs: opts.abandonAfterMs,
    deadlineMs: opts.deadlineMs,
    labels: opts.labels,
  });
  const rangeContext = () => ({ today: istanbulToday(now()), maxRangeDays });
  const services: Services = {
    engine,
    rangeContext,
    account: createAccount({ client, engine, now, rangeContext, log, ...opts.account }),
    fingerprint: accountFingerprint(key),
    client,
  };
  /** Every order of the range as objects (loading what is missing), for the reference report. */
  async function ordersIn(range: DateRange): Promise<BareOrder[]> {
    const out: BareOrder[] = [];
    const days = await store.loadDays(range);
    for (const cols of days)
      for (let i = 0; i < cols.n; i++) out.push(orderAt(cols, i, store.dict));
    return out;
  }
  return { sim, client, engine, store, services, logs, ordersIn };
}

/**
 * The simulator's truth for a report's comparison: its range's totals, its last day counted only
 * up to `until` (the like-for-like cut-off of a range that ends today) when there is one.
 */
export function comparisonTruth(
  sim: Simulator,
  previous: { range: DateRange; until: string | null },
): { orders: number; messages: number; delivered: number; undelivered: number; waiting: number } {
  const { start, end } = previous.range;
  if (!previous.until) return sim.truth(start, end).totals;
  // The instant as an Istanbul wall-clock timestamp (UTC+3 all year).
  const cutoff = new Date(Date.parse(previous.until) + 3 * 3_600_000)
    .toISOString()
    .slice(0, 19)
    .replace("T", " ");
  const totals = { orders: 0, messages: 0, delivered: 0, undelivered: 0, waiting: 0 };
  for (const o of sim.orders(start, end)) {
    if (o.submitAt > cutoff) continue;
    totals.orders++;
    totals.messages += o.total;
    totals.delivered += o.delivered;
    totals.undelivered += o.undelivered;
    totals.waiting += o.waiting;
  }
  return totals;
}

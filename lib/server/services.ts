// The composition root: the one place that builds the app's parts from the validated environment
// and chooses between live and demo (the built-in simulator, reached through the same client).
// Route handlers and pages ask for `services()`; nothing else decides.
import "server-only";
import { istanbulToday } from "@/lib/dates";
import { env } from "@/lib/env";
import { createClient, type IletimerkeziClient } from "@/lib/iletimerkezi/client";
import { accountFingerprint } from "@/lib/iletimerkezi/hash";
import { logToStdout, type LogSink } from "@/lib/log";
import type { RangeContext } from "@/lib/reports/contract/report-query";
import { createEngine, type Engine, type EngineDeps } from "@/lib/reports/engine/engine";
import { OrderStore } from "@/lib/reports/engine/order-store";
import { createSimulator } from "@/lib/simulator";
import { dayClaims, type DayClaims } from "@/lib/store/day-claims";
import { labelCache } from "@/lib/store/label-cache";
import { labelStore } from "@/lib/store/labels";
import { settledDays, type DayArchive } from "@/lib/store/settled-days";
import { upstreamSlots } from "@/lib/store/upstream-slots";
import { walkProgress, type ProgressStore } from "@/lib/store/walk-progress";
import { guarded } from "./access";
import { createAccount, type Account } from "./account";
import { store } from "./store";

const DEMO_BASE_URL = "http://simulator.invalid/v1";
/** A slot outlives its call by this much at most when its instance dies mid-call. */
const SLOT_LEASE_MARGIN_MS = 5000;

export type Services = {
  engine: Engine;
  /** Today in Istanbul and the longest range: what every report query is resolved against. */
  rangeContext: () => RangeContext;
  /** GET /api/account: balance and senders (cached 5 minutes) and the sending pace. */
  account: Account;
  /** The API key's fingerprint (never the key): what the store's rows of this account carry. */
  fingerprint: string;
  /** The account's client, for work outside the engine's reports (follow-up lists' get-report pages). */
  client: IletimerkeziClient;
};

export type ServiceDeps = {
  client: ReturnType<typeof createClient>;
  /** accountFingerprint of the API key the client uses. */
  fingerprint: string;
  /** Where walked days outlive the process; none: memory only. */
  archive?: DayArchive;
  /** Claims on days being walked, shared by the instances on one Postgres. */
  claims?: DayClaims;
  /** Walk progress shared by the instances on one Postgres. */
  progress?: ProgressStore;
  /** The account's campaign labels; none: no order has one. */
  labels?: EngineDeps["labels"];
  concurrency: number;
  now: () => Date;
  log: LogSink;
  maxRangeDays: number;
};

/** The parts, given a client and a clock (tests pass their own). */
export function buildServices(deps: ServiceDeps): Services {
  const orders = new OrderStore(deps);
  const engine = createEngine({ ...deps, store: orders });
  const rangeContext = () => ({
    today: istanbulToday(deps.now()),
    maxRangeDays: deps.maxRangeDays,
  });
  return {
    engine,
    rangeContext,
    account: createAccount({ ...deps, engine, rangeContext }),
    fingerprint: deps.fingerprint,
    client: deps.client,
  };
}

async function fromEnv(): Promise<Services> {
  const config = env();
  let upstream = config.upstream;
  let fetchImpl: typeof fetch | undefined;
  if (!upstream) {
    const sim = createSimulator({ latencyMs: 20, jitterMs: 10 });
    const { key, secret } = sim.credentials();
    upstream = { baseUrl: DEMO_BASE_URL, key, secret };
    fetchImpl = (input, init) => sim.handle(new Request(input, init));
  }
  const account = accountFingerprint(upstream.key);
  const opened = await store();
  // Several instances on one Postgres share the account's budget; the embedded store is one's own.
  const shared =
    opened.kind === "postgres"
      ? upstreamSlots(opened.db, {
          account,
          size: config.concurrency,
          leaseMs: config.timeoutMs + SLOT_LEASE_MARGIN_MS,
          log: logToStdout,
        })
      : undefined;
  const client = createClient({
    ...upstream,
    timeoutMs: config.timeoutMs,
    concurrency: config.concurrency,
    fetch: fetchImpl,
    log: logToStdout,
    shared,
  });
  return buildServices({
    client,
    fingerprint: account,
    archive: settledDays(opened.db, account),
    claims: opened.kind === "postgres" ? dayClaims(opened.db, account) : undefined,
    progress: opened.kind === "postgres" ? walkProgress(opened.db, account) : undefined,
    labels: storeLabels(labelCache(labelStore(opened.db, account))),
    concurrency: config.concurrency,
    now: () => new Date(),
    log: logToStdout,
    maxRangeDays: config.maxRangeDays,
  });
}

/**
 * The labels for the engine: a store that fails fails the answer with 503 store_unavailable; a
 * report without its labels would count a label filter's orders wrong without saying so.
 */
function storeLabels(cache: ReturnType<typeof labelCache>): EngineDeps["labels"] {
  return { current: () => guarded(() => cache.current(), "campaign labels cannot be read") };
}

// Kept on globalThis so dev-mode module reloads keep the cache and the limiter.
const holder = globalThis as typeof globalThis & { __services?: Promise<Services> };

export function services(): Promise<Services> {
  holder.__services ??= fromEnv();
  return holder.__services;
}

/** Route tests swap in services wired to their own simulator and clock. */
export function setServicesForTesting(replacement: Services | undefined): void {
  holder.__services = replacement && Promise.resolve(replacement);
}
